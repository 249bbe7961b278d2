"""Inviting a reviewer, and every way an invitation link can fail."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headway.accounts.models import User
from headway.feedback import services
from headway.feedback.models import Invitation, ReviewerAccess
from headway.plans.models import Goal
from tests.factories import PASSWORD, UserFactory
from tests.feedback.factories import GoalFactory, invite, share

INVITE = "/feedback/invite/"


def _link(mail: Any) -> str:
    # Sent while answering a request: the link is on the address the request came to.
    found = re.search(r"http://testserver(/feedback/accept/\S+/)", mail.body)
    assert found is not None, mail.body
    return found.group(1)


def _form(**overrides: Any) -> dict[str, Any]:
    return {
        "email": "dana@example.org",
        "role": "mentor",
        "message": "Could you check my dates?",
        "scope": "goals",
        **overrides,
    }


def test_it_invites_a_reviewer_by_email_with_a_link_that_is_stored_only_hashed(
    owner_client: Client, goal: Goal, mailoutbox: list[Any]
) -> None:
    response = owner_client.post(INVITE, _form(goals=[goal.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback-home")
    (mail,) = mailoutbox
    assert mail.to == ["dana@example.org"]
    assert "Alice asks for your feedback" in mail.subject
    assert "Could you check my dates?" in mail.body
    assert goal.statement in mail.body
    assert "14 days" in mail.body
    link = _link(mail)
    invitation = Invitation.objects.get()
    token = link.rstrip("/").rsplit("/", 1)[1]
    raw = token.split(":")[0]
    assert raw not in invitation.token_hash and token not in invitation.token_hash
    assert list(invitation.goals.all()) == [goal]
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_the_invitation_link_reaches_the_server_the_owner_used(
    owner_client: Client, goal: Goal, mailoutbox: list[Any], settings: Any
) -> None:
    settings.ALLOWED_HOSTS = ["192.168.1.20"]
    owner_client.post(INVITE, _form(goals=[goal.pk]), HTTP_HOST="192.168.1.20:8101", secure=False)
    assert "http://192.168.1.20:8101/feedback/accept/" in mailoutbox[0].body
    assert "headway.example" not in mailoutbox[0].body
    assert "Hello from" not in mailoutbox[0].body


def test_the_invitation_form_needs_the_csrf_token(csrf_client: Client, goal: Goal) -> None:
    assert csrf_client.post(INVITE, _form(goals=[goal.pk])).status_code == 403
    page = csrf_client.get(INVITE)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token is not None
    response = csrf_client.post(INVITE, _form(goals=[goal.pk], csrfmiddlewaretoken=token.group(1)))
    assert response.status_code == 302


def test_the_invite_page_preselects_the_goal_it_was_opened_for(
    owner_client: Client, goal: Goal, other_goal: Goal
) -> None:
    html = owner_client.get(f"{INVITE}?goal={goal.pk}").content.decode()
    assert re.search(rf'value="{goal.pk}"[^>]*checked', html)
    assert not re.search(rf'value="{other_goal.pk}"[^>]*checked', html)


def test_the_expiry_comes_from_the_setting(
    owner_client: Client, settings: Any, mailoutbox: list[Any]
) -> None:
    settings.HEADWAY_FEEDBACK_INVITATION_DAYS = 3
    assert "3 days" in owner_client.get(INVITE).content.decode()
    owner_client.post(INVITE, _form(scope="plan"))
    invitation = Invitation.objects.get()
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)
    assert "3 days" in mailoutbox[0].body


def test_invitations_are_capped_per_day_and_the_form_keeps_what_was_typed(
    owner_client: Client, settings: Any, mailoutbox: list[Any]
) -> None:
    settings.HEADWAY_FEEDBACK_INVITATIONS_PER_DAY = 2
    for n in (1, 2):
        owner_client.post(INVITE, _form(email=f"r{n}@example.org", scope="plan"))
    response = owner_client.post(INVITE, _form(email="r3@example.org", scope="plan"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "sent 2 invitations in the last 24 hours" in html
    assert 'value="r3@example.org"' in html
    assert len(mailoutbox) == Invitation.objects.count() == 2
    # A day later there is room again.
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        owner_client.post(INVITE, _form(email="r3@example.org", scope="plan"))
    assert Invitation.objects.count() == 3


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("alice@example.org", "That is your own address."),
        ("  ALICE@example.org ", "That is your own address."),
        ("dana@", "Enter a full email address"),
        ("not an address", "Enter a full email address"),
        ("", "This field is required."),
    ],
)
def test_bad_addresses_get_a_specific_message_and_keep_what_was_typed(
    owner_client: Client, goal: Goal, email: str, message: str
) -> None:
    response = owner_client.post(
        INVITE, _form(email=email, message="Please look at my dates", goals=[goal.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'id="id_email_error"' in html
    assert "Please look at my dates" in html
    assert re.search(rf'value="{goal.pk}"[^>]*checked', html)
    assert not Invitation.objects.exists()


def test_inviting_another_address_of_your_own_is_refused(owner: User, owner_client: Client) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=owner, email="alice.work@example.org", verified=True)
    response = owner_client.post(INVITE, _form(email="Alice.Work@example.org", scope="plan"))
    assert "That is your own address." in response.content.decode()


def test_an_address_with_a_pending_invitation_cannot_be_invited_again(
    owner: User, owner_client: Client, mailoutbox: list[Any]
) -> None:
    invite(owner, "dana@example.org")
    response = owner_client.post(INVITE, _form(email="Dana@Example.org", scope="plan"))
    html = response.content.decode()
    assert "dana@example.org is already invited or already reviews your plan" in html
    assert 'value="Dana@Example.org"' in html
    assert Invitation.objects.count() == 1
    assert len(mailoutbox) == 1


def test_an_active_reviewer_cannot_be_invited_again(
    owner_client: Client, access: ReviewerAccess
) -> None:
    response = owner_client.post(INVITE, _form(scope="plan"))
    assert "already invited or already reviews your plan" in response.content.decode()


def test_a_reviewer_who_accepted_with_another_address_counts_as_invited(
    owner: User, owner_client: Client
) -> None:
    other = UserFactory(email="dana.private@example.org")
    _, token = invite(owner, "dana@example.org")
    services.invitation_accept(token=token, user=other)
    response = owner_client.post(INVITE, _form(scope="plan"))
    assert "already invited or already reviews your plan" in response.content.decode()


def test_withdrawn_expired_and_ended_invitations_free_the_address(
    owner: User, owner_client: Client, dana: User
) -> None:
    first, _ = invite(owner, "dana@example.org")
    services.invitation_withdraw(invitation=first)
    assert owner_client.post(INVITE, _form(scope="plan")).status_code == 302
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert owner_client.post(INVITE, _form(scope="plan")).status_code == 302
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    access = share(owner, dana, scope="plan")
    services.access_end(access=access, by=ReviewerAccess.EndedBy.REVIEWER)
    assert owner_client.post(INVITE, _form(scope="plan")).status_code == 302


def test_sharing_chosen_goals_needs_at_least_one(owner_client: Client, goal: Goal) -> None:
    response = owner_client.post(INVITE, _form())
    html = response.content.decode()
    assert "Choose at least one goal to share, or share the whole plan." in html
    assert 'value="dana@example.org"' in html


def test_another_users_goal_cannot_be_shared(owner_client: Client, stranger: User) -> None:
    theirs = GoalFactory(user=stranger)
    response = owner_client.post(INVITE, _form(goals=[theirs.pk]))
    assert response.status_code == 200
    assert not Invitation.objects.exists()


# Accepting


def test_a_visitor_logs_in_and_comes_back_to_accept(owner: User, goal: Goal, dana: User) -> None:
    _, token = invite(owner, dana.email, [goal], message="Thanks!")
    url = reverse("feedback-accept", args=[token])
    visitor = Client()
    landing = visitor.get(url)
    assert landing.status_code == 200
    html = landing.content.decode()
    assert "Alice asks for your feedback" in html
    assert f"/accounts/login/?{urlencode({'next': url})}" in html
    assert f"/accounts/signup/?{urlencode({'next': url})}" in html
    assert goal.statement not in html  # nothing of the plan before signing in
    logged_in = visitor.post(
        f"/accounts/login/?next={url}", {"login": dana.email, "password": PASSWORD}
    )
    assert logged_in.status_code == 302
    assert logged_in["Location"] == url
    page = visitor.get(url).content.decode()
    assert goal.statement in page and "Thanks!" in page
    accepted = visitor.post(url)
    # Invited to one goal: they land on that goal, not on a plan of their own to start.
    assert accepted["Location"] == reverse("feedback-shared-goal", args=[goal.pk])


def test_a_new_mentor_signs_up_confirms_and_lands_on_the_invited_goal(
    owner: User, goal: Goal, mailoutbox: list[Any]
) -> None:
    _, token = invite(owner, "newmentor@example.org", [goal])
    url = reverse("feedback-accept", args=[token])
    visitor = Client()
    visitor.get(url)
    signed_up = visitor.post(
        f"/accounts/signup/?{urlencode({'next': url})}",
        {
            "display_name": "Nia Mentor",
            "email": "newmentor@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert signed_up.status_code == 302
    confirm = re.search(r"/accounts/confirm-email/\S+/", mailoutbox[-1].body)
    assert confirm is not None
    confirmed = visitor.post(confirm.group(0))
    assert confirmed["Location"] == url
    accepted = visitor.post(url)
    assert accepted["Location"] == reverse("feedback-shared-goal", args=[goal.pk])
    assert goal.statement in visitor.get(accepted["Location"]).content.decode()


def test_accepting_a_whole_plan_lands_on_the_shared_plan(owner: User, dana: User) -> None:
    _, token = invite(owner, dana.email, scope="plan")
    client = Client()
    client.force_login(dana)
    accepted = client.post(reverse("feedback-accept", args=[token]))
    access = ReviewerAccess.objects.get(reviewer=dana)
    assert accepted["Location"] == reverse("feedback-shared-plan", args=[access.pk])


def test_an_anonymous_post_goes_to_the_login_page(owner: User) -> None:
    _, token = invite(owner, scope="plan")
    url = reverse("feedback-accept", args=[token])
    response = Client().post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert not ReviewerAccess.objects.exists()


def test_the_invitation_waits_in_the_browser_through_sign_up(owner: User) -> None:
    _, token = invite(owner, "newcomer@example.org", scope="plan")
    url = reverse("feedback-accept", args=[token])
    browser = Client()
    browser.get(url)
    newcomer = UserFactory(email="newcomer@example.org")
    browser.post("/accounts/login/", {"login": newcomer.email, "password": PASSWORD})
    html = browser.get(reverse("feedback-reviewing")).content.decode()
    assert "Alice invited you to review their plan" in html
    assert f'href="{url}"' in html


def test_accepting_opens_only_the_shared_goals(
    owner: User, dana: User, dana_client: Client, goal: Goal, other_goal: Goal
) -> None:
    _, token = invite(owner, dana.email, [goal])
    dana_client.post(reverse("feedback-accept", args=[token]))
    access = ReviewerAccess.objects.get()
    assert (access.owner, access.reviewer, access.role) == (owner, dana, "mentor")
    page = dana_client.get(reverse("feedback-shared-plan", args=[access.pk])).content.decode()
    assert goal.statement in page
    assert other_goal.statement not in page
    assert dana_client.get(reverse("feedback-shared-goal", args=[goal.pk])).status_code == 200
    assert dana_client.get(reverse("feedback-shared-goal", args=[other_goal.pk])).status_code == 404


def test_the_owner_is_told_when_an_invitation_is_accepted(
    owner: User, dana: User, mailoutbox: list[Any]
) -> None:
    share(owner, dana, scope="plan")
    assert mailoutbox[-1].to == [owner.email]
    assert "Dana accepted your invitation" in mailoutbox[-1].subject


def test_accepting_while_already_reviewing_widens_the_access(
    owner: User, dana: User, goal: Goal, other_goal: Goal
) -> None:
    access = share(owner, dana, [goal])
    _, token = invite(owner, "dana.other@example.org", [other_goal])
    again = services.invitation_accept(token=token, user=dana)
    assert again.pk == access.pk
    assert set(again.goals.all()) == {goal, other_goal}
    assert ReviewerAccess.objects.count() == 1


def _refused(response: Any, status: int, title: str) -> str:
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert "What to do:" in html
    assert "Page not found" not in html
    return html


def test_a_used_link_fails_with_a_clear_page(owner: User, dana: User) -> None:
    _, token = invite(owner, dana.email, scope="plan")
    services.invitation_accept(token=token, user=dana)
    url = reverse("feedback-accept", args=[token])
    other = Client()
    other.force_login(UserFactory())
    _refused(other.get(url), 410, "This invitation was already used")
    _refused(other.post(url), 410, "This invitation was already used")
    _refused(Client().get(url), 410, "This invitation was already used")
    assert ReviewerAccess.objects.count() == 1


def test_an_expired_link_fails_with_a_clear_page(owner: User, dana_client: Client) -> None:
    _, token = invite(owner, scope="plan")
    url = reverse("feedback-accept", args=[token])
    with time_machine.travel(timezone.now() + timedelta(days=14, seconds=1)):
        _refused(dana_client.get(url), 410, "This invitation has expired")
        _refused(dana_client.post(url), 410, "This invitation has expired")
    with time_machine.travel(timezone.now() + timedelta(days=13, hours=23)):
        assert dana_client.get(url).status_code == 200
    assert not ReviewerAccess.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
        lambda t: "x" + t,
        lambda t: t.split(":")[0],
        lambda t: t.replace(":", ":x"),
    ],
    ids=["signature", "secret", "unsigned", "garbled"],
)
def test_a_tampered_link_fails_with_a_clear_page(
    owner: User, dana_client: Client, tamper: Any
) -> None:
    _, token = invite(owner, scope="plan")
    url = reverse("feedback-accept", args=[tamper(token)])
    _refused(dana_client.get(url), 400, "This invitation link is damaged")
    _refused(dana_client.post(url), 400, "This invitation link is damaged")
    _refused(Client().get(url), 400, "This invitation link is damaged")
    assert not ReviewerAccess.objects.exists()


def test_a_withdrawn_link_fails_with_a_clear_page(
    owner: User, owner_client: Client, dana_client: Client
) -> None:
    invitation, token = invite(owner, scope="plan")
    response = owner_client.post(reverse("feedback-invitation-withdraw", args=[invitation.pk]))
    assert response.status_code == 302
    url = reverse("feedback-accept", args=[token])
    _refused(dana_client.get(url), 410, "This invitation was withdrawn")
    _refused(dana_client.post(url), 410, "This invitation was withdrawn")
    assert not ReviewerAccess.objects.exists()


def test_a_link_whose_invitation_is_gone_fails_with_a_clear_page(
    owner: User, dana_client: Client
) -> None:
    invitation, token = invite(owner, scope="plan")
    invitation.delete()
    _refused(
        dana_client.get(reverse("feedback-accept", args=[token])),
        404,
        "We do not know this invitation",
    )


def test_the_owner_cannot_accept_their_own_invitation(owner: User, owner_client: Client) -> None:
    _, token = invite(owner, scope="plan")
    url = reverse("feedback-accept", args=[token])
    _refused(owner_client.post(url), 400, "This is your own invitation")
    assert not ReviewerAccess.objects.exists()


def test_an_accepted_invitation_cannot_be_withdrawn(
    owner: User, owner_client: Client, dana: User
) -> None:
    share(owner, dana, scope="plan")
    invitation = Invitation.objects.get()
    response = owner_client.post(
        reverse("feedback-invitation-withdraw", args=[invitation.pk]), follow=True
    )
    assert "already accepted this invitation; end their access" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_the_home_page_lists_reviewers_and_pending_invitations_in_few_queries(
    owner: User, owner_client: Client, django_assert_num_queries: Any
) -> None:
    def grow(n: int) -> None:
        for i in range(n):
            goal = GoalFactory(user=owner)
            share(owner, UserFactory(), [goal])
            invite(owner, f"pending{n}-{i}@example.org", [goal])

    grow(1)
    owner_client.get("/feedback/")
    # Pending invitations, and a page of past ones (their count, the page): each with its goals.
    with django_assert_num_queries(11) as captured:
        first = owner_client.get("/feedback/")
    grow(3)
    with django_assert_num_queries(len(captured.captured_queries)):
        second = owner_client.get("/feedback/")
    assert first.status_code == second.status_code == 200
    html = second.content.decode()
    assert html.count("Withdraw<span") == 4
    assert html.count("1 reviewer · 0 messages") == 4


def test_past_invitations_page(owner: User, owner_client: Client, settings: Any) -> None:
    settings.HEADWAY_PAGE_SIZE = 2
    goal = GoalFactory(user=owner)
    for i in range(5):
        invitation, _ = invite(owner, f"past{i}@example.org", [goal])
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at"])
    invite(owner, "waiting@example.org", [goal])
    html = owner_client.get("/feedback/", {"page": 3}).content.decode()
    assert "Earlier invitations (5)" in html
    assert "Page 3 of 3" in html
    assert '<details class="card" open>' in html
    assert html.count("withdrawn</span>") == 1
    assert "waiting@example.org" in html
