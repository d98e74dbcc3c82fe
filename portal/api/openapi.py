"""The OpenAPI 3.1 document of the JSON API (kept beside the views it describes)."""

from __future__ import annotations

from typing import Any

from portal.checklists.models import QuestionType
from portal.checklists.schema import LANGUAGES, REQUIRED_LANGUAGE
from portal.core.integers import DATABASE_INT_MAX
from portal.states.models import RegionalGroup
from portal.submissions.models import SubmissionStatus

KEY_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]*$"
# A text parameter may hold any character but the control characters the portal refuses everywhere
# (portal.core.inputs): tab, line feed and carriage return are the only ones it takes.
PLAIN_TEXT = {"type": "string", "pattern": "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uFFFE\\uFFFF]*$"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _page_of(name: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["data", "meta", "links"],
        "properties": {
            "data": {"type": "array", "items": _ref(name)},
            "meta": _ref("PageMeta"),
            "links": _ref("PageLinks"),
        },
    }


def _one(name: str) -> dict[str, Any]:
    return {"type": "object", "required": ["data"], "properties": {"data": _ref(name)}}


def _responses(schema: dict[str, Any], *codes: int) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    texts = {400: "A parameter is not valid", 401: "No valid token", 404: "Not found, or not visible to you"}
    for code in (401, *codes):
        responses[str(code)] = {"description": texts[code], "content": {"application/json": {"schema": _ref("Error")}}}
    return responses


TEXTS = {"type": "object", "description": "A text in one or more of the six UN languages", "additionalProperties": {"type": "string"}}
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}


