import django.db.models.deletion
from django.db import migrations, models


def drop_unjudged_matches(apps, schema_editor):
    # Matches made before closeness was judged (and by title for outdated codes) are not
    # trusted. Forgetting the crosswalk's import makes `headway data ensure` import it again.
    Occupation = apps.get_model("careers", "Occupation")
    apps.get_model("careers", "Dataset").objects.filter(key="crosswalk").delete()
    Occupation.objects.filter(source="esco").update(onet_match=None)
    Occupation.objects.filter(source="esco", crosswalk_method="title").update(crosswalk_method="")


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0003_area_wages"),
    ]

    operations = [
        migrations.AddField(
            model_name="occupation",
            name="crosswalk_candidate",
            field=models.ForeignKey(
                blank=True,
                help_text="The current O*NET occupation the crosswalk names, close or not.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="careers.occupation",
            ),
        ),
        migrations.AddField(
            model_name="occupation",
            name="match_closeness",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="{title, work, rank, of}: see domain.occupation_match.",
            ),
        ),
        migrations.AlterField(
            model_name="occupation",
            name="crosswalk_method",
            field=models.CharField(
                blank=True,
                choices=[
                    ("code", "crosswalk row"),
                    (
                        "official",
                        "crosswalk row, its O*NET-SOC 2010 code changed by O*NET-SOC 2019",
                    ),
                    ("broader", "crosswalk row of a broader ESCO occupation"),
                ],
                default="",
                max_length=8,
            ),
        ),
        migrations.RunPython(drop_unjudged_matches, migrations.RunPython.noop),
    ]
