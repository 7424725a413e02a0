// The harness's wire-form rules: secrets re-marked as the engine does, values revealed for a
// provider that does not accept secrets, and the keys a plan shows as changed.
import assert from "node:assert/strict";
import {
  annotateSecrets,
  blind,
  changedKeys,
  reveal,
  secret,
  UNKNOWN,
} from "../../harness/properties";
import { engineUrn } from "../../harness/program";

describe("harness wire form", () => {
  describe("annotateSecrets (the engine's rule for a provider's outputs)", () => {
    const cases: {
      name: string;
      outs: Record<string, unknown>;
      ins: Record<string, unknown>;
      want: Record<string, unknown>;
    }[] = [
      {
        name: "a same-named output of a secret input becomes secret",
        outs: { token: "t" },
        ins: { token: secret("t") },
        want: { token: secret("t") },
      },
      {
        name: "a differently named output stays plain",
        outs: { derived: "t" },
        ins: { token: secret("t") },
        want: { derived: "t" },
      },
      {
        name: "an output of a plain input stays plain",
        outs: { value: "v" },
        ins: { value: "v" },
        want: { value: "v" },
      },
      {
        name: "objects are compared key by key",
        outs: { o: { a: 1, b: 2 } },
        ins: { o: { a: secret(1), b: 2 } },
        want: { o: { a: secret(1), b: 2 } },
      },
      {
        name: "an input holding a secret anywhere makes a non-object output secret",
        outs: { list: [1, 2] },
        ins: { list: [secret(1), 2] },
        want: { list: secret([1, 2]) },
      },
      {
        name: "an output already secret stays as it is",
        outs: { s: secret("x") },
        ins: {},
        want: { s: secret("x") },
      },
    ];
    for (const c of cases) {
      it(`GIVEN ${c.name} THEN the result is as the engine's`, () => {
        assert.deepEqual(annotateSecrets(c.outs, c.ins), c.want);
      });
    }
  });

  it("GIVEN nested secrets and undefined values WHEN revealed THEN plain values remain and undefined is dropped", () => {
    assert.deepEqual(reveal({ a: secret({ b: secret("c") }), d: undefined, e: [secret(1)] }), {
      a: { b: "c" },
      e: [1],
    });
  });

  it("GIVEN secrets WHEN blinded THEN each shows as [secret]", () => {
    assert.deepEqual(blind({ token: secret("t"), list: [secret(1), 2] }), {
      token: "[secret]",
      list: ["[secret]", 2],
    });
  });

  it("GIVEN old and new inputs THEN changed keys are sorted, compare secrets by value, and hide __ keys", () => {
    assert.deepEqual(
      changedKeys(
        { __provider: "a", b: 1, token: secret("t"), same: "x", gone: 1 },
        { __provider: "b", b: 2, token: secret("t"), same: "x", added: UNKNOWN },
      ),
      ["added", "b", "gone"],
    );
  });

  describe("engineUrn", () => {
    const cases = [
      {
        parent: "",
        type: "pulumi:pulumi:Stack",
        name: "p-dev",
        want: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
      },
      {
        parent: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
        type: "t:m:R",
        name: "r",
        want: "urn:pulumi:dev::p::t:m:R::r",
      },
      {
        parent: "urn:pulumi:dev::p::c:m:Comp::c",
        type: "t:m:R",
        name: "r",
        want: "urn:pulumi:dev::p::c:m:Comp$t:m:R::r",
      },
      {
        parent: "urn:pulumi:dev::p::a:m:A$c:m:Comp::c",
        type: "t:m:R",
        name: "r",
        want: "urn:pulumi:dev::p::a:m:A$c:m:Comp$t:m:R::r",
      },
    ];
    for (const c of cases) {
      it(`GIVEN parent ${c.parent || "(none)"} THEN ${c.want}`, () => {
        assert.equal(engineUrn("dev", "p", c.parent, c.type, c.name), c.want);
      });
    }
  });
});
