"""The corpus of answers as States write them (tests/reports/corpus/), run through the report's engine.

Used by tests/reports/test_corpus.py, which fails on any generated text that differs from the
editor's text without being flagged, and by bench/report_prose.py, which prints the figures.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import string
from pathlib import Path
from typing import Any

import yaml

from portal.demo.replies_2011 import REPLIES_2011
from portal.reports import check, prose, speech
from portal.states.services import formal_names, read_states
from portal.reports.drafting import load_texts, proposal_entries

CORPUS = Path(__file__).resolve().parent / "corpus"
FILES = ("replies_2011.yaml", "sentences.yaml", "holdout.yaml", "holdout2.yaml", "holdout3.yaml", "holdout4.yaml",
         "holdout5.yaml", "holdout6.yaml", "holdout7.yaml", "holdout8.yaml", "holdout9.yaml", "holdout10.yaml",
         "holdout11.yaml", "holdout12.yaml", "holdout13.yaml", "holdout14.yaml", "holdout15.yaml", "holdout16.yaml",
         "holdout17.yaml", "holdout18.yaml", "holdout19.yaml", "holdout20.yaml", "holdout21.yaml", "holdout22.yaml",
         "holdout23.yaml", "holdout24.yaml", "holdout25.yaml", "holdout26.yaml", "holdout27.yaml", "holdout28.yaml",
         "holdout29.yaml", "holdout30.yaml", "holdout31.yaml", "holdout32.yaml", "holdout33.yaml",
         "holdout34.yaml", "holdout35.yaml", "holdout36.yaml", "holdout37.yaml", "holdout38.yaml", "holdout39.yaml",
         "holdout40.yaml", "holdout41.yaml", "holdout42.yaml", "holdout43.yaml",
         "holdout44.yaml", "holdout45.yaml", "holdout46.yaml",
         "holdout47.yaml", "holdout48.yaml", "holdout49.yaml", "holdout50.yaml", "holdout51.yaml", "holdout52.yaml",
         "holdout53.yaml", "holdout54.yaml", "holdout55.yaml", "holdout56.yaml",
         "holdout57.yaml", "holdout58.yaml", "holdout59.yaml", "holdout60.yaml",
         "holdout61.yaml", "holdout62.yaml", "holdout63.yaml", "holdout64.yaml", "holdout65.yaml", "holdout66.yaml",
         "holdout67.yaml", "holdout68.yaml", "holdout69.yaml", "holdout70.yaml",
         "holdout71.yaml", "holdout72.yaml", "holdout73.yaml", "holdout74.yaml", "holdout75.yaml",
         "holdout76.yaml", "holdout77.yaml", "holdout78.yaml", "holdout79.yaml", "holdout80.yaml",
         "holdout81.yaml", "holdout82.yaml", "holdout83.yaml", "holdout84.yaml",
         "holdout85.yaml", "holdout86.yaml", "holdout87.yaml", "holdout88.yaml", "holdout89.yaml", "holdout90.yaml",
         "holdout91.yaml", "holdout92.yaml", "holdout93.yaml", "holdout94.yaml",
         "holdout95.yaml", "holdout96.yaml", "holdout97.yaml", "holdout98.yaml",
         "holdout99.yaml", "holdout100.yaml", "holdout101.yaml", "holdout102.yaml", "holdout103.yaml", "holdout104.yaml",
         "holdout105.yaml", "holdout106.yaml", "holdout107.yaml", "holdout108.yaml",
         "holdout109.yaml", "holdout110.yaml", "holdout111.yaml", "holdout112.yaml",
         "holdout113.yaml", "holdout114.yaml", "holdout115.yaml", "holdout116.yaml", "holdout117.yaml", "holdout118.yaml",
         "holdout119.yaml", "holdout120.yaml", "holdout121.yaml", "holdout122.yaml", "holdout123.yaml",
         "holdout124.yaml", "holdout125.yaml", "holdout126.yaml", "holdout127.yaml", "holdout128.yaml",
         "holdout129.yaml", "holdout130.yaml", "holdout131.yaml", "holdout132.yaml", "holdout133.yaml",
         "holdout134.yaml", "holdout135.yaml", "holdout136.yaml", "holdout137.yaml", "holdout138.yaml",
         "holdout139.yaml", "holdout140.yaml", "holdout141.yaml", "holdout142.yaml",
         "holdout143.yaml", "holdout144.yaml", "holdout145.yaml", "holdout146.yaml", "holdout147.yaml",
         "holdout148.yaml", "holdout149.yaml", "holdout150.yaml", "holdout151.yaml", "holdout152.yaml",
         "holdout153.yaml", "holdout154.yaml", "holdout155.yaml", "holdout156.yaml", "holdout157.yaml",
         "holdout158.yaml", "holdout159.yaml", "holdout160.yaml")
# The role of each proposal question in the Salvador Declaration's checklist (its `report:` section).
PROPOSAL_ROLES = {"tools_training": "future_activity", "follow_up_proposals": "follow_up",
                  "congress_efficiency": "congress_efficiency", "next_congress": "next_congress"}
DECLARATION = "Salvador Declaration"


@dataclasses.dataclass
class Outcome:
    """One case: what the editor wrote, what the engine wrote, whether the engine flagged it, what the check finds."""

    case: dict[str, Any]
    expected: list[str]
    generated: list[str]
    flags: list[str]
    faults: list[str] = dataclasses.field(default_factory=list)
    reasons: list[str] = dataclasses.field(default_factory=list)  # the flags' reasons as the engine stored them
    # whether a flag touches a word where the text differs from the editor's (a flag elsewhere does not lead there)
    flag_at_difference: bool = False

    @property
    def equal(self) -> bool:
        return self.generated == self.expected

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def wrong(self) -> bool:
        """Different from the editor's text and not flagged: what must never happen."""
        return not self.equal and not self.flagged


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for name in FILES:
        with (CORPUS / name).open(encoding="utf-8") as handle:
            for case in yaml.safe_load(handle):
                cases.append({**case, "file": name})
    return cases


