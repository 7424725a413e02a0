import assert from "node:assert/strict";
import fc from "fast-check";
import { looksLikeSecret } from "../../provider/secret-like";

describe("looksLikeSecret: credentials pasted into free text are caught, prose and ids are not", () => {
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
  ];
  for (const [name, text, what] of flagged) {
    it(`GIVEN ${name} THEN it is reported as ${what}`, () => {
      assert.equal(looksLikeSecret(text), what);
    });
  }

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

  it("GIVEN any UUID or hyphenated words WHEN checked THEN nothing is reported (property)", () => {
    const words = fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.uuid(), words, (uuid, parts) => {
        assert.equal(looksLikeSecret(`${uuid} ${parts.join("-")}`), undefined);
      }),
    );
  });

  it("GIVEN a random base64url run of 32+ characters with letters and digits THEN it is reported, and never echoed (property)", () => {
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
