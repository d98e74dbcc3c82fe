"""The language switch on every page: the browser's language first, then the switch's cookie, and a signed-in
user's preferred language."""

from __future__ import annotations

import re

from tests.conftest import login


def test_the_switch_keeps_the_language_before_and_after_sign_in(client, db, create_user):
    page = client.get("/login", headers={"Accept-Language": "fr"})
    html = page.get_data(as_text=True)
    for code, name in (("ar", "العربية"), ("zh", "中文"), ("en", "English"), ("ru", "Русский"), ("es", "Español")):
        assert re.search(rf'<button type="submit" name="language" value="{code}" lang="{code}"[^>]*>{name}</button>', html)
    assert '<span lang="fr" aria-current="true">Français</span>' in html
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    switched = client.post("/language", data={"csrf_token": token, "language": "es", "next": "/login?x=1"},
                           headers={"Accept-Language": "fr"})
    assert switched.status_code == 302 and switched.headers["Location"].endswith("/login?x=1")
    assert 'lang="es"' in client.get("/login", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    user = create_user()
    user.language = "ru"
    db.session.commit()
    login(client, user)
    assert '<html lang="ru"' in client.get("/dashboard").get_data(as_text=True)  # the user's preferred language
    html = client.get("/dashboard").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert client.post("/language", data={"csrf_token": token, "language": "zh", "next": "/dashboard"}).status_code == 302
    db.session.refresh(user)
    assert user.language == "zh"
    assert '<html lang="zh"' in client.get("/dashboard").get_data(as_text=True)


def test_the_switch_refuses_a_language_it_does_not_serve_and_a_request_without_its_token(client):
    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert client.post("/language", data={"csrf_token": token, "language": "de"}).status_code == 400
    assert client.post("/language", data={"language": "fr"}).status_code == 400
    assert client.post("/language", data={"csrf_token": token, "language": "fr", "next": "https://evil.example/"}) \
        .headers["Location"].endswith("/dashboard")
