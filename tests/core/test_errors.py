"""Error answers keep what HTTP says they must carry, on pages and in the API."""

from portal.core.access import Role


def allowed(response) -> set[str]:
    return {method.strip() for method in response.headers.get("Allow", "").split(",") if method.strip()}


def test_method_not_allowed_names_the_allowed_methods_on_a_page(client, login_as):
    login_as(Role.CONTRIBUTOR, "CAN")
    response = client.get("/account/tokens/1/revoke")
    assert response.status_code == 405
    assert allowed(response) == {"POST", "OPTIONS"}
    assert response.mimetype == "text/html"
    assert "does not accept that kind of request" in response.get_data(as_text=True)


def test_method_not_allowed_names_the_allowed_methods_in_the_api(client):
    response = client.post("/api/v1/cycles")
    assert response.status_code == 405
    assert allowed(response) == {"GET", "HEAD", "OPTIONS"}
    assert response.get_json()["error"]["status"] == 405
