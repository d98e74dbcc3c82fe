"""Build the benchmark's database: a cycle of all 193 Member States with realistic answers.

Used by ``bench/checklist_load.py``. The data goes through the portal's own services (accounts,
checklist import, cycle creation and opening, saving answers, submitting), so progress counts,
revisions and timelines are what real use produces.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import flask_migrate
import psycopg
import sqlalchemy as sa
from psycopg import sql

from portal.accounts.models import User
from portal.checklists.services import import_template
from portal.core.access import Role
from portal.core.extensions import db
from portal.core.security import hash_password
from portal.cycles import services as cycles
from portal.states.models import MemberState
from portal.states.services import load_states
from portal.submissions import services as submissions
from portal.submissions.models import Answer, Submission, SubmissionStatus
from portal.submissions.services import AnswerChange

ROOT = Path(__file__).resolve().parent.parent
CYCLE_KEY = "bench-193"
PASSWORD = "bench-password-1"
SEED = 20261122


def focal_point_email(code: str) -> str:
    return f"bench.focal.{code.lower()}@example.org"


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database named in ``url`` if it does not exist."""
    info = psycopg.conninfo.conninfo_to_dict(url.replace("postgresql+psycopg://", "postgresql://"))
    name = info.get("dbname")
    if not name:
        raise SystemExit("the database URL names no database")
    if name == "test":
        raise SystemExit("refusing the database 'test': the test suite wipes it; name another (default: bench)")
    with psycopg.connect(psycopg.conninfo.make_conninfo(**{**info, "dbname": "postgres"}), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created the database {name}")


def is_built() -> bool:
    """Tell whether the database already holds the benchmark cycle with its 193 replies."""
    inspector = sa.inspect(db.engine)
    if not inspector.has_table("reporting_cycles"):
        return False
    cycle = cycles.find_cycle(CYCLE_KEY)
    if cycle is None:
        return False
    return db.session.scalar(sa.select(sa.func.count()).where(Submission.cycle_id == cycle.id)) == 193


def reset_schema() -> None:
    """Empty the database and build the schema with the migrations."""
    with db.engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    flask_migrate.upgrade()


# ------------------------------------------------------------------------------------------
# Answers: narrative texts assembled from sentences in the style of E/CN.15/2011/15.

OPENINGS = [
    "{state} reported that a national strategy in this area had been adopted and was being implemented by the ministries concerned.",
    "{state} indicated that its legislation had been amended to bring it into line with the relevant international instruments.",
    "The Government of {state} has made this area a national priority and set up an inter-ministerial working group to coordinate its action.",
    "{state} noted that a draft law on the matter was before Parliament and was expected to be adopted within the year.",
    "Since the Twelfth Congress, {state} has reviewed its policies in this field with the participation of civil society.",
]
SENTENCES = [
    "Training programmes have been organized for police officers, prosecutors, judges and prison staff, some of them with the support of UNODC.",
    "A specialized unit of the public prosecution service handles the most serious cases and reports each year on its activity.",
    "Cooperation with neighbouring States has been strengthened through information exchanges and joint operations.",
    "Victims are referred to support services run by the State and by non-governmental organizations, and receive free legal aid.",
    "Statistics on reported offences, prosecutions and convictions are collected by the national statistical office and published yearly.",
    "An evaluation carried out by an independent research institute found that the measures had reduced reoffending among young people.",
    "The national action plan sets targets and indicators, and the coordinating body reviews progress every six months.",
    "Limited resources and the need to coordinate many institutions remain the main obstacles to full implementation.",
    "The State would welcome technical assistance in data collection and in training trainers for the criminal justice professions.",
    "Guidelines for practitioners have been published and are available on the website of the Ministry of Justice.",
    "Regional authorities are responsible for prevention programmes, which are funded in part from the national budget.",
    "A memorandum of understanding signed with UNODC provides for advisory services and the exchange of good practices.",
]
LAWS = [
    ("Criminal Code", "Law No. {n}/{y}"), ("Code of Criminal Procedure", "Law No. {n}/{y}"),
    ("Act on the Protection of Victims and Witnesses", "Act No. {n} of {y}"), ("National Action Plan against Trafficking in Persons", "Decree No. {n}/{y}"),
    ("Law on the Prevention of Money-Laundering and the Financing of Terrorism", "Law No. {n}/{y}"),
    ("Juvenile Justice Act", "Act No. {n} of {y}"), ("National Crime Prevention Strategy", "Government resolution No. {n}/{y}"),
]
STATUSES = ["fully", "partially", "partially", "planned", "not_implemented", "no_information"]


def narrative(rng: random.Random, state: str, length: int) -> str:
    """Return paragraphs about ``state`` of about ``length`` characters."""
    paragraphs, size = [], 0
    while size < length:
        sentences = [rng.choice(OPENINGS).format(state=state)] + rng.sample(SENTENCES, rng.randint(2, 5))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[: max(length, 1)].rstrip() + "."


def references(rng: random.Random) -> list[dict[str, str]]:
    chosen = rng.sample(LAWS, rng.randint(1, 3))
    out = []
    for title, citation in chosen:
        year = rng.randint(1995, 2025)
        out.append({"title": title, "citation": citation.format(n=rng.randint(1, 250), y=year),
                    "date": dt.date(year, rng.randint(1, 12), rng.randint(1, 28)).isoformat(), "link": ""})
    return out


def item_answers(rng: random.Random, state: str, long_length: int | None) -> dict[str, object]:
    status = rng.choice(STATUSES)
    answers: dict[str, object] = {"status": status}
    if status in ("fully", "partially", "planned"):
        answers["measures"] = narrative(rng, state, long_length or rng.randint(300, 2500))
        if rng.random() < 0.6:
            answers["references"] = references(rng)
        if rng.random() < 0.4:
            answers["examples"] = narrative(rng, state, rng.randint(200, 1200))
        answers["agencies"] = "Ministry of Justice (lead); Ministry of the Interior; Public Prosecution Service."
    if status in ("partially", "planned", "not_implemented"):
        answers["challenges"] = rng.sample(["coordination", "legal_system", "priorities", "capacity", "resources", "awareness"], 2)
        answers["planned_action"] = narrative(rng, state, rng.randint(150, 600))
        answers["assistance_needed"] = rng.choice(["yes", "no"])
        if answers["assistance_needed"] == "yes":
            answers["assistance_kinds"] = rng.sample(["legal_advice", "drafting", "training", "data", "good_practices"], 2)
            answers["assistance_priority"] = rng.choice(["high", "medium", "low"])
    if status == "not_implemented" and rng.random() < 0.3:
        answers["planned_action"] = narrative(rng, state, rng.randint(150, 600))
    return answers


@dataclass(frozen=True)
class BuiltData:
    cycle_key: str
    draft_codes: list[str]  # States whose reply is a draft: the simulated users sign in for these
    editable: dict[str, list[tuple[str, str]]]  # theme code -> [(item code, question code)] a user may edit


def build(rng_seed: int = SEED) -> None:
    """Fill an empty, migrated database: States, checklist, 193 focal points, the cycle and its answers."""
    rng = random.Random(rng_seed)
    load_states()
    template, _ = import_template(ROOT / "checklists" / "salvador-declaration.yaml")
    states = cycles.states_for_invitation(everyone=True)
    password_hash = hash_password(PASSWORD)  # one hash for all: argon2 takes tens of milliseconds per call
    users = {}
    for state in states:
        users[state.code] = User(email=focal_point_email(state.code), name=f"Focal point {state.code}", role=Role.FOCAL_POINT,
                                 state=state, password_hash=password_hash, language="en")
        db.session.add(users[state.code])
    cycle = cycles.create_cycle(key=CYCLE_KEY, title="Follow-up to the Salvador Declaration (benchmark)", template=template,
                                opens_on=dt.date(2026, 10, 1), deadline=dt.date(2027, 1, 31), cutoff_on=dt.date(2027, 2, 15),
                                states=states, created_by=None)
    cycles.open_cycle(cycle, None)
    db.session.commit()
    national = [item for item in template.items if any(q["code"] == "status" for q in item.questions)]
    by_state = {s.state_id: s for s in db.session.scalars(sa.select(Submission).where(Submission.cycle_id == cycle.id))}
    # 150 States have begun (8 of them submitted a complete reply), 43 have not started.
    order = list(states)
    rng.shuffle(order)
    for position, state in enumerate(order[:150]):
        submission, user = by_state[state.id], users[state.code]
        complete = position < 8
        chosen = national if complete else rng.sample(national, rng.randint(len(national) // 4, len(national) - 2))
        long_items = set(rng.sample([item.code for item in chosen], min(len(chosen), rng.randint(1, 3))))
        changes = []
        for item in chosen:
            long_length = rng.randint(5000, 30000) if item.code in long_items else None
            for question, value in item_answers(rng, state.text_name[:1].upper() + state.text_name[1:], long_length).items():
                changes.append(AnswerChange(item.id, question, value, 0))
        changes += [AnswerChange(None, "focal_point_name", f"Focal point of {state.list_name}", 0),
                    AnswerChange(None, "focal_point_institution", "Ministry of Justice", 0),
                    AnswerChange(None, "focal_point_email", focal_point_email(state.code), 0)]
        result = submissions.save_answers(submission, user, changes)
        if result.errors:
            raise SystemExit(f"{state.code}: invalid benchmark answers: {result.errors}")
        if complete:
            submissions.submit_reply(submission, user)
        db.session.commit()


def describe() -> BuiltData:
    """Return what the load test needs to know about the built database."""
    cycle = cycles.find_cycle(CYCLE_KEY)
    drafts = db.session.scalars(
        sa.select(MemberState.code).join(Submission, Submission.state_id == MemberState.id)
        .where(Submission.cycle_id == cycle.id, Submission.status == SubmissionStatus.DRAFT)
        .order_by(MemberState.sort_key)
    ).all()
    editable: dict[str, list[tuple[str, str]]] = {}
    for item in cycle.template.items:
        question = "measures" if any(q["code"] == "measures" for q in item.questions) else "comment"
        editable.setdefault(item.theme_code, []).append((item.code, question))
    return BuiltData(CYCLE_KEY, list(drafts), editable)


def statistics() -> dict[str, int]:
    """Return the size of the data: answers, long answers, the longest answer."""
    length = sa.func.length(sa.cast(Answer.value, sa.Text))
    return {
        "answers": db.session.scalar(sa.select(sa.func.count()).select_from(Answer)),
        "long answers (5,000 characters or more)": db.session.scalar(sa.select(sa.func.count()).where(length >= 5000)),
        "longest answer (characters)": db.session.scalar(sa.select(sa.func.max(length))) or 0,
        "focal point accounts": db.session.scalar(sa.select(sa.func.count()).select_from(User).where(User.role == Role.FOCAL_POINT)),
    }
