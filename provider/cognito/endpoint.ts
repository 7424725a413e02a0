// Pure rule for where a request may go: a feedback token must never travel in clear text.

/** True for loopback hosts: `localhost`, 127.0.0.0/8 and `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Returns why a request to `protocol//hostname` must not be sent, or undefined when it may:
 * https anywhere, plain http only to loopback.
 */
export function unsafeEndpointReason(protocol: string, hostname: string): string | undefined {
  const scheme = protocol.replace(/:$/, "").toLowerCase();
  if (scheme === "https") return undefined;
  if (scheme === "http" && isLoopbackHost(hostname)) return undefined;
  return (
    `refusing to send a Cognito request to ${scheme}://${hostname}: only https endpoints, or plain http on ` +
    `loopback (a local emulator), are allowed, so a feedback token never travels in clear text. Fix ` +
    `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL or endpoint_url in your AWS config.`
  );
}

/** Thrown before a request leaves when its endpoint is neither https nor plain http on loopback. */
export class InsecureEndpointError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "InsecureEndpointError";
  }
}
