"""Property-based test: requests generated from the OpenAPI document never meet a server error.

Every operation of the document is called with path and query parameters drawn from its
schemas (valid values, values out of range, and arbitrary text), as a staff user and as a
focal point; every answer must be one the document lists, in JSON, never a 5xx.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.api.openapi import openapi_document
from portal.api.tokens import create_token
from portal.core.access import Role

DOCUMENT = openapi_document("http://portal.test/api/v1")
OPERATIONS = [(path, method, operation) for path, item in DOCUMENT["paths"].items() for method, operation in item.items()]
ANY_TEXT = st.text(max_size=20)


def values_for(schema: dict, known: list) -> st.SearchStrategy:
    """Values a parameter may take: known good ones, ones its schema allows, and arbitrary text.

    A path parameter's pattern is respected (a "/" in it would name another path).
    """
    options = [st.from_regex(schema["pattern"], fullmatch=True) if "pattern" in schema else ANY_TEXT]
    if known:
        options.append(st.sampled_from(known))
    kind = schema.get("type")
    if kind == "integer":
        low = schema.get("minimum", -5)
        options.append(st.integers(min_value=low - 3, max_value=schema.get("maximum", low + 200) + 3))
    if "enum" in schema:
        options.append(st.sampled_from(schema["enum"]))
    if kind == "array":
        return st.lists(values_for(schema["items"], known), max_size=3)
    return st.one_of(options)


KNOWN = {"cycle_key": ["salvador-2026"], "key": ["salvador-declaration"], "version": [1, 2], "code": ["CAN", "ARG", "can", "XXX"],
         "state": ["CAN", "ARG"], "theme": ["children-youth", "general"], "language": ["en", "fr"]}


def request_strategy(path: str, operation: dict) -> st.SearchStrategy:
    parameters = operation.get("parameters", [])

    @st.composite
    def build(draw):
        url, query = path, {}
        for parameter in parameters:
            if parameter["in"] == "query" and not draw(st.booleans()):
                continue
            value = draw(values_for(parameter["schema"], KNOWN.get(parameter["name"], [])))
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}", quote(str(value), safe="") or "x")
            else:
                query[parameter["name"]] = [str(v) for v in value] if isinstance(value, list) else str(value)
        return url, query

    return build()


@pytest.mark.parametrize("role, state_code", [(Role.SECRETARIAT, None), (Role.FOCAL_POINT, "ARG")])
@pytest.mark.parametrize("path, method, operation", OPERATIONS, ids=[op["operationId"] for _, _, op in OPERATIONS])
def test_generated_requests_get_documented_answers(client, create_user, db, answered_cycle, role, state_code, path, method, operation):
    user = create_user(role, state_code)
    _, secret = create_token(user, "property test")
    db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    documented = {int(code) for code in operation["responses"]}

    @settings(max_examples=30, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(request_strategy(path, operation))
    def call(request):
        url, query = request
        response = client.open("/api/v1" + url, method=method.upper(), query_string=query, headers=headers)
        assert response.status_code < 500, (url, query, response.get_data(as_text=True)[:500])
        assert response.status_code in documented, (url, query, response.status_code)
        body = response.get_json()
        assert body is not None
        if response.status_code == 200:
            assert "data" in body
        else:
            assert body["error"]["status"] == response.status_code

    call()
