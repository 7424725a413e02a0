/**
 * SigV4 authentication of a request: parse the `Authorization` header, check the credential
 * scope, and, when the seed lists credentials, check the access key and recompute the signature
 * with the same signer the AWS SDK uses. Works on plain request parts; no sockets.
 */
import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { ServiceError } from "./errors";
import type { SeedCredential } from "./seed";

/** Signing name of Cognito user pools. */
export const SIGNING_SERVICE = "cognito-idp";

const ALGORITHM = "AWS4-HMAC-SHA256";

/** The parts of an HTTP request that a signature covers. */
export interface SignableRequest {
  method: string;
  /** Path without the query, percent-encoded as received. */
  path: string;
  /** Query string without `?`; empty when none. */
  query: string;
  /** Header names lower-case, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A syntactically valid `Authorization: AWS4-HMAC-SHA256 ...` header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  /** `yyyymmdd` from the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  /** Lower-case header names, in the order given. */
  signedHeaders: string[];
  signature: string;
}

/** Who sent an authenticated request. */
export interface Caller {
  accessKeyId: string;
  /** The region of the credential scope: the region the request is for. */
  region: string;
  /** The matching seeded credential; undefined when the seed lists none (any key accepted). */
  credential?: SeedCredential;
}

function header(req: SignableRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * Parses an `Authorization` header value.
 * @throws ServiceError IncompleteSignatureException naming what is missing or malformed.
 */
export function parseAuthorization(value: string): ParsedAuthorization {
  const space = value.indexOf(" ");
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new ServiceError(
      "IncompleteSignatureException",
      `Unsupported AWS 'algorithm': '${algorithm}'. The emulator accepts ${ALGORITHM} only.`,
    );
  }
  const params = new Map<string, string>();
  for (const part of value.slice(space + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((k) => !params.get(k));
  if (missing.length > 0) {
    throw new ServiceError(
      "IncompleteSignatureException",
      missing.map((k) => `Authorization header requires '${k}' parameter.`).join(" "),
    );
  }
  const credential = (params.get("Credential") ?? "").split("/");
  if (credential.length !== 5 || credential.some((p) => p === "")) {
    throw new ServiceError(
      "IncompleteSignatureException",
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.",
    );
  }
  const signature = params.get("Signature") ?? "";
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    throw new ServiceError(
      "IncompleteSignatureException",
      "Signature must be 64 lower-case hexadecimal characters.",
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = credential;
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    signedHeaders: (params.get("SignedHeaders") ?? "").split(";").map((h) => h.toLowerCase()),
    signature,
  };
}

/** `20260101T120000Z` -> Date, or undefined when not in ISO 8601 basic format. */
function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** SHA-256 / HMAC-SHA-256 in the interface `@smithy/signature-v4` expects, backed by node:crypto. */
class NodeSha256 {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined
      ? createHash("sha256")
      : createHmac("sha256", toBuffer(this.secret));
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(query)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const MISMATCH =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** Recomputes the signature over exactly the headers the client signed. */
async function signatureMatches(
  req: SignableRequest,
  auth: ParsedAuthorization,
  secretAccessKey: string,
  signingDate: Date,
): Promise<boolean> {
  const declaredHash = header(req, "x-amz-content-sha256");
  if (declaredHash !== undefined && declaredHash !== "UNSIGNED-PAYLOAD") {
    // The signer trusts this header, so check it against the body we actually received.
    const actual = createHash("sha256").update(req.body).digest("hex");
    if (actual !== declaredHash) return false;
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const v = header(req, name);
    if (v === undefined) return false;
    headers[name] = v;
  }
  const sessionToken = auth.signedHeaders.includes("x-amz-security-token")
    ? header(req, "x-amz-security-token")
    : undefined;
  const signer = new SignatureV4({
    service: auth.service,
    region: auth.region,
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey, sessionToken },
    sha256: NodeSha256,
    applyChecksum: false,
  });
  let path = req.path;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    // Keep the raw path; the signature will not match, which is the right answer.
  }
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: "http:",
      hostname: "",
      path,
      query: parseQuery(req.query),
      headers,
      body: req.body,
    },
    { signingDate, signableHeaders: new Set(auth.signedHeaders) },
  );
  const computed = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? "")?.[1] ?? "";
  return (
    computed.length === auth.signature.length &&
    timingSafeEqual(Buffer.from(computed), Buffer.from(auth.signature))
  );
}

/**
 * Authenticates a SigV4 request.
 * @param credentials seeded credentials; empty = accept any well-formed signature with the right scope.
 * @param expectedRegion region the credential scope must name (from the user pool id); undefined
 *   skips the region check (input validation will reject the request anyway).
 * @throws ServiceError MissingAuthenticationTokenException, IncompleteSignatureException,
 *   InvalidSignatureException or UnrecognizedClientException.
 */
export async function authenticate(
  req: SignableRequest,
  credentials: readonly SeedCredential[],
  expectedRegion: string | undefined,
): Promise<Caller> {
  const authorization = header(req, "authorization");
  if (authorization === undefined || authorization === "") {
    throw new ServiceError("MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  const auth = parseAuthorization(authorization);
  const amzDate = header(req, "x-amz-date");
  if (amzDate === undefined) {
    throw new ServiceError(
      "IncompleteSignatureException",
      "Authorization header requires existence of a 'X-Amz-Date' header.",
    );
  }
  const signingDate = parseAmzDate(amzDate);
  if (signingDate === undefined) {
    throw new ServiceError(
      "IncompleteSignatureException",
      "X-Amz-Date must be in ISO 8601 basic format, e.g. 20261101T100000Z.",
    );
  }
  if (!auth.signedHeaders.includes("host")) {
    throw new ServiceError(
      "IncompleteSignatureException",
      "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (auth.terminator !== "aws4_request") {
    throw new ServiceError(
      "InvalidSignatureException",
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`,
    );
  }
  if (auth.scopeDate !== amzDate.slice(0, 8)) {
    throw new ServiceError(
      "InvalidSignatureException",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ` +
        `'${auth.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (auth.service !== SIGNING_SERVICE) {
    throw new ServiceError(
      "InvalidSignatureException",
      `Credential should be scoped to correct service: '${SIGNING_SERVICE}'. Got '${auth.service}'.`,
    );
  }
  if (expectedRegion !== undefined && auth.region !== expectedRegion) {
    throw new ServiceError(
      "InvalidSignatureException",
      `Credential should be scoped to a valid region. Expected '${expectedRegion}' ` +
        `(the region of the user pool id), not '${auth.region}'.`,
    );
  }
  const caller = { accessKeyId: auth.accessKeyId, region: auth.region };
  if (credentials.length === 0) return caller;

  const credential = credentials.find((c) => c.accessKeyId === auth.accessKeyId);
  // AWS answers an unknown key and a session token it did not issue for the key alike.
  if (
    credential === undefined ||
    !sameSecret(credential.sessionToken, header(req, "x-amz-security-token"))
  ) {
    throw new ServiceError(
      "UnrecognizedClientException",
      "The security token included in the request is invalid.",
    );
  }
  if (!(await signatureMatches(req, auth, credential.secretAccessKey, signingDate))) {
    throw new ServiceError("InvalidSignatureException", MISMATCH);
  }
  return { ...caller, credential };
}

/** Both absent, or both present and equal (compared in constant time). */
export function sameSecret(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined || given === undefined) return expected === given;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
