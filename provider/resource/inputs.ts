// Pure validation behind `check`: the Cognito API's own constraints, checked before anything is sent.
// No I/O, no SDK: the same rules serve the provider, the overrides file and the events command.
import { normalizeFeedbackValue, regionOfPoolId } from "../cognito/values";
import { isUnknown } from "../shared/pulumi-wire";
import { looksLikeSecret } from "../shared/secret-like";
import { NEVER_ECHOED, PROPERTIES, type Property } from "./properties";
import type { AuthEventFeedbackInputs } from "./types";

export { INPUT_PROPERTIES, NEVER_ECHOED, storedRegion } from "./properties";

/** One failed input: the property's name and what to do about it. */
export interface InputProblem {
  property: string;
  reason: string;
}

/** Result of {@link checkInputs}: normalized inputs (unknowns passed through) and every problem found. */
export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: InputProblem[];
}

/**
 * One event's key, `<userPoolId>/<eventId>`: the resource id, and how an event is told apart from
 * another (the username is left out, as Cognito treats it as sensitive).
 */
export function eventKey(userPoolId: unknown, eventId: unknown): string {
  return `${String(userPoolId)}/${String(eventId)}`;
}

/** Options of {@link checkInputs}. */
export interface CheckOptions {
  /**
   * Optional inputs to require too, e.g. `["reason"]` for the overrides file.
   * @default none
   */
  require?: readonly string[];
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function checkField(p: Property, required: boolean, value: unknown): string | undefined {
  if (value === undefined || value === null) return required ? p.missing : undefined;
  if (typeof value !== "string") {
    return `${p.name} must be a string, but it is ${describeType(value)}.`;
  }
  if (value === "") {
    return p.empty ?? (required ? p.missing : `${p.name} is empty: set it or leave it out.`);
  }
  return p.rule(value);
}

/**
 * Validates resource inputs against Cognito's constraints (and the audit notes `reason` and
 * `ticket` against theirs). Unknown values pass through untouched;
 * known values come back normalized (`feedbackValue` capitalised, `region` derived from the pool id
 * when absent). Properties other than the resource's own are dropped. Deterministic.
 */
export function checkInputs(
  news: Record<string, unknown>,
  options: CheckOptions = {},
): CheckOutcome {
  const inputs: Record<string, unknown> = {};
  const failures: InputProblem[] = [];
  const alsoRequired = options.require ?? [];

  for (const p of PROPERTIES) {
    const value = news[p.name];
    if (isUnknown(value)) {
      inputs[p.name] = value;
      continue;
    }
    const mustHave = p.required || (p.missing !== undefined && alsoRequired.includes(p.name));
    const reason = checkField(p, mustHave, value);
    if (reason !== undefined) failures.push({ property: p.name, reason });
    if (value !== undefined && value !== null) inputs[p.name] = value;
  }

  const feedback = normalizeFeedbackValue(inputs.feedbackValue);
  if (feedback !== undefined) inputs.feedbackValue = feedback;

  const poolRegion = regionOfPoolId(inputs.userPoolId);
  const region = inputs.region;
  if (poolRegion !== undefined) {
    if (region === undefined) {
      inputs.region = poolRegion;
    } else if (typeof region === "string" && !isUnknown(region) && region !== poolRegion) {
      if (!failures.some((f) => f.property === "region")) {
        failures.push({
          property: "region",
          reason: `region ${JSON.stringify(region)} does not match userPoolId ${JSON.stringify(inputs.userPoolId)}, whose region is "${poolRegion}": set region to "${poolRegion}" or leave it out.`,
        });
      }
    }
  }
  return { inputs, failures };
}

/**
 * The failures as `check` hands them to the engine. The engine prints a failing property's raw
 * value (`property p value {…} has a problem`), in clear even for secrets unless the value is
 * byte-equal to secret stack config; a failure without a property prints only its reason. So the
 * failures of {@link NEVER_ECHOED} inputs, and of
 * any input whose value looks like a credential, lose their `property`, so the CLI prints
 * `resource 'x' has a problem: <reason>` and no value. Every reason names its property already.
 */
export function failuresForEngine(
  failures: readonly InputProblem[],
  news: Record<string, unknown>,
): { property: string; reason: string }[] {
  return failures.map(({ property, reason }) => {
    const value = news[property];
    const risky =
      NEVER_ECHOED.includes(property) ||
      (typeof value === "string" && looksLikeSecret(value) !== undefined) ||
      (value !== undefined && typeof value !== "string");
    return { property: risky ? "" : property, reason };
  });
}

/** Thrown by {@link parseInputs} when inputs fail {@link checkInputs}. */
export class InvalidInputsError extends Error {
  /** Every problem found. */
  readonly failures: InputProblem[];
  constructor(failures: InputProblem[]) {
    // Each reason starts with its property's name, so the reasons alone read well.
    super(`invalid AuthEventFeedback inputs: ${failures.map((f) => f.reason).join(" ")}`);
    this.name = "InvalidInputsError";
    this.failures = failures;
  }
}

/**
 * Validates fully known inputs (create, update) and returns them typed and normalized; throws
 * {@link InvalidInputsError} listing every problem, including a value still unknown.
 */
export function parseInputs(raw: Record<string, unknown>): AuthEventFeedbackInputs {
  const { inputs, failures } = checkInputs(raw);
  for (const { name } of PROPERTIES) {
    if (isUnknown(inputs[name]))
      failures.push({ property: name, reason: `${name} is not known yet.` });
  }
  if (failures.length > 0) throw new InvalidInputsError(failures);
  return inputs as unknown as AuthEventFeedbackInputs;
}
