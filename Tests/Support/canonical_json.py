"""Checks that a file is exactly the canonical JSON recipe of docs/json-format.md:
json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n".
Usage: python3 canonical_json.py FILE...   Exit 0 if every file matches; else names the first
differing byte."""
import json
import sys

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        data = handle.read()
    expected = (json.dumps(json.loads(data.decode("utf-8")), indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
    if data != expected:
        at = next((i for i, (a, b) in enumerate(zip(data, expected)) if a != b), min(len(data), len(expected)))
        print(f"{path}: differs from the recipe at byte {at}: careplan {data[at:at+20]!r}, python {expected[at:at+20]!r}")
        failed = True
sys.exit(1 if failed else 0)
