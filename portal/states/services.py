"""Reference data on Member States: loading from the data files, and look-ups."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from flask import abort

from portal.core.extensions import db
from portal.states.models import MemberState, RegionalGroup, StateName

DATA_DIR = Path(__file__).parent / "data"
STATES_FILE = DATA_DIR / "member_states.csv"
FORMER_NAMES_FILE = DATA_DIR / "former_names.csv"
FORMAL_NAMES_FILE = DATA_DIR / "formal_names.csv"

STATE_COLUMNS = ["code", "list_name", "text_name", "sort_key", "regional_group", "is_observer", "member_since"]
FORMER_NAME_COLUMNS = ["code", "list_name", "text_name", "used_until"]


class ReferenceDataError(ValueError):
    """A reference data file is malformed; the message names the file, the line and the column."""


@dataclass
class LoadResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def _read_rows(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != columns:
            raise ReferenceDataError(f"{path}:1: expected the columns {','.join(columns)}, found {reader.fieldnames}")
        return [(reader.line_num, row) for row in reader]


def _parse_date(path: Path, line: int, column: str, value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(f"{path}:{line}: {column}: expected a date YYYY-MM-DD, found {value!r}") from None


def read_states(path: Path = STATES_FILE) -> list[dict]:
    """Read and check the Member States file; return one dict of column values per State."""
    states, seen = [], set()
    groups = {group.value: group for group in RegionalGroup}
    for line, row in _read_rows(path, STATE_COLUMNS):
        code = row["code"]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise ReferenceDataError(f"{path}:{line}: code: expected three capital letters, found {code!r}")
        if code in seen:
            raise ReferenceDataError(f"{path}:{line}: code: {code} appears twice")
        seen.add(code)
        if row["regional_group"] not in groups:
            raise ReferenceDataError(
                f"{path}:{line}: regional_group: expected one of {', '.join(groups)}, found {row['regional_group']!r}"
            )
        if row["is_observer"] not in {"0", "1"}:
            raise ReferenceDataError(f"{path}:{line}: is_observer: expected 0 or 1, found {row['is_observer']!r}")
        for column in ("list_name", "text_name", "sort_key"):
            if not row[column].strip():
                raise ReferenceDataError(f"{path}:{line}: {column}: must not be empty")
        states.append(
            {
                "code": code,
                "list_name": row["list_name"],
                "text_name": row["text_name"],
                "sort_key": row["sort_key"],
                "regional_group": groups[row["regional_group"]],
                "is_observer": row["is_observer"] == "1",
                "member_since": _parse_date(path, line, "member_since", row["member_since"]),
            }
        )
    return states


def read_former_names(path: Path = FORMER_NAMES_FILE) -> dict[str, list[dict]]:
    """Read the former names file; return the names of each State code, oldest first."""
    names: dict[str, list[dict]] = {}
    for line, row in _read_rows(path, FORMER_NAME_COLUMNS):
        used_until = _parse_date(path, line, "used_until", row["used_until"])
        if used_until is None:
            raise ReferenceDataError(f"{path}:{line}: used_until: must not be empty")
        names.setdefault(row["code"], []).append(
            {"list_name": row["list_name"], "text_name": row["text_name"], "used_until": used_until}
        )
    for entries in names.values():
        entries.sort(key=lambda entry: entry["used_until"])
    return names


def load_states(states_path: Path = STATES_FILE, former_names_path: Path = FORMER_NAMES_FILE) -> LoadResult:
    """Bring the Member States table in line with the data files (idempotent)."""
    rows = read_states(states_path)
    former = read_former_names(former_names_path)
    unknown = set(former) - {row["code"] for row in rows}
    if unknown:
        raise ReferenceDataError(f"{former_names_path}: codes not in {states_path.name}: {', '.join(sorted(unknown))}")

    existing = {state.code: state for state in db.session.scalars(sa.select(MemberState))}
    result = LoadResult()
    for row in rows:
        state = existing.get(row["code"])
        is_new = state is None
        if is_new:
            state = MemberState(**row)
            db.session.add(state)
        changed = is_new or any(getattr(state, key) != value for key, value in row.items())
        for key, value in row.items():
            setattr(state, key, value)
        wanted = former.get(row["code"], [])
        have = [{"list_name": n.list_name, "text_name": n.text_name, "used_until": n.used_until} for n in state.former_names]
        if wanted != have:
            state.former_names = [StateName(**n) for n in wanted]
            changed = True
        if is_new:
            result.added += 1
        elif changed:
            result.updated += 1
        else:
            result.unchanged += 1
    db.session.flush()
    return result


@functools.lru_cache(maxsize=1)
def formal_names() -> dict[str, tuple[str, str]]:
    """Return, by State code, its formal name in running text and its adjective ("the Kingdom of Bhutan", "Bhutanese").

    What a focal point may call its State ("the Islamic Republic of Mauritania", "the Yemeni
    Government"), so that the report knows the State is speaking of itself.
    """
    with FORMAL_NAMES_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: (row["formal_name"], row["adjective"]) for row in csv.DictReader(handle)}


def list_states(*, include_observers: bool = True, group: RegionalGroup | None = None) -> list[MemberState]:
    """Return the States in UN alphabetical order, of their names in the reader's language."""
    query = sa.select(MemberState).order_by(MemberState.sort_key)
    if not include_observers:
        query = query.where(MemberState.is_observer.is_(False))
    if group is not None:
        query = query.where(MemberState.regional_group == group)
    return sorted(db.session.scalars(query), key=lambda state: state.name_sort_key)


def get_state(code: str) -> MemberState:
    """Return the State with ISO code ``code`` or answer 404."""
    state = db.session.scalar(sa.select(MemberState).where(MemberState.code == code.upper()))
    if state is None:
        abort(404)
    return state


def find_state(code: str) -> MemberState | None:
    return db.session.scalar(sa.select(MemberState).where(MemberState.code == code.upper()))
