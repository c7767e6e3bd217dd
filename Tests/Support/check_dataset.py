"""Checks a `careplan dataset` CSV independently of careplan (issue 10, item 4).

  check_dataset.py CSV [--codes-only]   reads the file with Python's csv module and checks the
                                        header, that every row has every column, that the set
                                        column names one of the four sets, and that NHS numbers,
                                        dates and plan ids have their shapes; prints
                                        "ok: N rows" or each problem, and exits 1 on any
"""
import csv
import datetime
import re
import sys

SETS = ["demographics", "needs-and-concerns", "support-offered", "outcomes"]


def main(path, codes_only):
    header = ["set", "nhs_number", "plan", "episode", "service", "item", "system", "code"] + ([] if codes_only else ["display"]) + \
        ["value", "date"] + ([] if codes_only else ["text"])
    problems = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0] != header:
        problems.append(f"header: {rows[0] if rows else None} is not {header}")
    seen_sets = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            problems.append(f"line {number}: {len(row)} fields, not {len(header)}")
            continue
        record = dict(zip(header, row))
        if record["set"] not in SETS:
            problems.append(f"line {number}: set {record['set']!r}")
        if record["nhs_number"] and not re.fullmatch(r"[0-9]{10}", record["nhs_number"]):
            problems.append(f"line {number}: nhs_number {record['nhs_number']!r}")
        if not re.fullmatch(r"[A-Za-z0-9-]{1,64}", record["plan"]):
            problems.append(f"line {number}: plan {record['plan']!r}")
        if record["date"]:
            try:
                datetime.date.fromisoformat(record["date"])
            except ValueError:
                problems.append(f"line {number}: date {record['date']!r}")
        seen_sets.append((record["plan"], SETS.index(record["set"]) if record["set"] in SETS else 0))
    # Each person's rows come together, the sets in order.
    for (plan, order), (next_plan, next_order) in zip(seen_sets, seen_sets[1:]):
        if plan == next_plan and next_order < order:
            problems.append(f"plan {plan}: the sets are out of order")
            break
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"ok: {len(rows) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--codes-only" in sys.argv[2:]))
