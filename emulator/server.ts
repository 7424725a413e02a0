/**
 * The HTTP side: an AWS JSON 1.1 endpoint on node:http. Routes `POST /` on `X-Amz-Target`,
 * applies simulated drops and latency, authenticates SigV4 operations, applies quotas (per region
 * and category) and simulated then injected faults, runs the operation and writes
 * the response in the form the AWS SDK parses. Records and logs metadata only, never bodies.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { ServiceError } from "./errors";
import {
  COGNITO_OPERATIONS,
  IMPLEMENTED_OPERATIONS,
  TARGET_PREFIX,
  isImplementedOperation,
  requiresSignature,
  type OperationName,
} from "./model";
import { regionOfValidPoolId, runOperation } from "./operations";
import { authenticate, type Caller, type SignableRequest } from "./sigv4";
import type { EmulatorStore, RequestOutcome } from "./store";

/** Content type of every response. */
export const CONTENT_TYPE = "application/x-amz-json-1.1";

/** Largest request body accepted; NextToken (max 131072 chars) fits many times over. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Receives one line per request: method, operation, status, error type, duration. */
export type RequestLogger = (line: string) => void;

interface ReadBody {
  body: Buffer;
  tooLarge: boolean;
}

function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining past the limit so the client gets an answer instead of a reset.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }));
    req.on("error", reject);
  });
}

type ParsedBody = { ok: true; input: Record<string, unknown> } | { ok: false; error: ServiceError };

function parseJsonObject(body: Buffer): ParsedBody {
  const text = body.toString("utf8");
  // The SDK sends `{}` for an empty input; an empty body is read the same way.
  if (text.trim() === "") return { ok: true, input: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: new ServiceError("SerializationException", "The request body is not valid JSON."),
    };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      ok: false,
      error: new ServiceError(
        "SerializationException",
        "The request body must be a JSON object (AWS JSON 1.1).",
      ),
    };
  }
  return { ok: true, input: value as Record<string, unknown> };
}

/** The implemented operation a request targets, or the error to answer a request we cannot route. */
function route(req: IncomingMessage, pathname: string): OperationName {
  if (req.method !== "POST" || pathname !== "/") {
    throw new ServiceError(
      "UnknownOperationException",
      `No route for ${req.method ?? "?"} ${pathname}: the emulator answers POST / (AWS JSON 1.1) only.`,
      404,
    );
  }
  const target = req.headers["x-amz-target"];
  const name =
    typeof target === "string" && target.startsWith(TARGET_PREFIX)
      ? target.slice(TARGET_PREFIX.length)
      : undefined;
  if (name !== undefined && isImplementedOperation(name)) return name;
  if (name !== undefined && COGNITO_OPERATIONS.has(name)) {
    throw new ServiceError(
      "UnknownOperationException",
      `The Cognito emulator does not implement ${name}; it implements ${IMPLEMENTED_OPERATIONS.join(", ")}.`,
    );
  }
  throw new ServiceError(
    "UnknownOperationException",
    `Unknown operation: X-Amz-Target must be ${TARGET_PREFIX}<Operation>.`,
  );
}

function outcomeOf(status: number, errorType: string | undefined): RequestOutcome {
  if (status === 200) return "succeeded";
  if (errorType === "TooManyRequestsException") return "throttled";
  if (errorType === "InternalErrorException") return "internalErrors";
  return "otherErrors";
}

function operationLabel(req: IncomingMessage): string | undefined {
  const target = req.headers["x-amz-target"];
  if (typeof target !== "string") return undefined;
  return target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
}