def answer_of(case: dict[str, Any]) -> Any:
    if "answer" in case:
        return case["answer"]
    demo = case["demo"]
    reply = REPLIES_2011[demo["state"]]
    if demo.get("item"):
        return reply["items"][demo["item"]][demo["question"]]
    return reply["general"][demo["question"]]


def lettered(written: list[speech.Written]) -> list[str]:
    """Return the texts as the report prints them, sub-paragraphs with their letters (a), (b), ... after each paragraph."""
    return letter([(block.text, block.subparagraph) for block in written])


def letter(blocks: list[tuple[str, bool]]) -> list[str]:
    """Letter the sub-paragraphs of (text, is a sub-paragraph) pairs from (a) after each paragraph, as the renderer does."""
    texts, number = [], 0
    for text, subparagraph in blocks:
        if subparagraph:
            texts.append(f"({string.ascii_lowercase[number % 26]}) {text}")
            number += 1
        else:
            texts.append(text)
            number = 0
    return texts


@functools.lru_cache(maxsize=1)
def codes_by_name() -> dict[str, str]:
    """Return the State codes by running-text and list name, as the data files give them."""
    rows = read_states()
    return {**{row["text_name"]: row["code"] for row in rows}, **{row["list_name"]: row["code"] for row in rows}}


def state_of(name: str) -> speech.StateNames:
    """Return the names of a State as the compilation gives them to the engine (its formal name and adjective too)."""
    code = codes_by_name().get(name) or codes_by_name().get(prose.capitalize(name))
    formal, adjective = formal_names().get(code, ("", "")) if code else ("", "")
    return speech.StateNames(name, tuple(n for n in (name, formal) if n), adjective)


def generate(case: dict[str, Any]) -> list[speech.Written]:
    state = state_of(case["state"])
    value = answer_of(case)
    role = PROPOSAL_ROLES.get(case["question"])
    if role is None:
        return speech.answer(value, state, case.get("position", 0))
    lead_ins = load_texts("en")["phrases"]["proposal_lead_ins"][role]
    return speech.proposals(proposal_entries(value), state,
                            lead_ins["several"].replace("{declaration}", DECLARATION),
                            lead_ins["single"].replace("{declaration}", DECLARATION), case.get("position", 0))


def run(case: dict[str, Any], *, checked: bool = False) -> Outcome:
    """Write the case's answer as the report would; with ``checked``, also run the prose check on what was written."""
    written = generate(case)
    flags = [f"{block.text[flag['start']:flag['end']]!r}: {flag['reason']}" for block in written for flag in block.flags]
    outcome = Outcome(case, [" ".join(text.split()) for text in case["expected"]], lettered(written), flags,
                      reasons=[flag["reason"] for block in written for flag in block.flags])
    outcome.flag_at_difference = any(_flag_at_difference(block, got, want) for block, got, want in zip(
        written, outcome.generated, outcome.expected + [""] * len(written)))
    if checked:
        state = state_of(case["state"])
        blocks = [check.ProseBlock("subparagraph" if block.subparagraph else "paragraph", block.text,
                                   frozenset({"S"}), sourced=True) for block in written]
        findings = check.check_prose(blocks, {"S": state.names})
        outcome.faults = [f"{finding.rule}: {finding.message}" for found in findings for finding in found]
    return outcome


def _flag_at_difference(block: speech.Written, got: str, want: str) -> bool:
    """Tell whether one of the block's flags touches a word of ``got`` (its lettered text) that differs from
    ``want``, the editor's text."""
    if got == want:
        return False
    shift = len(got) - len(block.text)  # the letter "(a) " before a sub-paragraph
    spans = [(flag["start"] + shift, flag["end"] + shift) for flag in block.flags]
    words = [(match.start(), match.end(), match.group()) for match in re.finditer(r"\S+", got)]
    matcher = difflib.SequenceMatcher(None, [word[2] for word in words], want.split(), autojunk=False)
    for operation, first, last, _, _ in matcher.get_opcodes():
        if operation == "equal":
            continue
        start = words[first][0] if first < len(words) else len(got)
        end = words[last - 1][1] if last > first else start + 1  # (a word missing: the place where it goes)
        if any(flag_start <= end and start <= flag_end for flag_start, flag_end in spans):
            return True
    return False


def run_all(*, checked: bool = False) -> list[Outcome]:
    return [run(case, checked=checked) for case in load_cases()]
