from __future__ import annotations

from typing import Any

from django import forms

from headway.accounts.models import User
from headway.core.forms import LongTextBounds
from headway.domain.text import TextRuleError, check_display_name


class ProfileForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ("display_name",)
        labels = {"display_name": "Your name"}
        help_texts = {"display_name": "Shown to mentors you invite. Optional."}

    def clean_display_name(self) -> str:
        try:
            return check_display_name(self.cleaned_data["display_name"])
        except TextRuleError as error:
            raise forms.ValidationError(error.message) from None


class SignupForm(LongTextBounds, forms.Form):
    """The name asked at sign-up (allauth's form adds the email and passwords)."""

    display_name = forms.CharField(
        max_length=120,
        label="Your name",
        help_text="How Headway greets you, and how mentors you invite see you.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ("display_name",)

    def signup(self, request: Any, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


class TokenCreateForm(LongTextBounds, forms.Form):
    name = forms.CharField(
        max_length=80,
        label="Token name",
        help_text="What will use it, for example “backup script”.",
    )


class AccountDeleteForm(LongTextBounds, forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label="I understand that my plan, goals and all other data will be deleted for good.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your current password.")
        return password
