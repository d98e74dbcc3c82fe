"""The read-only JSON API: tokens, pagination, filters, permissions, and its OpenAPI document."""

import pytest
import sqlalchemy as sa

from portal.api.models import ApiToken
from portal.api.tokens import create_token
from portal.core.access import Role
from tests.conftest import submit


@pytest.fixture
def bearer(create_user, db):
    """Return a function giving the Authorization header of a new token for a user of ``role``."""

    def make(role, state_code=None):
        user = create_user(role, state_code)
        _, secret = create_token(user, "tests")
        db.session.commit()
        return {"Authorization": f"Bearer {secret}"}

    return make


def test_tokens_are_created_shown_once_stored_hashed_and_revoked(client, login_as, db):
    user = login_as(Role.SECRETARIAT)
    page = submit(client, "/account/tokens/", {"name": "Statistics script"})
    html = page.get_data(as_text=True)
    secret = html.split('id="new-token" readonly value="')[1].split('"')[0]
    assert secret.startswith("upt_")
    stored = db.session.scalar(sa.select(ApiToken).where(ApiToken.user_id == user.id))
    assert stored.digest != secret and secret not in stored.digest
    assert client.get("/api/v1/cycles", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    assert secret not in client.get("/account/tokens/").get_data(as_text=True)  # shown once
    submit(client, f"/account/tokens/{stored.id}/revoke", {}, form_page="/account/tokens/")
    assert client.get("/api/v1/cycles", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_session_cookie_does_not_open_the_api(client, login_as):
    login_as(Role.ADMINISTRATOR)
    response = client.get("/api/v1/cycles")
    assert response.status_code == 401
    assert response.get_json()["error"]["status"] == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_cycles_and_templates(client, bearer, answered_cycle):
    headers = bearer(Role.SECRETARIAT)
    cycles = client.get("/api/v1/cycles", headers=headers).get_json()
    assert cycles["meta"] == {"page": 1, "per_page": 20, "total": 1, "pages": 1}
    assert cycles["data"][0]["key"] == answered_cycle.key
    assert cycles["data"][0]["template"] == {"key": "salvador-declaration", "version": 3}
    template = client.get("/api/v1/templates/salvador-declaration/3", headers=headers).get_json()["data"]
    assert len(template["items"]) == 55 and template["items"][25]["code"] == "SD-26"
    assert template["items"][0]["text"]["en"].startswith("We recognize that an effective, fair and humane")
    assert client.get("/api/v1/templates/salvador-declaration/9", headers=headers).status_code == 404


def test_submissions_with_answers_pagination_and_filters(client, bearer, answered_cycle):
    headers = bearer(Role.SECRETARIAT)
    first = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions?per_page=2", headers=headers).get_json()
    assert first["meta"] == {"page": 1, "per_page": 2, "total": 3, "pages": 2}
    assert [s["state"]["code"] for s in first["data"]] == ["ARG", "CAN"]
    assert first["links"]["next"].endswith("page=2&per_page=2") and first["links"]["prev"] is None
    second = client.get(first["links"]["next"], headers=headers).get_json()
    assert [s["state"]["code"] for s in second["data"]] == ["JPN"]
    can = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions/CAN?theme=children-youth", headers=headers).get_json()["data"]
    answers = {a["question"]: a for a in can["answers"] if a["item"] == "SD-26"}
    assert answers["status"]["value"] == "partially" and answers["status"]["label"] == "Partially implemented"
    assert answers["challenges"]["value"] == ["coordination", "resources"]
    assert answers["references"]["value"][0]["title"] == "Youth Criminal Justice Act"
    assert {a["theme"] for a in can["answers"]} == {"children-youth"}
    submitted = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions?status=submitted", headers=headers).get_json()
    assert [s["state"]["code"] for s in submitted["data"]] == ["CAN"]
    # a filter naming a theme or a State that is not there matches nothing, as the document says
    nothing = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions/CAN?theme=no-such-theme", headers=headers)
    assert nothing.status_code == 200 and nothing.get_json()["data"]["answers"] == []
    assert client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions?state=XXX", headers=headers).get_json()["data"] == []


def test_bad_parameters_get_400_naming_the_parameter(client, bearer, answered_cycle):
    headers = bearer(Role.SECRETARIAT)
    for query, name in [("per_page=0", "per_page"), ("page=x", "page"), ("status=lost", "status"), ("language=xx", "language")]:
        response = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions?{query}", headers=headers)
        assert response.status_code == 400, query
        assert response.get_json()["error"]["parameter"] == name


def test_state_users_read_only_their_state(client, bearer, answered_cycle):
    headers = bearer(Role.CONTRIBUTOR, "ARG")
    listing = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions?state=CAN", headers=headers).get_json()
    assert [s["state"]["code"] for s in listing["data"]] == ["ARG"]
    assert client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions/CAN", headers=headers).status_code == 404
    assert client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions/ARG", headers=headers).status_code == 200
    outsider = bearer(Role.FOCAL_POINT, "PRT")  # not invited to the cycle
    assert client.get("/api/v1/cycles", headers=outsider).get_json()["data"] == []
    assert client.get(f"/api/v1/cycles/{answered_cycle.key}", headers=outsider).status_code == 404


def test_deactivated_users_token_stops_working(client, create_user, db):
    user = create_user(Role.SECRETARIAT)
    _, secret = create_token(user, "x")
    user.is_active = False
    db.session.commit()
    assert client.get("/api/v1/cycles", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_openapi_document_describes_every_api_route(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1")
    described = {path for path in document["paths"]}
    routes = {
        rule.rule.removeprefix("/api/v1").replace("<cycle_key>", "{cycle_key}").replace("<key>", "{key}")
        .replace("<int:version>", "{version}").replace("<code>", "{code}")
        for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/v1/") and rule.endpoint != "api.openapi"
    }
    assert routes == described


PARTIALLY = {"en": "Partially implemented", "ar": "نُفِّذت تنفيذاً جزئياً", "zh": "已部分执行",
             "fr": "Partiellement mis en œuvre", "ru": "Частично осуществлен", "es": "Parcialmente aplicado"}


def test_every_label_language_the_document_lists_is_taken(client, bearer, answered_cycle):
    headers = bearer(Role.SECRETARIAT)
    document = client.get("/api/v1/openapi.json").get_json()
    parameter = next(p for p in document["paths"]["/cycles/{cycle_key}/submissions/{code}"]["get"]["parameters"] if p["name"] == "language")
    assert parameter["schema"]["enum"] == ["ar", "zh", "en", "fr", "ru", "es"] and "English" in parameter["description"]
    for language in parameter["schema"]["enum"]:
        response = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions/CAN?language={language}&theme=children-youth", headers=headers)
        assert response.status_code == 200, language
        labels = {a["question"]: a["label"] for a in response.get_json()["data"]["answers"] if a["item"] == "SD-26"}
        assert labels["status"] == PARTIALLY[language]  # the Salvador questionnaire is in the six languages


def test_an_entries_answer_is_an_array_of_strings_as_the_document_says(client, bearer, answered_cycle):
    from tests.exports.conftest import TOOLS_TRAINING

    headers = bearer(Role.SECRETARIAT)
    can = client.get(f"/api/v1/cycles/{answered_cycle.key}/submissions/CAN?theme=general", headers=headers).get_json()["data"]
    [tools] = [a for a in can["answers"] if a["question"] == "tools_training"]
    assert (tools["item"], tools["type"], tools["value"]) == ("general", "entries", TOOLS_TRAINING)
    assert tools["label"].startswith("1. Tools on asset recovery")
    document = client.get("/api/v1/openapi.json").get_json()
    answer = document["components"]["schemas"]["Answer"]["properties"]
    assert "entries" in answer["type"]["enum"]
    assert {"type": "array", "items": {"type": "string"}} in answer["value"]["anyOf"]
    assert "a list of texts, one per entry" in answer["value"]["description"]
