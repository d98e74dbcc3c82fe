"""The one rule for the characters the portal takes: no control characters in any text it is sent.

A person cannot type a control character, but one can arrive by pasting, from a script or from a
crafted request; the database, the workbooks and the PDFs then fail on it (PostgreSQL stores no
NUL, an XLSX cell holds no vertical tab). So every text the portal takes is refused when it holds:

- a C0 control character other than tab, line feed and carriage return (U+0000 to U+001F);
- DEL (U+007F);
- a lone surrogate (U+D800 to U+DFFF, possible only in JSON's ``\\ud800`` escapes);
- the noncharacters U+FFFE and U+FFFF.

C1 controls (U+0080 to U+009F) are let through: they break no output and can be stored.

Refused, never stripped: what was typed is kept and shown again with a message naming the field.
Where the rule is applied:

- every field of every form (:class:`portal.core.forms.PortalForm` adds :class:`RefuseControlCharacters`
  to each field it binds);
- the checklist's answers (:func:`portal.submissions.rules.clean_value`, for the pages and autosave);
- before every request (:func:`init_inputs`): a path with one answers 404, a query string 400, a JSON
  body 400 naming the field, an uploaded file's name 400;
- and, as the last line, at the database (:func:`refuse_unstorable_parameters`): a statement bound
  to such a text is not run, and the request answers 400 instead of failing on PostgreSQL.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from flask import Flask, abort, jsonify, render_template, request
from flask_babel import gettext as _
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import BadRequest
from wtforms.validators import StopValidation

REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def refused_character(text: str) -> str | None:
    """Return the first character of ``text`` the portal does not take, or None."""
    found = REFUSED.search(text)
    return found.group() if found else None


def visible(text: str) -> str:
    """Return ``text`` with each refused character replaced by a visible sign of it, one for one.

    For text stored before the rule held, on its way to an output: a C0 control becomes its
    Unicode control picture (U+0000 as "\u2400", U+000B as "\u240b"), DEL becomes "\u2421", and
    a lone surrogate or a noncharacter becomes the replacement character "\ufffd".
    """
    return REFUSED.sub(_picture, text) if REFUSED.search(text) else text


def _picture(found: re.Match) -> str:
    number = ord(found.group())
    if number < 0x20:
        return chr(0x2400 + number)
    if number == 0x7F:
        return "\u2421"
    return "\ufffd"


def code_point(character: str) -> str:
    """Return a character's code point as written in messages: ``U+0000``."""
    return f"U+{ord(character):04X}"


def refusal_message(field: str, character: str) -> str:
    """Return the message telling that ``field`` holds ``character``, which cannot be stored."""
    if ord(character) < 0x20 or ord(character) == 0x7F:
        return _("%(field)s contains a control character (%(code)s) that cannot be stored; remove it.",
                 field=field, code=code_point(character))
    return _("%(field)s contains a character (%(code)s) that cannot be stored; remove it.",
             field=field, code=code_point(character))


class RefuseControlCharacters:
    """Refuse a field whose posted text holds a character the portal does not take; the message names the field.

    It reads what was posted (``raw_data``), before any conversion, so it serves every kind of field.
    """

    def __call__(self, form, field) -> None:
        for text in field.raw_data or ():
            character = refused_character(text) if isinstance(text, str) else None
            if character is not None:
                raise StopValidation(refusal_message(str(field.label.text), character))


class UnstorableText(BadRequest):
    """A text with a refused character reached the database; the statement was not run."""

    def __init__(self, character: str):
        super().__init__()
        self.character = character


class RefusedInput(BadRequest):
    """A request whose path, query, body or file name holds a refused character, with the place named."""

    def __init__(self, place: str, character: str):
        super().__init__()
        self.place = place
        self.character = character


# ---------------------------------------------------------------------------------------------
# Before every request
# ---------------------------------------------------------------------------------------------

def check_request() -> None:
    """Refuse a request whose path, query string, JSON body or file names hold a refused character.

    Form fields are left to the forms (and the checklist's rules), which keep what was typed and
    name the field; whatever no form checks is stopped at the database.
    """
    character = refused_character(request.path)
    if character is not None:
        abort(404)
    for name, value in request.args.items(multi=True):
        character = refused_character(name) or refused_character(value)
        if character is not None:
            raise RefusedInput(_("The parameter “%(name)s” of the address", name=printable(name)), character)
    for name, upload in request.files.items(multi=True):
        character = refused_character(name) or refused_character(upload.filename or "")
        if character is not None:
            raise RefusedInput(_("The name of the file sent as “%(name)s”", name=printable(name)), character)
    if request.is_json and request.content_length != 0:
        body = request.get_json(silent=True)
        for place, text in _json_texts(body, ""):
            character = refused_character(text)
            if character is not None:
                raise RefusedInput(_("The field “%(name)s”", name=printable(place) or "/"), character)


def _json_texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    """Yield (JSON path, text) for every key and string of a parsed JSON body."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            place = f"{path}.{key}" if path else str(key)
            yield place, key
            yield from _json_texts(item, place)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_texts(item, f"{path}[{index}]")


def printable(text: str) -> str:
    """Return ``text`` with its refused characters written as their code points, for a message."""
    return REFUSED.sub(lambda found: f"<{code_point(found.group())}>", text)


# ---------------------------------------------------------------------------------------------
# At the database
# ---------------------------------------------------------------------------------------------

def refuse_unstorable_parameters(engine: Engine) -> None:
    """Stop any statement bound to a text holding a refused character, before the database sees it.

    PostgreSQL refuses a NUL in a text with an error and SQLite stores it; either way the request
    would fail or keep a character every output then trips on. This is the last line behind the
    forms and the request checks: a new route that reads a raw value cannot store one either.
    """

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def check(connection, cursor, statement, parameters, context, executemany):
        for value in _parameter_values(parameters):
            if isinstance(value, str):
                character = refused_character(value)
                if character is not None:
                    raise UnstorableText(character)
        return statement, parameters


def _parameter_values(parameters: Any) -> Iterator[Any]:
    if isinstance(parameters, dict):
        yield from parameters.values()
    elif isinstance(parameters, (list, tuple)):
        for entry in parameters:
            if isinstance(entry, (dict, list, tuple)):
                yield from _parameter_values(entry)
            else:
                yield entry


def json_serializer(value: Any) -> str:
    """Serialise a JSON column's value, refusing a text with a refused character (the JSON escape hides it)."""
    import json

    for _place, text in _json_texts(value, ""):
        character = refused_character(text)
        if character is not None:
            raise UnstorableText(character)
    return json.dumps(value)


# ---------------------------------------------------------------------------------------------
# Installing the rule
# ---------------------------------------------------------------------------------------------

def init_inputs(app: Flask) -> None:
    """Check every request's path, query and bodies first, and answer refusals with 400 naming the place."""
    from portal.core.extensions import db

    app.before_request_funcs.setdefault(None, []).insert(0, check_request)
    with app.app_context():
        refuse_unstorable_parameters(db.engine)

    def refusal(message: str):
        from portal.core.access import is_api_request

        db.session.rollback()
        if is_api_request():
            return jsonify(error={"status": 400, "message": message}), 400
        if request.is_json:  # the autosave requests: their answers read a plain "error"
            return jsonify(error=message), 400
        return render_template("errors/error.html", code=400, title=_("Bad request"), message=message), 400

    @app.errorhandler(RefusedInput)
    def refused_input(error: RefusedInput):
        return refusal(refusal_message(error.place, error.character))

    @app.errorhandler(UnstorableText)
    def unstorable_text(error: UnstorableText):
        return refusal(refusal_message(_("What you sent"), error.character))
