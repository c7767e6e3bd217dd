"""Validates plan files against docs/schema/plan.schema.json with the independent
Python `jsonschema` package (Draft 2020-12, formats checked).

Usage: python3 Tests/Support/check_plan_schema.py SCHEMA FILE...
Prints `FILE: ok` or `FILE: PATH: message` lines; exits 1 if any file is invalid.
"""
import json
import sys

import jsonschema


def main(schema_path, files):
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    failed = 0
    for name in files:
        with open(name, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            failed += 1
            for error in errors:
                path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path).lstrip(".")
                print(f"{name}: {path or '(document)'}: {error.message}")
        else:
            print(f"{name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
