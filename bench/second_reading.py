"""Print what the second reading (portal/reports/doubts.py) finds: the wrong paragraphs held-out sets met on arrival, and
the right ones it asks about.

Each held-out set of the corpus was measured on arrival with the engine of its day, before the rules it led to. The
paragraphs that came out different from the editor's text and unflagged then are stored in
bench/data/arrival_wrongs.json (``--refresh`` writes them anew: it checks out each engine of ARRIVALS into a temporary
git worktree and runs its sets through it). This prints how many of them the second reading of today flags, and how
many paragraphs of today's corpus that equal the editor's text it flags (the price: an editor's look). The old
engines' texts are stored whole, so the second reading reads each against the whole answer; the engine reads each
paragraph and list item against its own source.

    .venv/bin/python bench/second_reading.py [--refresh] [--show missed|asked]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.reports import doubts  # noqa: E402
from tests.reports import corpus_cases  # noqa: E402

DATA = ROOT / "bench" / "data" / "arrival_wrongs.json"
# The engine each held-out set met on arrival (the commits' messages say so), and the sets.
ARRIVALS = {
    "973a52d": ["holdout17"], "4624998": ["holdout18", "holdout19"], "7b4702e": ["holdout20", "holdout21"],
    "516d05e": ["holdout22", "holdout23"], "8917b0d": ["holdout24", "holdout25"], "b345c67": ["holdout26", "holdout27"],
    "4de7fe2": ["holdout28", "holdout29"], "9ba9384": ["holdout30", "holdout31"], "8455ee4": ["holdout32", "holdout33"],
    "346c47e": ["holdout34", "holdout35"], "db3e1a0": ["holdout36"], "6ccdbf2": ["holdout37"],
    "d98a30f": ["holdout38", "holdout39"], "ddf0de4": ["holdout40", "holdout41"], "2eabc6d": ["holdout42"],
    "4898e84": ["holdout43"], "b7d3ff2": ["holdout44"], "3b548c1": ["holdout45", "holdout46"],
    "10cfaa2": ["holdout47", "holdout48"], "524e381": ["holdout49", "holdout50"], "c31af9d": ["holdout51", "holdout52"],
    # From here on the engine had the second reading: these are the wrong paragraphs it let through.
    "d968ec6": ["holdout55", "holdout56"], "4489a70": ["holdout57"], "c07b663": ["holdout58"],
    "964669f": ["holdout59", "holdout60"], "4211ab2": ["holdout62"], "60386d9": ["holdout61"],
    "d7bfa3e": ["holdout63", "holdout64"], "d901f48": ["holdout65", "holdout66"], "6ac9f13": ["holdout67", "holdout68"],
    "50cfbeb": ["holdout69", "holdout70"], "eb10daa": ["holdout71", "holdout72"], "e72c23e": ["holdout73"],
    "ec34c78": ["holdout74", "holdout76"], "78c8870": ["holdout77", "holdout78"], "938927c": ["holdout79", "holdout80"],
    "0f66027": ["holdout81", "holdout82"],
}
# Run inside a worktree of an old commit: its engine, today's cases (the editor's texts were corrected since).
RUNNER = """
import json, sys, yaml
sys.path.insert(0, ".")
from tests.reports import corpus_cases
found = []
for path in sys.argv[1:]:
    for case in yaml.safe_load(open(path, encoding="utf-8")):
        outcome = corpus_cases.run({**case, "file": "x"})
        if outcome.generated != outcome.expected and not outcome.flags:
            found.append({"id": case["id"], "answer": corpus_cases.answer_of(case), "generated": outcome.generated,
                          "expected": outcome.expected})
print(json.dumps(found))
"""


def refresh() -> list[dict]:
    wrongs = []
    for commit, sets in ARRIVALS.items():
        with tempfile.TemporaryDirectory() as folder:
            tree = Path(folder) / "tree"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
            try:
                paths = [str(ROOT / "tests" / "reports" / "corpus" / f"{name}.yaml") for name in sets]
                result = subprocess.run([sys.executable, "-c", RUNNER, *paths], cwd=tree, capture_output=True, text=True,
                                        check=True)
                found = json.loads(result.stdout)
                print(f"{commit}: {', '.join(sets)}: {len(found)} wrong", flush=True)
                wrongs += [{**row, "engine": commit} for row in found]
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    DATA.parent.mkdir(exist_ok=True)
    DATA.write_text(json.dumps(wrongs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return wrongs


def text_of(answer) -> str:
    return answer if isinstance(answer, str) else "\n".join(answer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="run the held-out sets through their engines again")
    parser.add_argument("--show", choices=("missed", "asked"), help="print the wrong paragraphs not flagged, or the "
                                                                     "right ones flagged")
    options = parser.parse_args()
    wrongs = refresh() if options.refresh else json.loads(DATA.read_text(encoding="utf-8"))
    flagged = 0
    for row in wrongs:
        text = " ".join(row["generated"])
        flags = doubts.second_reading(text_of(row["answer"]), text)
        flagged += bool(flags)
        if options.show == "missed" and not flags:
            print(f"[{row['id']}] ({row['engine']})\n  got:      {text}\n  expected: {' '.join(row['expected'])}")
    # The price, as the report pays it: the corpus cases that equal the editor's text and carry a flag, with the second
    # reading and without it (each paragraph and item read against its own source, as the engine does).
    with_it = corpus_cases.run_all()
    right = [outcome for outcome in with_it if outcome.equal]
    original = doubts.second_reading
    doubts.second_reading = lambda source, text: []
    try:
        without = {outcome.case["id"]: outcome for outcome in corpus_cases.run_all()}
    finally:
        doubts.second_reading = original
    asked = [outcome for outcome in right if outcome.flagged and not without[outcome.case["id"]].flagged]
    if options.show == "asked":
        for outcome in asked:
            print(f"[{outcome.case['id']}] " + "; ".join(outcome.flags))
    print(f"wrong and unflagged on arrival ({len(ARRIVALS)} engines, {sum(map(len, ARRIVALS.values()))} held-out sets): "
          f"{len(wrongs)} paragraphs; the second reading flags {flagged} ({100 * flagged / max(1, len(wrongs)):.0f} %)")
    print(f"today's corpus: {len(right)} cases equal the editor's text; {sum(o.flagged for o in right)} of them carry a "
          f"flag, {len(asked)} only because of the second reading ({100 * len(asked) / max(1, len(right)):.0f} %)")


if __name__ == "__main__":
    main()
