"""Exports in the six languages: the answers' labels and the codebook in the language chosen for the labels."""

from __future__ import annotations

import csv
import io

import pytest

from portal.core.access import Role
from tests.i18n.catalogues import catalogue

PARTIALLY = {"ar": "نُفِّذت تنفيذاً جزئياً", "zh": "已部分执行", "fr": "Partiellement mis en œuvre",
             "ru": "Частично осуществлен", "es": "Parcialmente aplicado"}


def rows_of(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))


@pytest.mark.parametrize("language", sorted(PARTIALLY))
def test_the_labels_and_the_codebook_follow_the_language_chosen(client, login_as, answered_cycle, language):
    login_as(Role.SECRETARIAT)
    base = f"/exports/download?cycle={answered_cycle.key}&language={language}"
    rows = rows_of(client.get(f"{base}&kind=long.csv"))
    status = next(row for row in rows if row["state_code"] == "CAN" and row["item_code"] == "SD-26"
                  and row["question_code"] == "status")
    assert (status["value"], status["value_label"]) == ("partially", PARTIALLY[language])  # the code stays
    codebook = client.get(f"{base}&kind=codebook.csv").get_data().decode("utf-8-sig")
    translations = catalogue(language)
    header = next(csv.reader(io.StringIO(codebook)))
    assert header == [translations.get(word).string for word in ("column", "type", "description", "codes", "value format")]
    entries = {row[0]: row for row in csv.reader(io.StringIO(codebook))}
    assert entries["cycle_key"][2] == translations.get("Key of the reporting cycle.").string
    statuses = [row for row in entries.values() if row[3].startswith("fully = ")]
    assert statuses and all(f"partially = {PARTIALLY[language]}" in row[3] for row in statuses)
