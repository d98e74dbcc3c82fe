"""Turn models into the API's JSON documents (plain dicts), as the OpenAPI document describes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from portal.checklists.models import ChecklistTemplate
from portal.cycles.models import ReportingCycle
from portal.exports.services import GENERAL, Export
from portal.submissions.models import Submission


def iso(moment: dt.datetime | dt.date | None) -> str | None:
    if moment is None:
        return None
    if isinstance(moment, dt.datetime):
        return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
    return moment.isoformat()


def cycle_document(cycle: ReportingCycle) -> dict[str, Any]:
    return {
        "key": cycle.key,
        "title": cycle.title,
        "status": cycle.status.value,
        "template": {"key": cycle.template.key, "version": cycle.template.version},
        "opens_on": iso(cycle.opens_on),
        "deadline": iso(cycle.deadline),
        "cutoff_on": iso(cycle.cutoff_on),
    }


def template_summary(template: ChecklistTemplate) -> dict[str, Any]:
    return {
        "key": template.key,
        "version": template.version,
        "title": template.title,
        "languages": template.languages,
        "in_use": template.is_locked,
    }


def template_document(template: ChecklistTemplate) -> dict[str, Any]:
    return {
        **template_summary(template),
        "source": template.source,
        "themes": [{"code": theme.code, "title": theme.title} for theme in template.themes],
        "items": [
            {
                "code": item.code,
                "paragraph": item.paragraph,
                "theme": item.theme_code,
                "addressee": item.addressee.value,
                "text": item.text,
                "replaces": item.replaces,
                "questions": item.questions,
            }
            for item in template.items
        ],
        "general_questions": template.general_questions,
    }


def submission_document(export: Export, submission: Submission, answers: list[Any]) -> dict[str, Any]:
    """Return one submission with its answers, coded as in the long CSV export."""
    rows = [
        {
            "item": coded.item.code if coded.item else GENERAL,
            "paragraph": coded.item.paragraph if coded.item else None,
            "theme": coded.item.theme_code if coded.item else GENERAL,
            "question": coded.question["code"],
            "type": coded.question["type"],
            "value": coded.answer.value,
            "label": coded.label or None,
            "changed_at": iso(coded.answer.updated_at),
        }
        for coded in export.coded_answers(answers)
    ]
    state = submission.state
    return {
        "state": {
            "code": state.code,
            "name": state.list_name_on(export.cutoff_on),
            "regional_group": state.regional_group.value,
        },
        "status": submission.status.value,
        "submitted_at": iso(submission.submitted_at),
        "accepted_at": iso(submission.accepted_at),
        "progress": {"answered": submission.answered_count, "required": submission.required_count},
        "answers": rows,
    }