async function answer(
  store: EmulatorStore,
  req: IncomingMessage,
  url: URL,
  read: ReadBody,
): Promise<Record<string, unknown>> {
  const operation = route(req, url.pathname);
  if (read.tooLarge) {
    throw new ServiceError(
      "RequestEntityTooLargeException",
      `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
      413,
    );
  }
  const parsed = parseJsonObject(read.body);
  // Only a well-formed pool id names a region: a malformed one is input validation's to answer.
  const poolRegion = parsed.ok ? regionOfValidPoolId(parsed.input.UserPoolId) : undefined;
  let caller: Caller | undefined;
  // Only SigV4 operations authenticate; a header on UpdateAuthEventFeedback is ignored, as AWS does.
  if (requiresSignature(operation)) {
    const signable: SignableRequest = {
      method: req.method ?? "POST",
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      headers: req.headers,
      body: read.body,
    };
    caller = await authenticate(signable, store.credentials, poolRegion);
  }
  // Quotas count per account and region, so they apply to authenticated callers only: an unknown
  // key is refused as such, never throttled. The region is the one the call is signed for (the
  // endpoint's, in AWS); unsigned calls go by the pool id.
  const region = caller?.region ?? poolRegion ?? "";
  const verdict = store.faultPlan.admit(operation, Date.now(), region, (category) =>
    store.provisionedLimit(region, category),
  );
  if (verdict === "throttled") throw new ServiceError("TooManyRequestsException", "Rate exceeded");
  if (verdict === "internalError") {
    throw new ServiceError("InternalErrorException", "Internal error (simulated by the emulator).");
  }
  const fault = store.takeFault(operation);
  if (fault !== undefined) throw fault;
  if (!parsed.ok) throw parsed.error;
  return runOperation(store, operation, parsed.input, {
    credential: caller?.credential,
    region: caller?.region,
    now: new Date(),
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  errorType?: string,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": requestId,
    ...(errorType === undefined ? {} : { "x-amzn-ErrorType": errorType }),
  });
  res.end(text);
}

/** A node:http request listener serving the emulator API from `store`. */
export function createRequestListener(
  store: EmulatorStore,
  log?: RequestLogger,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(store, req, res, log);
  };
}

async function handle(
  store: EmulatorStore,
  req: IncomingMessage,
  res: ServerResponse,
  log: RequestLogger | undefined,
): Promise<void> {
  const started = performance.now();
  const requestId = randomUUID();
  let status = 200;
  let errorType: string | undefined;
  const operation = operationLabel(req);
  const counted =
    operation !== undefined && isImplementedOperation(operation) ? operation : undefined;
  try {
    const read = await readBody(req);
    if (counted !== undefined) {
      const arrival = store.faultPlan.arrive();
      if (arrival.drop) {
        // No answer at all: the client sees a reset connection (ECONNRESET, "socket hang up").
        req.socket.destroy();
        store.countRequest(counted, "dropped");
        store.requests.push({
          requestId,
          operation: counted,
          signed: req.headers.authorization !== undefined,
          status: 0,
          dropped: true,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
        });
        log?.(`${req.method ?? "?"} ${operation ?? "-"} dropped`);
        return;
      }
      if (arrival.delayMs > 0) await new Promise((r) => setTimeout(r, arrival.delayMs));
    }
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const output = await answer(store, req, url, read);
    send(res, status, output, requestId);
  } catch (err) {
    const error =
      err instanceof ServiceError
        ? err
        : // A bug in the emulator: still answer in a form the SDK understands.
          new ServiceError(
            "InternalErrorException",
            `The emulator failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`,
          );
    status = error.status;
    errorType = error.type;
    if (!res.headersSent) send(res, status, error.toBody(), requestId, errorType);
  }
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  if (counted !== undefined) store.countRequest(counted, outcomeOf(status, errorType));
  store.requests.push({
    requestId,
    ...(operation === undefined ? {} : { operation }),
    signed: req.headers.authorization !== undefined,
    status,
    ...(errorType === undefined ? {} : { errorType }),
    durationMs,
  });
  log?.(
    `${req.method ?? "?"} ${operation ?? "-"} ${status}${errorType === undefined ? "" : ` ${errorType}`} ${durationMs}ms`,
  );
}

/** A node:http server (not yet listening) serving the emulator API from `store`. */
export function createEmulatorServer(store: EmulatorStore, log?: RequestLogger): Server {
  return createServer(createRequestListener(store, log));
}
