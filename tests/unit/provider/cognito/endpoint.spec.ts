// The endpoint guard: https anywhere, plain http only on loopback.
import assert from "node:assert/strict";
import { isLoopbackHost, unsafeEndpointReason } from "../../../../provider/cognito/endpoint";

describe("endpoint safety: a feedback token never travels in clear text", () => {
  const allowed: [string, string][] = [
    ["https:", "cognito-idp.us-east-1.amazonaws.com"],
    ["https:", "cognito.example.internal"],
    ["http:", "127.0.0.1"],
    ["http:", "127.8.9.10"],
    ["http:", "localhost"],
    ["http:", "emulator.localhost"],
    ["http:", "[::1]"],
    ["http:", "::1"],
  ];
  for (const [protocol, host] of allowed) {
    it(`GIVEN ${protocol}//${host} THEN the request may go`, () => {
      assert.equal(unsafeEndpointReason(protocol, host), undefined);
    });
  }

  const refused: [string, string][] = [
    ["http:", "10.0.0.5"],
    ["http:", "cognito-idp.us-east-1.amazonaws.com"],
    ["http:", "127.0.0.1.example.com"],
    ["http:", "localhost.example.com"],
    ["ftp:", "localhost"],
  ];
  for (const [protocol, host] of refused) {
    it(`GIVEN ${protocol}//${host} THEN it is refused with a fix`, () => {
      assert.equal(
        unsafeEndpointReason(protocol, host),
        `refusing to send a Cognito request to ${protocol.replace(":", "")}://${host}: only https endpoints, or plain http on loopback (a local emulator), are allowed, so a feedback token never travels in clear text. Fix AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL or endpoint_url in your AWS config.`,
      );
    });
  }

  it("isLoopbackHost rejects look-alikes", () => {
    assert.equal(isLoopbackHost("127.0.0.1"), true);
    assert.equal(isLoopbackHost("128.0.0.1"), false);
    assert.equal(isLoopbackHost("1270.0.0.1"), false);
  });
});
