#!/usr/bin/env python3
"""Validates every JSON document under a publish folder against its schema.

Usage: validate_json.py SCHEMA_DIR OUT_DIR
Each document names its schema in "schema" ("nbaprops/NAME/1" -> SCHEMA_DIR/NAME.schema.json).
Prints one line per document; exits 1 when any fails, 3 when python3-jsonschema is missing."""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema not installed")
    sys.exit(3)

schema_dir, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
failed = 0
for path in sorted(out_dir.rglob("*.json")):
    if "schemas" in path.relative_to(out_dir).parts:
        continue
    doc = json.loads(path.read_text())
    name = doc.get("schema", "?/?/?").split("/")[1]
    schema = json.loads((schema_dir / f"{name}.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    rel = path.relative_to(out_dir)
    if errors:
        failed += 1
        for e in errors[:5]:
            print(f"FAIL {rel}: {'/'.join(map(str, e.path))}: {e.message}")
    else:
        print(f"ok {rel} ({name})")
sys.exit(1 if failed else 0)
