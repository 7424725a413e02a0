// One clear line per error: a usage error prints the error and one line pointing to --help.
import assert from "node:assert/strict";
import { runInProcess } from "../../../support/cli";

describe("usage errors: the error, then one line pointing to --help", () => {
  const cases: [string, string[], string][] = [
    [
      "an unknown command",
      ["nope"],
      "error: unknown command 'nope'\n(see cognito-feedback --help)\n",
    ],
    [
      "a missing argument",
      ["review"],
      "error: missing required argument 'preview.json'\n(see cognito-feedback review --help)\n",
    ],
    [
      "a bad option value",
      ["check", "o.yaml", "--max-problems", "none"],
      "error: option '--max-problems <n>' argument 'none' is invalid. it must be a whole number, 1 or more.\n(see cognito-feedback check --help)\n",
    ],
    [
      "an unknown option",
      ["check", "o.yaml", "--colour"],
      "error: unknown option '--colour'\n(see cognito-feedback check --help)\n",
    ],
    [
      "a missing required option",
      ["events", "--username", "alice"],
      "error: required option '--user-pool-id <id>' not specified\n(see cognito-feedback events --help)\n",
    ],
  ];
  for (const [name, argv, stderr] of cases) {
    it(`GIVEN ${name} THEN exactly the error and the hint; exit 2`, async () => {
      assert.deepEqual(await runInProcess(argv), { code: 2, stdout: "", stderr });
    });
  }
});
