// `npm run schema:validators`: compiles schema/overrides.schema.json into
// schema/overrides.validate.js, the validators provider/gitops/overrides.ts loads. Compiling the schema
// with Ajv on every start was a sixth of a `cognito-feedback check` run; the compiled module loads
// in a few milliseconds and needs only Ajv's small runtime helpers. A unit test fails when the
// committed module is not what this writes (tests/unit/overrides.spec.ts).
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone";
import schema from "../schema/overrides.schema.json";

/** Where the compiled validators are kept, next to the schema (published with it). */
export const VALIDATORS_FILE = path.join(__dirname, "../schema/overrides.validate.js");

/**
 * The validators' source: `validate` for a whole document, `validateEntry` for one entry of its
 * list. verbose: errors carry the failing value and schema node, which messages describe.
 */
export function validatorsSource(): string {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    verbose: true,
    code: { source: true, lines: true },
  });
  ajv.addSchema(schema);
  const code = standaloneCode(ajv, {
    validate: schema.$id,
    validateEntry: `${schema.$id}#/definitions/override`,
  });
  return `// Generated from overrides.schema.json by \`npm run schema:validators\` (scripts/schema-validators.ts): do not edit.\n${code}\n`;
}

if (require.main === module) {
  writeFileSync(VALIDATORS_FILE, validatorsSource());
  console.log(`written: ${path.relative(process.cwd(), VALIDATORS_FILE)}`);
}
