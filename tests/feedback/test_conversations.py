"""Questions, comments, replies and SMART ratings, through the pages."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from headway.accounts.models import User
from headway.feedback.models import Comment, CriterionRating, ReviewerAccess
from headway.plans.models import Goal, Milestone
from tests.factories import UserFactory
from tests.feedback.factories import GoalFactory, MilestoneFactory, ask, comment, rate, reply, share


def _goal_page(goal: Goal) -> str:
    return reverse("feedback-goal", args=[goal.pk])


def _shared_page(goal: Goal) -> str:
    return reverse("feedback-shared-goal", args=[goal.pk])


def test_a_question_is_emailed_to_every_reviewer_of_the_goal(
    owner: User,
    owner_client: Client,
    goal: Goal,
    other_goal: Goal,
    access: ReviewerAccess,
    mailoutbox: list[Any],
) -> None:
    whole_plan = share(owner, UserFactory(email="erin@example.org"), scope="plan")
    share(owner, UserFactory(email="finn@example.org"), [other_goal])
    mailoutbox.clear()
    response = owner_client.post(
        reverse("feedback-question-create", args=[goal.pk]), {"body": "Is this date realistic?"}
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mailoutbox) == ["dana@example.org", whole_plan.reviewer.email]
    mail = mailoutbox[0]
    assert "Alice asks: Is this date realistic?" in mail.subject
    assert f"http://testserver{_shared_page(goal)}" in mail.body
    question = Comment.objects.get()
    assert (question.kind, question.from_owner, question.author) == ("question", True, owner)


def test_an_empty_question_is_refused_next_to_the_field(owner_client: Client, goal: Goal) -> None:
    response = owner_client.post(
        reverse("feedback-question-create", args=[goal.pk]), {"body": "   "}
    )
    assert response.status_code == 200
    assert 'id="id_body_error"' in response.content.decode()
    assert not Comment.objects.exists()


def test_the_reviewer_answers_and_the_owner_is_told_on_the_page_and_by_email(
    owner: User,
    owner_client: Client,
    dana_client: Client,
    goal: Goal,
    access: ReviewerAccess,
    mailoutbox: list[Any],
) -> None:
    question = ask(goal)
    reviewing = dana_client.get(reverse("feedback-reviewing")).content.decode()
    assert "Questions waiting for your answer" in reviewing
    assert "Is this date realistic?" in reviewing
    mailoutbox.clear()
    response = dana_client.post(
        reverse("feedback-reply", args=[question.pk]), {"body": "Six months is tight."}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{_shared_page(goal)}#thread-{question.pk}"
    (mail,) = mailoutbox
    assert mail.to == [owner.email]
    assert "New feedback from Dana" in mail.subject
    assert "Six months is tight." in mail.body
    assert f"http://testserver{_goal_page(goal)}" in mail.body
    assert (
        "Nothing is waiting for you."
        in dana_client.get(reverse("feedback-reviewing")).content.decode()
    )
    first = owner_client.get(_goal_page(goal)).content.decode()
    assert "Six months is tight." in first
    assert 'badge warn">new<' in first
    second = owner_client.get(_goal_page(goal)).content.decode()
    assert 'badge warn">new<' not in second


def test_the_owner_replies_under_an_answer_and_the_reviewer_reads_it(
    owner: User,
    owner_client: Client,
    dana: User,
    dana_client: Client,
    goal: Goal,
    access: ReviewerAccess,
    mailoutbox: list[Any],
) -> None:
    question = ask(goal)
    answer = reply(dana, question)
    mailoutbox.clear()
    response = owner_client.post(
        reverse("feedback-reply", args=[answer.pk]), {"body": "Then I move it to June."}
    )
    assert response["Location"] == f"{_goal_page(goal)}#thread-{question.pk}"
    (mail,) = mailoutbox
    assert mail.to == [dana.email]
    assert "Alice replied to you" in mail.subject
    owner_reply = Comment.objects.get(body="Then I move it to June.")
    assert (owner_reply.parent, owner_reply.reviewer, owner_reply.from_owner) == (
        question,
        dana,
        True,
    )
    assert "Then I move it to June." in dana_client.get(_shared_page(goal)).content.decode()
    owner_reply.refresh_from_db()
    assert owner_reply.read_at is not None


def test_reviewers_see_the_question_but_not_each_others_answers(
    owner: User, goal: Goal, dana: User, dana_client: Client, access: ReviewerAccess
) -> None:
    erin = UserFactory(display_name="Erin")
    share(owner, erin, [goal])
    question = ask(goal)
    reply(erin, question, "Erin thinks it is fine.")
    comment(erin, goal, "Erin's own comment.")
    html = dana_client.get(_shared_page(goal)).content.decode()
    assert "Is this date realistic?" in html
    assert "Erin" not in html


def test_the_owner_cannot_reply_to_their_own_question_alone(
    owner_client: Client, goal: Goal, access: ReviewerAccess
) -> None:
    question = ask(goal)
    response = owner_client.post(reverse("feedback-reply", args=[question.pk]), {"body": "Hm"})
    assert response.status_code == 200
    assert "reply under one of the answers" in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_failed_reply_keeps_what_was_typed(
    owner: User, owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    remark = comment(dana, goal)
    services_end = ReviewerAccess.objects.filter(pk=access.pk)
    services_end.update(ended_at=remark.created_at)
    response = owner_client.post(
        reverse("feedback-reply", args=[remark.pk]), {"body": "Thanks, I will think again."}
    )
    html = response.content.decode()
    assert "Dana no longer reviews this goal" in html
    assert ">Thanks, I will think again.</textarea>" in html


def test_a_reviewer_comments_on_a_milestone(
    owner: User,
    owner_client: Client,
    dana_client: Client,
    goal: Goal,
    milestone: Milestone,
    access: ReviewerAccess,
) -> None:
    page = dana_client.get(_shared_page(goal)).content.decode()
    assert "Milestone: Lead one project" in page
    response = dana_client.post(
        reverse("feedback-comment-create", args=[goal.pk]),
        {"milestone": milestone.pk, "body": "Pick a smaller project first."},
    )
    assert response.status_code == 302
    found = Comment.objects.get()
    assert (found.kind, found.milestone, found.reviewer) == ("comment", milestone, access.reviewer)
    html = owner_client.get(_goal_page(goal)).content.decode()
    assert "Milestone: Lead one project" in html and "Pick a smaller project first." in html


def test_a_milestone_of_another_goal_is_refused(
    owner: User, dana_client: Client, goal: Goal, other_goal: Goal, access: ReviewerAccess
) -> None:
    elsewhere = MilestoneFactory(goal=other_goal)
    response = dana_client.post(
        reverse("feedback-comment-create", args=[goal.pk]),
        {"milestone": elsewhere.pk, "body": "Typed text stays."},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_milestone_error"' in html
    assert "Typed text stays." in html
    assert not Comment.objects.exists()


def test_htmx_posts_answer_with_the_changed_fragment(
    owner_client: Client, dana: User, dana_client: Client, goal: Goal, access: ReviewerAccess
) -> None:
    question = ask(goal)
    response = dana_client.post(
        reverse("feedback-reply", args=[question.pk]),
        {"body": "Realistic enough."},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<article class="card fb-thread" id="thread-{question.pk}"')
    assert "Realistic enough." in html and "<html" not in html
    asked = owner_client.post(
        reverse("feedback-question-create", args=[goal.pk]),
        {"body": "And the metric?"},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert asked.lstrip().startswith('<section id="threads"')
    assert "And the metric?" in asked


def test_a_reviewer_rates_the_smart_criteria_and_can_change_a_rating(
    owner: User,
    owner_client: Client,
    dana_client: Client,
    goal: Goal,
    access: ReviewerAccess,
    mailoutbox: list[Any],
) -> None:
    url = reverse("feedback-rate", args=[goal.pk])
    mailoutbox.clear()
    response = dana_client.post(
        url,
        {
            "specific_rating": "met",
            "time_bound_rating": "not_met",
            "time_bound_note": "Next year is vague.",
        },
    )
    assert response.status_code == 302
    assert {(r.criterion, r.rating) for r in CriterionRating.objects.all()} == {
        ("specific", "met"),
        ("time_bound", "not_met"),
    }
    (mail,) = mailoutbox
    assert "Dana rated your goal" in mail.subject
    assert "Time-bound: not met. Next year is vague." in mail.body
    page = dana_client.get(_shared_page(goal)).content.decode()
    assert re.search(r'value="not_met"[^>]*id="id_time_bound_rating_\d"[^>]*checked', page) or (
        re.search(r'value="not_met"[^>]*checked[^>]*id="id_time_bound_rating', page)
    )
    dana_client.post(url, {"time_bound_rating": "partly", "time_bound_note": "Better."})
    assert CriterionRating.objects.count() == 2
    assert CriterionRating.objects.get(criterion="time_bound").rating == "partly"
    html = owner_client.get(_goal_page(goal)).content.decode()
    assert "Partly met" in html and "Better." in html


def test_a_rating_form_with_nothing_rated_or_a_note_alone_is_refused(
    dana_client: Client, goal: Goal, access: ReviewerAccess
) -> None:
    url = reverse("feedback-rate", args=[goal.pk])
    empty = dana_client.post(url, {}).content.decode()
    assert "Rate at least one criterion" in empty
    alone = dana_client.post(url, {"measurable_note": "Count the reports."}).content.decode()
    assert "Rate “Measurable” to go with your note." in alone
    assert "Count the reports." in alone
    assert not CriterionRating.objects.exists()


def test_the_dashboard_block_shows_new_feedback_and_open_questions(
    owner: User, owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    comment(dana, goal, "Start with a smaller team.")
    theirs = GoalFactory(user=dana, statement="Write a book")
    share(dana, owner, [theirs])
    ask(theirs, "Is a book too much?")
    request = RequestFactory().get("/dashboard/")
    request.user = owner
    request.session = owner_client.session
    html = Template('{% include "feedback/_dashboard.html" %}').render(
        Context({"request": request})
    )
    assert "New feedback on your goals (1)" in html
    assert "Start with a smaller team." in html
    assert "Waiting for your answer (1)" in html
    assert "Is a book too much?" in html


def test_the_goal_page_block_counts_readers_and_news(
    owner: User, dana: User, goal: Goal, access: ReviewerAccess, stranger: User
) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    comment(dana, goal)
    rate(dana, goal)
    request = RequestFactory().get("/")
    request.user = owner
    template = Template('{% include "feedback/_goal_feedback.html" %}')
    html = template.render(Context({"request": request, "goal": goal}))
    assert "Dana can read this goal." in html
    assert "1 message, 1 rating" in html and "2 new" in html
    request.user = stranger
    assert "Feedback" not in template.render(Context({"request": request, "goal": goal}))


def test_reviewer_pages_list_in_a_fixed_number_of_queries(
    owner: User, dana: User, dana_client: Client, django_assert_num_queries: Any
) -> None:
    def grow(n: int) -> Goal:
        last = GoalFactory(user=owner)
        for _ in range(n):
            person = UserFactory()
            last = GoalFactory(user=person)
            MilestoneFactory(goal=last)
            share(person, dana, [last])
            question = ask(last)
            reply(dana, question)
            ask(last, "Another one?")
        return last

    goal = grow(1)
    for url in (reverse("feedback-reviewing"), _shared_page(goal)):
        dana_client.get(url)
    with django_assert_num_queries(5) as reviewing:
        dana_client.get(reverse("feedback-reviewing"))
    with django_assert_num_queries(10) as shared:
        dana_client.get(_shared_page(goal))
    goal = grow(3)
    with django_assert_num_queries(len(reviewing)):
        html = dana_client.get(reverse("feedback-reviewing")).content.decode()
    assert html.count("Stop reviewing<span") == 4
    with django_assert_num_queries(len(shared)):
        dana_client.get(_shared_page(goal))


def test_the_owners_goal_page_lists_in_a_fixed_number_of_queries(
    owner: User, owner_client: Client, goal: Goal, django_assert_num_queries: Any
) -> None:
    def grow(n: int) -> None:
        for _ in range(n):
            person = UserFactory()
            share(owner, person, [goal])
            question = ask(goal)
            reply(owner, reply(person, question))
            comment(person, goal)
            rate(person, goal)

    grow(1)
    owner_client.get(_goal_page(goal))
    with django_assert_num_queries(9) as first:
        owner_client.get(_goal_page(goal))
    grow(3)
    with django_assert_num_queries(len(first)):
        owner_client.get(_goal_page(goal))


def test_the_feedback_home_counts_readers_messages_and_news_per_goal(
    owner: User,
    owner_client: Client,
    dana: User,
    goal: Goal,
    other_goal: Goal,
    access: ReviewerAccess,
) -> None:
    share(owner, UserFactory(), scope="plan")
    reply(dana, ask(goal))
    rate(dana, goal)
    html = owner_client.get(reverse("feedback-home")).content.decode()
    assert '2 reviewers · 2 messages</span>\n        <span class="badge warn">2 new</span>' in html
    assert "1 reviewer · 0 messages" in html
    owner_client.get(_goal_page(goal))
    assert "2 new" not in owner_client.get(reverse("feedback-home")).content.decode()


def test_the_dashboard_tells_of_new_feedback_and_open_questions(
    owner: User, owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    html = owner_client.get(reverse("core-dashboard")).content.decode()
    assert "1 reviewer can read your plan" in html
    comment(dana, goal, "Start with a smaller team.")
    theirs = GoalFactory(user=dana, statement="Write a book")
    share(dana, owner, [theirs])
    ask(theirs, "Is a book too much?")
    html = owner_client.get(reverse("core-dashboard")).content.decode()
    assert "New feedback on your goals (1)" in html
    assert f'href="{_goal_page(goal)}"' in html
    assert "Waiting for your answer (1)" in html


def test_the_dashboard_block_costs_one_query_when_there_is_no_feedback(
    owner: User, django_assert_num_queries: Any
) -> None:
    from headway.feedback import selectors

    with django_assert_num_queries(1):
        summary = selectors.summary_for_user(owner)
    assert summary.is_empty


def test_the_dashboard_block_needs_at_most_four_queries(
    owner: User, dana: User, goal: Goal, access: ReviewerAccess, django_assert_num_queries: Any
) -> None:
    from headway.feedback import selectors

    for n in range(6):
        comment(dana, goal, f"Remark {n}")
    rate(dana, goal)
    theirs = GoalFactory(user=dana)
    share(dana, owner, [theirs])
    ask(theirs)
    with django_assert_num_queries(4):
        summary = selectors.summary_for_user(owner)
    assert summary.new_feedback_count == 7
    assert len(summary.new_feedback) == 5
    assert [q.body for q in summary.open_questions] == ["Is this date realistic?"]
    assert (summary.reviewers, summary.shared_with_me) == (1, 1)


def test_the_goal_page_shows_who_reads_it_and_links_to_feedback(
    owner_client: Client, dana: User, goal: Goal, access: ReviewerAccess
) -> None:
    comment(dana, goal)
    html = owner_client.get(reverse("plans-goal", args=[goal.pk])).content.decode()
    assert "Dana can read this goal." in html
    assert f'href="{_goal_page(goal)}"' in html
    assert f'href="{reverse("feedback-invite")}?goal={goal.pk}"' in html