def openapi_document(server_url: str) -> dict[str, Any]:
    """Return the OpenAPI document, with ``server_url`` as the API's base."""
    path_cycle = {"name": "cycle_key", "in": "path", "required": True, "schema": {"type": "string", "pattern": KEY_PATTERN}}
    page = [
        {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": DATABASE_INT_MAX, "default": 1}},
        {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}},
    ]
    filters = [
        {"name": "state", "in": "query",
         "description": "ISO 3166-1 alpha-3 code; repeat for several (staff only). A code no reply has matches nothing.",
         "schema": {"type": "array", "items": PLAIN_TEXT}, "style": "form", "explode": True},
        {"name": "group", "in": "query", "schema": {"type": "array", "items": {"type": "string", "enum": [g.value for g in RegionalGroup]}},
         "style": "form", "explode": True},
        {"name": "status", "in": "query", "schema": {"type": "array", "items": {"type": "string", "enum": [s.value for s in SubmissionStatus]}},
         "style": "form", "explode": True},
        {"name": "theme", "in": "query",
         "description": "Theme code of the cycle's template, or 'general'; repeat for several. A code the template "
                        "does not have matches no answer.",
         "schema": {"type": "array", "items": PLAIN_TEXT}, "style": "form", "explode": True},
        {"name": "language", "in": "query",
         "description": "Language of the answers' labels, one of the six UN languages. A label the checklist template "
                        "does not carry in it is given in English (a template's languages are listed under /templates).",
         "schema": {"type": "string", "enum": list(LANGUAGES), "default": REQUIRED_LANGUAGE}},
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Member State reporting portal API",
            "version": "1",
            "description": (
                "Read-only access to reporting cycles, checklist templates and the States' replies. "
                "Authenticate with a personal token created on your account page: "
                "`Authorization: Bearer upt_...`. A focal point or contributor reads their own State only."
            ),
        },
        "servers": [{"url": server_url}],
        "security": [{"token": []}],
        "paths": {
            "/cycles": {"get": {"operationId": "listCycles", "summary": "Reporting cycles you can see",
                                "parameters": page, "responses": _responses(_page_of("Cycle"), 400)}},
            "/cycles/{cycle_key}": {"get": {"operationId": "getCycle", "summary": "One reporting cycle",
                                            "parameters": [path_cycle], "responses": _responses(_one("Cycle"), 404)}},
            "/templates": {"get": {"operationId": "listTemplates", "summary": "Checklist template versions",
                                   "parameters": page, "responses": _responses(_page_of("TemplateSummary"), 400)}},
            "/templates/{key}/{version}": {"get": {
                "operationId": "getTemplate", "summary": "A template version with its themes, items and questions",
                "parameters": [
                    {"name": "key", "in": "path", "required": True, "schema": {"type": "string", "pattern": KEY_PATTERN}},
                    {"name": "version", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": DATABASE_INT_MAX}},
                ],
                "responses": _responses(_one("Template"), 404)}},
            "/cycles/{cycle_key}/submissions": {"get": {
                "operationId": "listSubmissions", "summary": "The States' replies in a cycle, with their answers",
                "parameters": [path_cycle, *page, *filters], "responses": _responses(_page_of("Submission"), 400, 404)}},
            "/cycles/{cycle_key}/submissions/{code}": {"get": {
                "operationId": "getSubmission", "summary": "One State's reply with its answers",
                "parameters": [path_cycle, {"name": "code", "in": "path", "required": True,
                                            "schema": {"type": "string", "pattern": "^[A-Za-z]{3}$"}},
                               *[f for f in filters if f["name"] in ("theme", "language")]],
                "responses": _responses(_one("Submission"), 400, 404)}},
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "A personal API token"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["status", "message"],
                    "properties": {"status": {"type": "integer"}, "message": {"type": "string"}, "parameter": {"type": "string"}}}}},
                "PageMeta": {"type": "object", "required": ["page", "per_page", "total", "pages"], "properties": {
                    "page": {"type": "integer"}, "per_page": {"type": "integer"}, "total": {"type": "integer"}, "pages": {"type": "integer"}}},
                "PageLinks": {"type": "object", "required": ["self", "next", "prev"], "properties": {
                    "self": {"type": "string"}, "next": {"type": ["string", "null"]}, "prev": {"type": ["string", "null"]}}},
                "Cycle": {"type": "object", "required": ["key", "title", "status", "template", "opens_on", "deadline", "cutoff_on"],
                          "properties": {
                              "key": {"type": "string"}, "title": {"type": "string"},
                              "status": {"type": "string", "enum": ["preparation", "open", "closed"]},
                              "template": {"type": "object", "properties": {"key": {"type": "string"}, "version": {"type": "integer"}}},
                              "opens_on": {"type": "string", "format": "date"}, "deadline": {"type": "string", "format": "date"},
                              "cutoff_on": {"type": "string", "format": "date"}}},
                "TemplateSummary": {"type": "object", "required": ["key", "version", "title", "languages", "in_use"], "properties": {
                    "key": {"type": "string"}, "version": {"type": "integer"}, "title": TEXTS,
                    "languages": {"type": "array", "items": {"type": "string"}}, "in_use": {"type": "boolean"}}},
                "Template": {"allOf": [_ref("TemplateSummary"), {"type": "object", "properties": {
                    "source": TEXTS,
                    "themes": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "title": TEXTS}}},
                    "items": {"type": "array", "items": {"type": "object", "properties": {
                        "code": {"type": "string"}, "paragraph": {"type": "integer"}, "theme": {"type": "string"},
                        "addressee": {"type": "string"}, "text": TEXTS, "replaces": {"type": ["string", "null"]},
                        "questions": {"type": "array", "items": {"type": "object"}}}}},
                    "general_questions": {"type": "array", "items": {"type": "object"}}}}]},
                "Answer": {"type": "object", "required": ["item", "question", "type", "value"], "properties": {
                    "item": {"type": "string", "description": "Item code, or 'general'"},
                    "paragraph": {"type": ["integer", "null"]}, "theme": {"type": "string"},
                    "question": {"type": "string"},
                    "type": {"type": "string", "enum": [t.value for t in QuestionType],
                             "description": "The question's type, which gives the form of the value"},
                    "value": {
                        "description": "By the question's type: a code (single_choice, yes_no), a list of codes "
                                       "(multiple_choice), a text (long_text, short_text, email), an ISO date (date), a list "
                                       "of references (references), or a list of texts, one per entry, in order "
                                       "(entries)",
                        "anyOf": [
                            {"type": "string"},
                            {"type": "array", "items": {"type": "string"}},
                            {"type": "array", "items": {"type": "object", "properties": {
                                "title": {"type": "string"}, "citation": {"type": "string"},
                                "date": {"type": "string"}, "link": {"type": "string"}}}},
                        ]},
                    "label": {"type": ["string", "null"]}, "changed_at": DATE_TIME}},
                "Submission": {"type": "object", "required": ["state", "status", "answers"], "properties": {
                    "state": {"type": "object", "properties": {
                        "code": {"type": "string"}, "name": {"type": "string"}, "regional_group": {"type": "string"}}},
                    "status": {"type": "string", "enum": [s.value for s in SubmissionStatus]},
                    "submitted_at": DATE_TIME, "accepted_at": DATE_TIME,
                    "progress": {"type": "object", "properties": {"answered": {"type": "integer"}, "required": {"type": "integer"}}},
                    "answers": {"type": "array", "items": _ref("Answer")}}},
            },
        },
    }
