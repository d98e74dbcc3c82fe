"""Fixtures of the reporting cycle tests: answering a reply, counting SQL statements."""

from __future__ import annotations

import contextlib

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from portal.submissions import services as submissions
from portal.submissions.models import Submission
from portal.submissions.services import AnswerChange


def submission_of(db, cycle, code: str) -> Submission:
    return db.session.scalar(sa.select(Submission).where(Submission.cycle_id == cycle.id, Submission.state.has(code=code)))


@pytest.fixture
def answer(db, salvador):
    """Return a function saving one answer to an item of a State's reply: answer(cycle, "CAN", user, "SD-2", "status", "fully")."""

    def save(cycle, code, user, item_code, question, value):
        submission = submission_of(db, cycle, code)
        item = next(i for i in salvador.items if i.code == item_code)
        result = submissions.save_answers(submission, user, [AnswerChange(item.id, question, value, 0)])
        assert result.saved and not result.errors, result.errors
        db.session.commit()
        return submission

    return save


@pytest.fixture
def count_statements(db):
    """Return a context manager that counts the SQL statements sent to the database inside it."""

    @contextlib.contextmanager
    def counting():
        statements: list[str] = []

        def record(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        engine = db.engine
        event.listen(engine, "before_cursor_execute", record)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", record)

    return counting
