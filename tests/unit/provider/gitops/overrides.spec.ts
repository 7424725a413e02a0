import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import fc from "fast-check";
import { stringify } from "yaml";
import {
  formatOverridesProblem,
  OverridesError,
  parseOverrides,
  validateOverrides,
  type OverridesResult,
} from "../../../../provider/gitops/overrides";
import { loadOverridesFile } from "../../../../provider/gitops/overrides-file";
import { checkInputs } from "../../../../provider/resource/inputs";
import { validatorsSource, VALIDATORS_FILE } from "../../../../scripts/schema-validators";
import schema from "../../../../schema/overrides.schema.json";

const EXAMPLE = path.join(__dirname, "../../../fixtures/overrides/sample.yaml");
/** Obviously fake, but shaped like a real token (long, with a long random-looking run). */
const FAKE_TOKEN = "fake-token-" + "x1".repeat(15);

/** The problems of `text` as the user reads them, one line each. */
function problemsOf(text: string, fileName = "overrides.yaml"): string[] {
  const result: OverridesResult = parseOverrides(text, fileName);
  if (result.ok) return assert.fail("expected problems");
  return result.problems.map((p) => formatOverridesProblem(fileName, p));
}

function overridesOf(text: string) {
  const result = parseOverrides(text, "overrides.yaml");
  assert.ok(result.ok, JSON.stringify(result));
  return result.overrides;
}

const ENTRY = `  - username: alice
    eventId: evt-1
    verdict: invalid
    reason: Alice was in Lisbon; confirmed by phone.
`;

