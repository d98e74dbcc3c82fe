"""Print how the report's engine does on the corpus of answers as States write them.

For the cases of tests/reports/corpus/ (the demonstration's 2011 replies, and forms they lack):
how many cases and State paragraphs there are, how many equal the careful editor's text, how many
differ but are flagged for the editor, how many differ unflagged (wrong), and in how many cases the
prose check (portal/reports/check.py) finds fault with what was generated. Of the cases that differ and are flagged,
it also counts those whose flags all stand away from the words that differ: the editor reading the flags is not led
to the error there.

    .venv/bin/python bench/report_prose.py [--show wrong|flagged|elsewhere|faults|all]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.reports.corpus_cases import FILES, run_all  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=("wrong", "flagged", "elsewhere", "faults", "all"),
                        help="print these cases with both texts")
    options = parser.parse_args()
    started = time.perf_counter()
    outcomes = run_all()
    elapsed = time.perf_counter() - started
    checked = run_all(checked=True)
    paragraphs = sum(len(outcome.expected) for outcome in outcomes)
    for name in (*FILES, None):
        chosen = [o for o in outcomes if name is None or o.case["file"] == name]
        equal = sum(o.equal for o in chosen)
        flagged = sum(o.flagged and not o.equal for o in chosen)
        wrong = sum(o.wrong for o in chosen)
        flagged_equal = sum(o.flagged and o.equal for o in chosen)
        elsewhere = sum(o.flagged and not o.equal and not o.flag_at_difference for o in chosen)
        faulty = sum(bool(o.faults) for o in checked if name is None or o.case["file"] == name)
        print(f"{name or 'all cases':>18}: {len(chosen):4d} cases, {equal:4d} equal ({100 * equal / max(1, len(chosen)):.1f} %), "
              f"{flagged:3d} differ and flagged ({elsewhere} of them flagged only elsewhere), "
              f"{wrong:3d} wrong (differ, unflagged), {flagged_equal:3d} equal but flagged, "
              f"{faulty:3d} with prose-check findings")
    print(f"{'':>18}  {paragraphs} expected paragraphs and sub-paragraphs; {elapsed:.2f} s "
          f"({1000 * elapsed / len(outcomes):.1f} ms a case)")
    if options.show:
        for outcome in outcomes:
            faults = next(o.faults for o in checked if o.case is outcome.case or o.case["id"] == outcome.case["id"])
            if options.show == "faults" and faults:
                print(f"\n[{outcome.case['id']}] prose check: " + "; ".join(faults))
                for got in outcome.generated:
                    print(f"  got:  {got}")
                continue
            if options.show == "all" or (options.show == "wrong" and outcome.wrong) or (
                    options.show == "flagged" and outcome.flagged and not outcome.equal) or (
                    options.show == "elsewhere" and outcome.flagged and not outcome.equal
                    and not outcome.flag_at_difference):
                print(f"\n[{outcome.case['id']}] {'equal' if outcome.equal else 'DIFFERS'}"
                      f"{' flagged: ' + '; '.join(outcome.flags) if outcome.flags else ''}")
                for got, want in zip(outcome.generated + [""] * 9, outcome.expected + [""] * 9):
                    if got != want:
                        print(f"  got:  {got}\n  want: {want}")
                if len(outcome.generated) > len(outcome.expected) + 9:
                    print("  ...")


if __name__ == "__main__":
    main()
