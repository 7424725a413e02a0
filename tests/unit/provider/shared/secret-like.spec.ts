// Secret-looking text: caught in free text, withheld from messages and source excerpts.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  looksLikeSecret,
  sourceExcerpt,
  withholdSecrets,
} from "../../../../provider/shared/secret-like";

/** Obviously fake: a JWT's shape with a short payload and signature ("fake", "fake-sig"). */
const FAKE_JWT = "eyJhbGciOiJIUzI1NiJ9.ZmFrZQ.ZmFrZS1zaWc";

describe("looksLikeSecret: pasted credentials are caught, prose and ids are not", () => {
  const flagged: [string, string, string][] = [
    [
      "a long token-like word",
      `token ${"fake" + "Z9".repeat(16)}`,
      "a 36-character token-like string",
    ],
    [
      "a token inside a link's query string",
      `https://example.com/fb?event=1&token=${"fake" + "x1".repeat(14)}`,
      "a 38-character token-like string",
    ],
    ["an AWS access key id", "key AKIAFAKEFAKEFAKE0000 leaked", "an AWS access key id"],
    ["a JSON Web Token", "eyJhbGciOiJub25lIn0.eyJmYWtlIjp0cnVlfQ.", "a JSON Web Token"],
    ["a JWT with a short payload and signature", `reason: ${FAKE_JWT}`, "a JSON Web Token"],
    ["a YAML alias named like a JWT", `a: *${FAKE_JWT}`, "a JSON Web Token"],
  ];
  describe("GIVEN a secret in free text THEN it is reported as what it looks like", () => {
    for (const [name, text, what] of flagged) {
      it(`${name}: ${what}`, () => {
        assert.equal(looksLikeSecret(text), what);
      });
    }
  });

  const clean: [string, string][] = [
    ["a sentence", "Alice confirmed by phone that she was in Lisbon, not Berlin."],
    ["an event id (UUID)", "7875548a-bd00-490a-93b8-fa36fe42a3e0"],
    ["a long slug", "customer-reported-suspicious-login-2026-11-01-from-new-device"],
    ["a ticket link", "https://tickets.example.com/browse/SEC-1234"],
    ["a git commit link", `https://git.example.com/commit/${"0123456789abcdef".repeat(4)}`],
    ["an email address", "alice.long.name+security-team@example.com"],
  ];
  for (const [name, text] of clean) {
    it(`GIVEN ${name} THEN nothing is reported`, () =>
      assert.equal(looksLikeSecret(text), undefined));
  }

  it("PROPERTY: GIVEN any UUID or hyphenated words THEN nothing is reported", () => {
    const words = fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.uuid(), words, (uuid, parts) => {
        assert.equal(looksLikeSecret(`${uuid} ${parts.join("-")}`), undefined);
      }),
    );
  });

  // With letters and digits; the report never echoes it.
  it("PROPERTY: GIVEN a random base64url run of 32+ characters THEN it is reported", () => {
    const token = fc
      .stringMatching(/^[A-Za-z0-9_-]{0,40}$/)
      .map((s) => `fake${s.replace(/[-_]/g, "")}Q7${"k".repeat(26)}`);
    fc.assert(
      fc.property(
        token,
        fc.constantFrom("", "see ", "link: https://x.example/?t="),
        (t, prefix) => {
          const what = looksLikeSecret(`${prefix}${t}`);
          assert.ok(what !== undefined);
          assert.ok(!what.includes(t));
        },
      ),
    );
  });
});

describe("withholdSecrets and sourceExcerpt: quoted text never carries a secret", () => {
  const cases: [string, string, string][] = [
    ["prose", "Unresolved alias: anchor-1", "Unresolved alias: anchor-1"],
    [
      "a JWT inside a parser's message",
      `Unresolved alias (the anchor must be set before the alias): ${FAKE_JWT}`,
      "Unresolved alias (the anchor must be set before the alias): <withheld: it looks like a secret>",
    ],
    [
      "an access key id among words",
      "key AKIAFAKEFAKEFAKE0000, here",
      "key <withheld: it looks like a secret>, here",
    ],
  ];
  describe("GIVEN text holding a secret WHEN withheld THEN only the secret is replaced", () => {
    for (const [name, text, shown] of cases) {
      it(name, () => assert.equal(withholdSecrets(text), shown));
    }
  });

  const excerpts: [string, string, number, string | undefined][] = [
    ["a plain line", "    reason: Alice was in Lisbon.\n", 4, "    reason: Alice was in Lisbon."],
    [
      "a line holding a JWT",
      `    reason: "${FAKE_JWT}\n`,
      6,
      "<line 6 withheld: it looks like a secret>",
    ],
    ["a blank line", "   \n", 2, undefined],
    [
      "a long line with a token past the cut",
      `    reason: ${"word ".repeat(30)}${FAKE_JWT}`,
      9,
      "<line 9 withheld: it looks like a secret>",
    ],
  ];
  describe("GIVEN a source line WHEN excerpted THEN it shows as is, cut, withheld or not", () => {
    for (const [name, line, n, shown] of excerpts) {
      it(name, () => assert.equal(sourceExcerpt(line, n), shown));
    }
  });

  it("GIVEN a line over 120 characters WHEN excerpted THEN cut to 120 with an ellipsis", () => {
    const shown = sourceExcerpt(`    reason: ${"a".repeat(200)}`, 1) ?? "";
    assert.equal([...shown].length, 120);
    assert.ok(shown.endsWith("…"));
  });

  it("PROPERTY: GIVEN any text THEN withheld exactly when looksLikeSecret finds one", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9+_=.~%-]{0,40}$/),
      fc.constantFrom(
        FAKE_JWT,
        "AKIAFAKEFAKEFAKE0000",
        `fake${"Z9".repeat(16)}`,
        "0123456789abcdef".repeat(4),
      ),
    );
    const separator = fc.constantFrom(
      " ",
      "\n",
      '"',
      "/",
      "?t=",
      ": ",
      "*",
      "\u00a0",
      "\u2028",
      "é",
      "\ud83d",
    );
    const text = fc
      .array(fc.tuple(piece, separator), { maxLength: 6 })
      .map((parts) => parts.flat().join(""));
    fc.assert(
      fc.property(text, (t) => {
        assert.equal(withholdSecrets(t) !== t, looksLikeSecret(t) !== undefined, JSON.stringify(t));
      }),
      { numRuns: 2_000 },
    );
  });
});
