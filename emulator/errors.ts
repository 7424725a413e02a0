/**
 * Errors the emulator answers with, in the shape AWS JSON 1.1 clients parse:
 * `{"__type": "<Name>", "message": "..."}` with status 400, or 500 for server faults.
 */

/** Error names that are server faults (HTTP 500); every other error is a client error (HTTP 400). */
const SERVER_FAULTS: ReadonlySet<string> = new Set(["InternalErrorException"]);

/**
 * HTTP status for an error name: 500 for server faults, else 400. Real Cognito answers 400 for
 * every client error, throttling and NotAuthorized included, although the SDK model says 403/404/429.
 */
export function statusFor(type: string): number {
  return SERVER_FAULTS.has(type) ? 500 : 400;
}

/** A modeled service error; `status` defaults to {@link statusFor}(type). */
export class ServiceError extends Error {
  /** Value of `__type` on the wire, e.g. `NotAuthorizedException`. */
  readonly type: string;
  /** HTTP status code of the response. */
  readonly status: number;

  constructor(type: string, message: string, status: number = statusFor(type)) {
    super(message);
    this.name = "ServiceError";
    this.type = type;
    this.status = status;
  }

  /** The JSON body AWS JSON 1.1 clients expect. */
  toBody(): { __type: string; message: string } {
    return { __type: this.type, message: this.message };
  }
}
