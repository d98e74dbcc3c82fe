"""Schemathesis, driven by the API's OpenAPI document, finds no answer the document does not promise.

Every operation is called with the examples, boundary values and random values (valid and
invalid) schemathesis draws from the document, as a focal point with a personal token, on a cycle
with replies, and every answer goes through all of schemathesis's checks (server errors, status
codes, content types, schemas, headers, invalid data accepted, valid data refused, 405 with Allow,
authentication ignored). Examples are bounded so that the run takes seconds, not minutes.
"""

import contextvars

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from portal.api.openapi import openapi_document
from portal.api.tokens import create_token
from portal.core.access import Role
from portal.core.security import token_digest

SECRET = "upt_schemathesis-focal-point-of-canada"  # fixed: schemathesis sends it with every generated request
DOCUMENT_PATH = "/api/v1/openapi.json"


class TestApplication:
    """The test's application as WSGI, each request in a context of its own (as tests.conftest.IsolatedClient does)."""

    __test__ = False
    app = None

    def __call__(self, environ, start_response):
        return contextvars.Context().run(self.app, environ, start_response)


APPLICATION = TestApplication()
# The document the portal serves, built here because the parametrisation needs it before any fixture
# runs; test_the_document_tested_is_the_one_served checks they are the same.
BASE_URL = "http://portal.test/api/v1"  # the portal answers only for its own host (PORTAL_BASE_URL of the tests)
schema = schemathesis.openapi.from_dict(openapi_document(BASE_URL))
schema.app = APPLICATION
schema.config.update(headers={"Authorization": f"Bearer {SECRET}"})
KNOWN = {"cycle_key": "salvador-2026", "key": "salvador-declaration", "code": "CAN"}  # what the fixture holds


@schema.hook
def flatmap_case(context, case):
    """Let half the valid cases name the cycle, template and State the data holds.

    Keys drawn at random name nothing and stop at a 404 (tested in test_api.py); these reach the code behind it.
    """
    if case.meta is None or case.meta.generation.mode.is_negative or not case.path_parameters:
        return st.just(case)

    def name_known(known: bool):
        if known:
            case.path_parameters.update({name: value for name, value in KNOWN.items() if name in case.path_parameters})
        return case

    return st.booleans().map(name_known)


@pytest.fixture
def api(app, db, create_user, answered_cycle):
    """The API over a cycle with replies, opened to Canada's focal point by the token SECRET."""
    token, _ = create_token(create_user(Role.FOCAL_POINT, "CAN"), "schemathesis")
    token.digest = token_digest(SECRET)
    db.session.commit()
    APPLICATION.app = app
    yield
    APPLICATION.app = None


def test_the_document_tested_is_the_one_served(client):
    assert client.get(DOCUMENT_PATH).get_json() == schema.raw_schema


@schema.parametrize()
@settings(max_examples=25, deadline=None, database=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_the_api_answers_as_its_document_says(case, api):
    case.call_and_validate(base_url=BASE_URL)
