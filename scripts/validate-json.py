"""Validates JSON files against a JSON Schema (draft 2020-12) with Python's jsonschema and its
format checker (`date` is a real day), as a third-party user of the published schemas would.
Prints one JSON line per file: {"file", "valid", "errors"}. A schema that is not a valid draft
2020-12 schema is an error (exit 2). Used by the schema corpus test
(crates/assess/tests/schema_corpus.rs).

    target/duckdb-venv/bin/python scripts/validate-json.py SCHEMA.json FILE.json...
"""

import json
import sys

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError


def main(schema_path, files):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as e:
        print(f"{schema_path} is not a draft 2020-12 schema: {e.message}", file=sys.stderr)
        return 2
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for file in files:
        try:
            with open(file, encoding="utf-8") as f:
                instance = json.load(f)
            errors = [e.message for e in validator.iter_errors(instance)]
        except ValueError as e:
            errors = [f"not JSON: {e}"]
        print(json.dumps({"file": file, "valid": not errors, "errors": "; ".join(errors)}))
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
