// ListUsers' search as pure functions: the Filter grammar and the opaque pagination token. The
// wire behaviour (order, paging, errors through the SDK) is in tests/contract/list-users.spec.ts.
import assert from "node:assert/strict";
import fc from "fast-check";
import { ServiceError, SEARCHABLE_ATTRIBUTES, parseUserFilter } from "../../../emulator";
import { pageToken, readPageToken } from "../../../emulator/user-search";

/** A filter value written the way Cognito wants it: quotes and backslashes escaped. */
const quoted = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

describe("ListUsers search (pure)", () => {
  describe("GIVEN a Filter in one of its written forms THEN it parses", () => {
    const table: [filter: string, attribute: string, operator: string, value: string][] = [
      ['email = "a@example.com"', "email", "=", "a@example.com"],
      ['email="a@example.com"', "email", "=", "a@example.com"],
      ['  given_name   ^=   "Jo"  ', "given_name", "^=", "Jo"],
      ['"family_name" = "Reddy"', "family_name", "=", "Reddy"],
      ['cognito:user_status = "CONFIRMED"', "cognito:user_status", "=", "CONFIRMED"],
      ['name = "say \\"hi\\" \\\\ bye"', "name", "=", 'say "hi" \\ bye'],
      ['phone_number ^= ""', "phone_number", "^=", ""],
    ];
    for (const [filter, attribute, operator, value] of table) {
      it(JSON.stringify(filter), () => {
        assert.deepEqual(parseUserFilter(filter), { attribute, operator, value });
      });
    }
  });

  it("GIVEN an empty or blank Filter THEN it means every user", () => {
    assert.equal(parseUserFilter(""), undefined);
    assert.equal(parseUserFilter("   "), undefined);
  });

  describe("GIVEN a Filter Cognito cannot use THEN InvalidParameterException", () => {
    const table = [
      'custom:team = "blue"',
      'Email = "a@example.com"',
      'email == "a"',
      'email = "a',
      "email = 'a'",
      '"email = "a"',
    ];
    for (const filter of table) {
      it(JSON.stringify(filter), () => {
        assert.throws(
          () => parseUserFilter(filter),
          (err: unknown) =>
            err instanceof ServiceError &&
            err.type === "InvalidParameterException" &&
            err.message === "Error while parsing filter.",
        );
      });
    }
  });

  it("GIVEN any value, escaped and quoted THEN the filter parses back to it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEARCHABLE_ATTRIBUTES), fc.string(), (attribute, value) => {
        assert.deepEqual(parseUserFilter(`${attribute} ^= ${quoted(value)}`), {
          attribute,
          operator: "^=",
          value,
        });
      }),
    );
  });

  describe("GIVEN a pagination token", () => {
    const filter = { attribute: "email", operator: "^=", value: "a" } as const;

    it("WHEN read back by the same listing THEN it names the same position", () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (key, username) => {
          const token = pageToken("us-east-1_P1", filter, { key, username });
          assert.match(token, /^\S+$/);
          assert.deepEqual(readPageToken("us-east-1_P1", filter, token), { key, username });
        }),
      );
    });

    const misuse: [given: string, read: (token: string) => unknown][] = [
      [
        "WHEN read by another pool THEN it is refused",
        (t) => readPageToken("us-east-1_P2", filter, t),
      ],
      [
        "WHEN read without the filter THEN it is refused",
        (t) => readPageToken("us-east-1_P1", undefined, t),
      ],
      ["WHEN altered THEN it is refused", (t) => readPageToken("us-east-1_P1", filter, `${t}!`)],
    ];
    for (const [given, read] of misuse) {
      it(given, () => {
        const token = pageToken("us-east-1_P1", filter, { key: "a@x", username: "a" });
        assert.throws(() => read(token), { message: "Invalid pagination token." });
      });
    }
  });
});
