// Validates JSON files against a JSON Schema with ajv in strict mode and ajv-formats (every
// `format` checked in full: `date` is a real day), as a third-party user of the published schemas
// would. Prints one JSON line per file: {"file", "valid", "errors"}. A schema that does not compile
// in strict mode is an error (exit 2). Used by the schema corpus test
// (crates/assess/tests/schema_corpus.rs).
//
//   node scripts/validate-json.mjs SCHEMA.json FILE.json…
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath) {
  console.error("usage: node scripts/validate-json.mjs SCHEMA.json FILE.json…");
  process.exit(2);
}
// strict: true turns every strict-mode check into an error (the default only logs some).
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
} catch (e) {
  console.error(`${schemaPath} does not compile in ajv's strict mode: ${e.message}`);
  process.exit(2);
}
for (const file of files) {
  let valid = false;
  let errors = "";
  try {
    valid = validate(JSON.parse(readFileSync(file, "utf8")));
    errors = valid ? "" : ajv.errorsText(validate.errors);
  } catch (e) {
    errors = `not JSON: ${e.message}`;
  }
  console.log(JSON.stringify({ file, valid, errors }));
}