describe("overrides file: reviewed verdicts in Git", () => {
  it("GIVEN the example file WHEN loaded THEN entries are normalized, the pool filled", () => {
    assert.deepEqual(loadOverridesFile(EXAMPLE), [
      {
        userPoolId: "us-east-1_DemoPool1",
        username: "alice",
        eventId: "7875548a-bd00-490a-93b8-fa36fe42a3e0",
        verdict: "Invalid",
        reason: "Sign-in from Berlin while Alice was in Lisbon; she confirmed by phone.",
        ticket: "SEC-1042",
      },
      {
        userPoolId: "us-east-1_DemoPool1",
        username: "bob@example.com",
        eventId: "1d5f3c9e-2b7a-4e8f-9c01-6a2b3c4d5e6f",
        verdict: "Valid",
        reason: "Bob's new laptop; confirmed with him on the team channel.",
      },
      {
        userPoolId: "eu-west-1_DemoPool2",
        username: "carol",
        eventId: "c0ffee00-1111-4222-8333-944445555666",
        verdict: "Invalid",
        reason: "Credential-stuffing burst from a known bad range (incident review).",
        ticket: "https://tickets.example.com/browse/SEC-1043",
      },
    ]);
  });

  // JSON is YAML.
  it("GIVEN the same overrides as JSON WHEN loaded THEN they are the same", () => {
    const json = JSON.stringify({
      version: 1,
      overrides: [
        {
          userPoolId: "us-east-1_AbC",
          username: "alice",
          eventId: "evt-1",
          verdict: "VALID",
          reason: "ok",
        },
      ],
    });
    assert.deepEqual(overridesOf(json), [
      {
        userPoolId: "us-east-1_AbC",
        username: "alice",
        eventId: "evt-1",
        verdict: "Valid",
        reason: "ok",
      },
    ]);
  });

  describe("GIVEN one problem WHEN loaded THEN just it, with line, column and what to do", () => {
    const cases: { name: string; text: string; problems: string[] }[] = [
      {
        name: "an empty file",
        text: "",
        problems: [
          "overrides.yaml:1:1: overrides: overrides is required: a list of verdicts, one per auth event.",
        ],
      },
      {
        name: "a feedback token in an entry",
        text: `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY}    feedbackToken: ${FAKE_TOKEN}\n`,
        problems: [
          `overrides.yaml:7:5: overrides[0].feedbackToken: feedback tokens must not be in this file: it is committed to Git, and a token lets anyone give feedback on the event. Remove "feedbackToken" and store the token as a stack secret instead: pulumi config set --secret --path 'feedbackTokens["evt-1"]' <token>`,
        ],
      },
      {
        name: "a token under any name, e.g. FeedbackToken",
        text: `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY}    FeedbackToken: x\n`,
        problems: [
          `overrides.yaml:7:5: overrides[0].FeedbackToken: feedback tokens must not be in this file: it is committed to Git, and a token lets anyone give feedback on the event. Remove "FeedbackToken" and store the token as a stack secret instead: pulumi config set --secret --path 'feedbackTokens["evt-1"]' <token>`,
        ],
      },
      {
        name: "a token at the top of the file",
        text: `token: x\nuserPoolId: us-east-1_AbC\noverrides:\n${ENTRY}`,
        problems: [
          `overrides.yaml:1:1: token: feedback tokens must not be in this file: it is committed to Git, and a token lets anyone give feedback on the event. Remove "token" and store the token as a stack secret instead: pulumi config set --secret --path 'feedbackTokens["<eventId>"]' <token>`,
        ],
      },
      {
        name: "a password field",
        text: `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY}    password: x\n`,
        problems: [
          `overrides.yaml:7:5: overrides[0].password: secrets must not be in this file: it is committed to Git. Remove "password"; keep credentials in your secret store or in secret stack config (pulumi config set --secret).`,
        ],
      },
      {
        name: "a token pasted into the reason",
        text: `userPoolId: us-east-1_AbC\noverrides:\n  - username: a\n    eventId: evt-9\n    verdict: valid\n    reason: see ${FAKE_TOKEN}\n`,
        problems: [
          `overrides.yaml:6:5: overrides[0].reason: reason contains what looks like a secret (a 41-character token-like string); this file is committed to Git, so secrets must stay out of it. Remove it; if it is the event's feedback token, store it with: pulumi config set --secret --path 'feedbackTokens["evt-9"]' <token>`,
        ],
      },
      {
        name: "no reason",
        text: "userPoolId: us-east-1_AbC\noverrides:\n  - username: a\n    eventId: e\n    verdict: valid\n",
        problems: [
          "overrides.yaml:3:5: overrides[0].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
        ],
      },
      {
        name: "a verdict that is none",
        text: `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY.replace("invalid", "maybe")}`,
        problems: [
          `overrides.yaml:5:5: overrides[0].verdict: verdict "maybe" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.`,
        ],
      },
      {
        name: "an event id YAML reads as a number",
        text: `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY.replace("evt-1", "12345")}`,
        problems: [
          "overrides.yaml:4:5: overrides[0].eventId: eventId must be a string, but it is a number. Put it in quotes.",
        ],
      },
      {
        name: "no pool, neither on the entry nor for the file",
        text: `overrides:\n${ENTRY}`,
        problems: [
          `overrides.yaml:2:5: overrides[0].userPoolId: userPoolId is required: set it to the user pool's id, like "us-east-1_AbC123xyZ", or set userPoolId once at the top of the file for every entry.`,
        ],
      },
      {
        name: "a bad default pool (reported once, where it is written)",
        text: `userPoolId: mypool_AbC\noverrides:\n${ENTRY}${ENTRY.replace("evt-1", "evt-2")}`,
        problems: [
          `overrides.yaml:1:1: userPoolId: userPoolId "mypool_AbC" does not start with an AWS region: Cognito pool ids are <region>_<id>, like "us-east-1_AbC123xyZ", and the region is taken from that prefix.`,
        ],
      },
      {
        name: "a misspelt field",
        text: `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY}    tiket: SEC-1\n`,
        problems: [
          `overrides.yaml:7:5: overrides[0].tiket: unknown field "tiket": check the spelling; allowed here: userPoolId, username, eventId, verdict, reason, ticket.`,
        ],
      },
      {
        name: "an unknown version",
        text: `version: 2\nuserPoolId: us-east-1_AbC\noverrides:\n${ENTRY}`,
        problems: [
          "overrides.yaml:1:1: version: got 2; expected the format version, 1 (optional).",
        ],
      },
      {
        name: "an entry that is not a mapping",
        text: "userPoolId: us-east-1_AbC\noverrides:\n  - alice\n",
        problems: [
          `overrides.yaml:3:5: overrides[0]: got "alice"; expected a verdict on one auth event: username, eventId, verdict and reason, optionally userPoolId and ticket.`,
        ],
      },
      {
        name: "broken YAML",
        text: `userPoolId: us-east-1_AbC\noverrides:\n  - username: [alice\n`,
        problems: [
          "overrides.yaml:4:1: (syntax): Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML (or JSON) syntax of overrides.yaml.",
        ],
      },
    ];
    for (const c of cases) {
      it(c.name, () => assert.deepEqual(problemsOf(c.text), c.problems));
    }
  });

  it("GIVEN the same event twice WHEN loaded THEN the second names the first's line", () => {
    const text = `userPoolId: us-east-1_AbC\noverrides:\n${ENTRY}${ENTRY.replace("invalid", "valid")}`;
    assert.deepEqual(problemsOf(text), [
      "overrides.yaml:7:5: overrides[1]: event evt-1 in pool us-east-1_AbC already has a verdict at line 3 (overrides[0]); keep one entry per event (merge the reasons into one).",
    ]);
  });

  it("GIVEN the same event id in two pools WHEN loaded THEN both are accepted", () => {
    const text = `overrides:\n${ENTRY.replace("  - ", "  - userPoolId: us-east-1_A\n    ")}${ENTRY.replace("  - ", "  - userPoolId: us-east-1_B\n    ")}`;
    assert.equal(overridesOf(text).length, 2);
  });

  it("GIVEN many problems WHEN loaded THEN all are reported at once, in file order", () => {
    const text = [
      "overrides:",
      "  - userPoolId: us-east-1_AbC",
      "    username: alice smith",
      "    eventId: evt/1",
      "    verdict: valid",
      `    token: ${FAKE_TOKEN}`,
      "    reason: ok",
      "  - userPoolId: nope",
      "    username: bob",
      "    eventId: evt-2",
      "    verdict: yes",
      "    reason: ' '",
      "    ticket: SEC 2",
    ].join("\n");
    const lines = problemsOf(text).map((p) => p.split(": ")[0] + ": " + p.split(": ")[1]);
    assert.deepEqual(lines, [
      "overrides.yaml:3:5: overrides[0].username",
      "overrides.yaml:4:5: overrides[0].eventId",
      "overrides.yaml:6:5: overrides[0].token",
      "overrides.yaml:8:5: overrides[1].userPoolId",
      "overrides.yaml:11:5: overrides[1].verdict",
      "overrides.yaml:12:5: overrides[1].reason",
      "overrides.yaml:13:5: overrides[1].ticket",
    ]);
  });

  it("GIVEN problems thrown by the file loader THEN one per line, and never the token", () => {
    const file = path.join(__dirname, "../../../fixtures/overrides/with-token.yaml");
    const err = (() => {
      try {
        loadOverridesFile(file);
      } catch (e) {
        return e as OverridesError;
      }
      return assert.fail("expected an OverridesError");
    })();
    assert.equal(err.name, "OverridesError");
    assert.equal(
      err.message,
      [
        "tests/fixtures/overrides/with-token.yaml has 3 problems:",
        "  tests/fixtures/overrides/with-token.yaml:5:5: overrides[0].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
        `  tests/fixtures/overrides/with-token.yaml:8:5: overrides[0].feedbackToken: feedback tokens must not be in this file: it is committed to Git, and a token lets anyone give feedback on the event. Remove "feedbackToken" and store the token as a stack secret instead: pulumi config set --secret --path 'feedbackTokens["evt-1"]' <token>`,
        "  tests/fixtures/overrides/with-token.yaml:9:5: overrides[1].reason: reason is required: say in a sentence why the verdict is right (who confirmed it, and how).",
      ].join("\n"),
    );
    assert.ok(!err.message.includes("fake-token-in-a-fixture"));
  });

  it("GIVEN a file that does not exist WHEN loaded THEN it names the unreadable file", () => {
    assert.throws(() => loadOverridesFile("/nonexistent/overrides.yaml"), {
      message: /^cannot read the overrides file \/nonexistent\/overrides\.yaml: ENOENT/,
    });
  });

  it("GIVEN an already-parsed document WHEN validated THEN the same rules, paths only", () => {
    const result = validateOverrides({
      overrides: [
        { userPoolId: "us-east-1_A", username: "a", eventId: "e", verdict: "x", reason: "r" },
      ],
    });
    assert.deepEqual(result, {
      ok: false,
      problems: [
        {
          path: "overrides[0].verdict",
          message: `verdict "x" is not a verdict: use "Valid" (the sign-in was the real user) or "Invalid" (it was not); letter case does not matter.`,
        },
      ],
    });
  });

  describe("properties", () => {
    // Any text a pull request could put in the file: random text, or random YAML documents that
    // sometimes look like an overrides file.
    const anyEntry = fc.dictionary(
      fc.constantFrom(
        "userPoolId",
        "username",
        "eventId",
        "verdict",
        "reason",
        "ticket",
        "token",
        "extra",
      ),
      fc.oneof(fc.string(), fc.jsonValue()),
    );
    const anyText = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => stringify(v)),
      fc
        .record(
          {
            version: fc.oneof(fc.constant(1), fc.jsonValue()),
            userPoolId: fc.jsonValue(),
            overrides: fc.array(anyEntry, { maxLength: 5 }),
          },
          { requiredKeys: [] },
        )
        .map((doc) => stringify(doc)),
    );

    it("GIVEN any text WHEN loaded THEN no throw; each problem has place, line, column", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const lines = text.split(/\r\n|\r|\n/).length;
          const result = parseOverrides(text, "overrides.yaml");
          if (result.ok) return;
          assert.ok(result.problems.length > 0);
          for (const p of result.problems) {
            assert.ok(p.path.length > 0 && p.message.length > 0, JSON.stringify(p));
            assert.ok(
              p.line !== undefined && p.line >= 1 && p.line <= lines + 1,
              JSON.stringify(p),
            );
            assert.ok(p.column !== undefined && p.column >= 1, JSON.stringify(p));
          }
        }),
        { numRuns: 300 },
      );
    });

    it("GIVEN any loaded file WHEN its entries are checked again THEN they are unchanged", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const result = parseOverrides(text, "overrides.yaml");
          if (!result.ok) return;
          for (const o of result.overrides) {
            const again = checkInputs({
              userPoolId: o.userPoolId,
              username: o.username,
              eventId: o.eventId,
              feedbackValue: o.verdict,
            });
            assert.deepEqual(again.failures, []);
            assert.equal(again.inputs.feedbackValue, o.verdict);
          }
        }),
        { numRuns: 200 },
      );
    });

    const entry = fc.record(
      {
        userPoolId: fc.constantFrom("us-east-1_AbC", "eu-west-2_X1"),
        username: fc.stringMatching(/^[\p{L}\p{N}@._+-]{1,40}$/u),
        eventId: fc.stringMatching(/^[\w+-]{1,50}$/),
        verdict: fc.constantFrom("valid", "Invalid", "VALID"),
        reason: fc.stringMatching(/^[A-Za-z][A-Za-z ,.;']{0,80}$/),
        ticket: fc.stringMatching(/^SEC-\d{1,6}$/),
      },
      { requiredKeys: ["username", "eventId", "verdict", "reason"] },
    );
    const entries = fc.uniqueArray(entry, {
      maxLength: 8,
      selector: (e) => `${e.userPoolId ?? "us-east-1_Default"}/${e.eventId}`,
    });

    it("GIVEN any valid entries WHEN written as YAML THEN they load in order, normalized", () => {
      fc.assert(
        fc.property(entries, (list) => {
          const text = stringify({ userPoolId: "us-east-1_Default", overrides: list });
          const loaded = overridesOf(text);
          assert.equal(loaded.length, list.length);
          loaded.forEach((o, i) => {
            assert.equal(o.userPoolId, list[i].userPoolId ?? "us-east-1_Default");
            assert.equal(
              o.verdict,
              list[i].verdict.toLowerCase() === "valid" ? "Valid" : "Invalid",
            );
          });
        }),
        { numRuns: 50 },
      );
    });

    it("GIVEN a token-like value in any free-text field THEN rejected, never echoed", () => {
      const token = fc.stringMatching(/^[A-Za-z0-9]{30,60}$/).map((s) => `fake${s}9z`);
      fc.assert(
        fc.property(token, fc.constantFrom("reason", "ticket"), (t, field) => {
          const text = stringify({
            userPoolId: "us-east-1_AbC",
            overrides: [
              { username: "a", eventId: "e", verdict: "valid", reason: "ok", [field]: t },
            ],
          });
          const problems = problemsOf(text);
          assert.equal(problems.length, 1);
          assert.match(
            problems[0],
            new RegExp(`overrides\\[0\\]\\.${field}: .*looks like a secret`),
          );
          assert.ok(!problems[0].includes(t));
        }),
        { numRuns: 50 },
      );
    });

    it("GIVEN an access key id as verdict and eventId THEN both rejected, never echoed", () => {
      const key = "AKIAIOSFODNN7EXAMPLE";
      const problems = problemsOf(
        `userPoolId: us-east-1_AbC\noverrides:\n  - username: a\n    eventId: ${key}\n    verdict: ${key}\n    reason: ok\n  - username: b\n    eventId: ${key}\n    verdict: valid\n    reason: ok\n`,
      );
      assert.deepEqual(problems, [
        `overrides.yaml:4:5: overrides[0].eventId: eventId contains what looks like a secret (an AWS access key id); this file is committed to Git, so secrets must stay out of it. Remove it; if it is the event's feedback token, store it with: pulumi config set --secret --path 'feedbackTokens["<eventId>"]' <token>`,
        `overrides.yaml:5:5: overrides[0].verdict: verdict contains what looks like a secret (an AWS access key id); this file is committed to Git, so secrets must stay out of it. Remove it; if it is the event's feedback token, store it with: pulumi config set --secret --path 'feedbackTokens["<eventId>"]' <token>`,
        `overrides.yaml:8:5: overrides[1].eventId: eventId contains what looks like a secret (an AWS access key id); this file is committed to Git, so secrets must stay out of it. Remove it; if it is the event's feedback token, store it with: pulumi config set --secret --path 'feedbackTokens["<eventId>"]' <token>`,
      ]);
      assert.ok(problems.every((p) => !p.includes(key)));
    });

    it("GIVEN UUID event ids and plain pool ids WHEN loaded THEN none is a secret", () => {
      const loaded = overridesOf(
        `userPoolId: us-east-1_AbC123xyZ\noverrides:\n  - username: a\n    eventId: 8f14e45f-ceea-467f-a0e3-2b1c9d5e7a61\n    verdict: valid\n    reason: ok\n  - userPoolId: eu-west-2_Zz9Yy8Xx7\n    username: b\n    eventId: c4ca4238-a0b9-4382-8dcc-509a6f75849b\n    verdict: invalid\n    reason: ok\n`,
      );
      assert.deepEqual(
        loaded.map((o) => `${o.userPoolId}/${o.eventId}`),
        [
          "us-east-1_AbC123xyZ/8f14e45f-ceea-467f-a0e3-2b1c9d5e7a61",
          "eu-west-2_Zz9Yy8Xx7/c4ca4238-a0b9-4382-8dcc-509a6f75849b",
        ],
      );
    });

    // Editors never flag a loadable file.
    it("GIVEN any entry field value THEN the published schema accepts what check accepts", () => {
      const ajv = new Ajv({ strict: true });
      ajv.addSchema(schema);
      const bmp = fc.string({
        unit: fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
        maxLength: 130,
      });
      const fields: [string, string, fc.Arbitrary<string>][] = [
        [
          "userPoolId",
          "userPoolId",
          fc.oneof(bmp, fc.stringMatching(/^[a-z-]{2,14}\d?_[\w]{0,44}$/)),
        ],
        ["username", "username", fc.oneof(bmp, fc.stringMatching(/^\S{1,130}$/u))],
        ["eventId", "eventId", fc.oneof(bmp, fc.stringMatching(/^[\w+-]{1,52}$/))],
        [
          "verdict",
          "feedbackValue",
          fc.oneof(bmp, fc.constantFrom("valid", "INVALID", "vAlId", "no")),
        ],
        ["reason", "reason", bmp],
        ["ticket", "ticket", fc.oneof(bmp, fc.stringMatching(/^\S{1,202}$/))],
      ];
      for (const [field, property, values] of fields) {
        const validate = ajv.getSchema(`${schema.$id}#/definitions/override/properties/${field}`)!;
        fc.assert(
          fc.property(values, (v) => {
            const byCheck = !checkInputs({ [property]: v }).failures.some(
              (f) => f.property === property,
            );
            const bySchema = validate(v) === true;
            // The schema cannot spot a secret in free text, so there it may accept more.
            if (field === "reason" || field === "ticket")
              assert.ok(!byCheck || bySchema, `${field}: ${JSON.stringify(v)}`);
            else assert.equal(bySchema, byCheck, `${field}: ${JSON.stringify(v)}`);
          }),
          { numRuns: 300 },
        );
      }
    });

    it("GIVEN the schema THEN overrides.validate.js is what schema:validators writes", () => {
      assert.equal(
        readFileSync(VALIDATORS_FILE, "utf8"),
        validatorsSource(),
        "schema/overrides.validate.js is out of date: run npm run schema:validators",
      );
    });
  });
});
