"""Themes of a reply given by the focal point to members of the State's team."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from portal.accounts.models import User
from portal.answers.services import AnswersError
from portal.answers.structure import ChecklistStructure
from portal.core.access import Role
from portal.core.extensions import db
from portal.submissions.models import Submission, ThemeAssignment


def state_people(submission: Submission) -> list[User]:
    """Return the active focal points and contributors of the submission's State, by name."""
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.state_id == submission.state_id, User.is_active.is_(True))
            .order_by(User.name, User.id)
        )
    )


def theme_assignments(submission: Submission) -> dict[str, list[User]]:
    """Return {theme code: the people it is assigned to}, in one query."""
    rows = db.session.execute(
        sa.select(ThemeAssignment.theme_code, User)
        .join(User, ThemeAssignment.user_id == User.id)
        .where(ThemeAssignment.submission_id == submission.id)
        .order_by(User.name, User.id)
    )
    assigned: dict[str, list[User]] = {}
    for theme_code, person in rows:
        assigned.setdefault(theme_code, []).append(person)
    return assigned


def assign_themes(submission: Submission, actor: User, structure: ChecklistStructure,
                  wanted: dict[str, set[int]]) -> list[tuple[str, int]]:
    """Set who each theme is assigned to; only a focal point of the State assigns.

    Returns the assignments made that did not exist before, as (theme code, user id).
    """
    if actor.role is not Role.FOCAL_POINT or actor.state_id != submission.state_id:
        raise AnswersError(_("Only a focal point of the State assigns themes."))
    people = {person.id for person in state_people(submission)}
    themes = {theme.code for theme in structure.themes}
    for theme_code, user_ids in wanted.items():
        if theme_code not in themes:
            raise AnswersError(_("This theme is not part of the checklist."))
        if user_ids - people:
            raise AnswersError(_("Themes can only be assigned to active members of the State's team."))
    existing = db.session.scalars(sa.select(ThemeAssignment).where(ThemeAssignment.submission_id == submission.id)).all()
    keep = set()
    for assignment in existing:
        if assignment.user_id in wanted.get(assignment.theme_code, set()):
            keep.add((assignment.theme_code, assignment.user_id))
        else:
            db.session.delete(assignment)
    added = []
    for theme_code, user_ids in wanted.items():
        for user_id in sorted(user_ids):
            if (theme_code, user_id) not in keep:
                db.session.add(ThemeAssignment(submission_id=submission.id, theme_code=theme_code, user_id=user_id))
                added.append((theme_code, user_id))
    db.session.flush()
    return added
