/**
 * Server-side input validation with the model's constraints, answering in AWS's own
 * `N validation error(s) detected: ...` format. Pure: no I/O, no store.
 */
import { ServiceError } from "./errors";
import { OPERATION_INPUTS, type InputMember, type OperationName, type ScalarShape } from "./model";

const compiled = new Map<string, RegExp>();

/**
 * The model's pattern as a whole-value regex. The model does not anchor its patterns, but the
 * service applies them to the entire value (a pool id with a leading space is rejected).
 */
function wholeValueRegex(pattern: string, flags = ""): RegExp {
  const key = `${flags}/${pattern}`;
  let re = compiled.get(key);
  if (re === undefined) {
    re = new RegExp(`^(?:${pattern})$`, flags);
    compiled.set(key, re);
  }
  return re;
}

/** Member name as the service prints it in validation messages: `UserPoolId` -> `userPoolId`. */
export function wireMemberLabel(member: string): string {
  return member.charAt(0).toLowerCase() + member.slice(1);
}

function valuePart(shape: ScalarShape, value: string | number | undefined): string {
  if (value === undefined) return "Value null";
  // Sensitive members (username, feedback token) are left out, as the real service does.
  if (shape.kind === "string" && shape.sensitive === true) return "Value";
  return `Value '${value}'`;
}

/** Constraint texts (`Member must ...`) that `value` violates; empty when it satisfies the shape. */
export function shapeViolations(shape: ScalarShape, value: string | number): string[] {
  const out: string[] = [];
  if (shape.kind === "integer") {
    const n = value as number;
    if (n < shape.min) out.push(`Member must have value greater than or equal to ${shape.min}`);
    if (n > shape.max) out.push(`Member must have value less than or equal to ${shape.max}`);
    return out;
  }
  const s = value as string;
  if (shape.enumValues !== undefined && !shape.enumValues.includes(s)) {
    out.push(`Member must satisfy enum value set: [${shape.enumValues.join(", ")}]`);
  }
  if (shape.min !== undefined && s.length < shape.min) {
    out.push(`Member must have length greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && s.length > shape.max) {
    out.push(`Member must have length less than or equal to ${shape.max}`);
  }
  if (shape.pattern !== undefined && !wholeValueRegex(shape.pattern, shape.flags).test(s)) {
    out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  }
  return out;
}

/**
 * A JSON type that cannot be read into the member at all. The real service answers these with
 * `SerializationException` before any constraint is checked.
 */
function typeProblem(member: InputMember, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const label = wireMemberLabel(member.name);
  const got = Array.isArray(value) ? "array" : typeof value;
  if (member.shape.kind === "list") {
    return Array.isArray(value) && value.every((item) => typeof item === "string")
      ? undefined
      : `Cannot read member '${label}': expected a list of strings, got ${got === "array" ? "a list with other items" : got}.`;
  }
  if (member.shape.kind === "integer") {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      return `Cannot read member '${label}': expected an integer, got ${got === "number" ? "a fractional number" : got}.`;
    }
    return undefined;
  }
  return typeof value === "string"
    ? undefined
    : `Cannot read member '${label}': expected a string, got ${got}.`;
}

/** `Value 'x' at 'label' failed to satisfy constraint: Member must ...` for each violation. */
function valueViolations(shape: ScalarShape, label: string, value: string | number): string[] {
  const prefix = `${valuePart(shape, value)} at '${label}' failed to satisfy constraint: `;
  return shapeViolations(shape, value).map((v) => prefix + v);
}

/**
 * Every constraint violation of `input` for `operation`, each formatted as
 * `Value 'x' at 'member' failed to satisfy constraint: Member must ...`, in model member order.
 * A list item is named `member.N.member` (N from 1), as other AWS JSON services name list items
 * (not confirmed for Cognito).
 * JSON `null` counts as absent. Members the operation does not model are ignored, as the
 * real JSON 1.1 service does.
 * @throws ServiceError SerializationException when a member has the wrong JSON type.
 */
export function inputViolations(
  operation: OperationName,
  input: Record<string, unknown>,
): string[] {
  const out: string[] = [];
  for (const member of OPERATION_INPUTS[operation]) {
    const raw = input[member.name];
    const value = raw === null ? undefined : raw;
    const problem = typeProblem(member, value);
    if (problem !== undefined) throw new ServiceError("SerializationException", problem);
    const label = wireMemberLabel(member.name);
    if (value === undefined) {
      if (member.required) {
        out.push(`Value null at '${label}' failed to satisfy constraint: Member must not be null`);
      }
      continue;
    }
    const { shape } = member;
    // typeProblem has ruled out every other JSON type.
    if (shape.kind === "list") {
      (value as string[]).forEach((item, i) => {
        out.push(...valueViolations(shape.member, `${label}.${i + 1}.member`, item));
      });
    } else {
      out.push(...valueViolations(shape, label, value as string | number));
    }
  }
  return out;
}

/**
 * Validates `input` against `operation`'s input shape.
 * @throws ServiceError InvalidParameterException listing every violation, or SerializationException.
 */
export function validateInput(operation: OperationName, input: Record<string, unknown>): void {
  rejectViolations(inputViolations(operation, input));
}

/** Throws InvalidParameterException in AWS's `N validation errors detected: ...` form, if any. */
function rejectViolations(violations: readonly string[]): void {
  if (violations.length === 0) return;
  const n = violations.length;
  throw new ServiceError(
    "InvalidParameterException",
    `${n} validation error${n === 1 ? "" : "s"} detected: ${violations.join("; ")}`,
  );
}

/** A checked `LimitDefinitionType` (GetProvisionedLimit's input). */
export interface LimitDefinition {
  LimitClass: "API_CATEGORY";
  Attributes: Record<string, string>;
}

const LIMIT_CLASSES = ["API_CATEGORY"];

function describeJsonType(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates GetProvisionedLimit's input: `LimitDefinition` is required, with the enum
 * `LimitClass` (`API_CATEGORY`) and the string map `Attributes` (both required), and returns it.
 * @throws ServiceError SerializationException for a wrong JSON type, InvalidParameterException
 *   listing every missing or invalid member.
 */
export function validateLimitDefinition(input: Record<string, unknown>): LimitDefinition {
  const problem = (member: string, expected: string, value: unknown) =>
    new ServiceError(
      "SerializationException",
      `Cannot read member '${member}': expected ${expected}, got ${describeJsonType(value)}.`,
    );
  const raw = input.LimitDefinition ?? undefined;
  const violations: string[] = [];
  const missing = (member: string) =>
    `Value null at '${member}' failed to satisfy constraint: Member must not be null`;
  if (raw === undefined) violations.push(missing("limitDefinition"));
  else if (!isJsonObject(raw)) throw problem("limitDefinition", "a structure", raw);
  else {
    const limitClass = raw.LimitClass ?? undefined;
    const attributes = raw.Attributes ?? undefined;
    if (limitClass !== undefined && typeof limitClass !== "string") {
      throw problem("limitDefinition.limitClass", "a string", limitClass);
    }
    if (
      attributes !== undefined &&
      !(isJsonObject(attributes) && Object.values(attributes).every((v) => typeof v === "string"))
    ) {
      throw problem("limitDefinition.attributes", "a map of strings", attributes);
    }
    if (limitClass === undefined) violations.push(missing("limitDefinition.limitClass"));
    else if (!LIMIT_CLASSES.includes(limitClass)) {
      violations.push(
        `Value '${limitClass}' at 'limitDefinition.limitClass' failed to satisfy constraint: Member must satisfy enum value set: [${LIMIT_CLASSES.join(", ")}]`,
      );
    }
    if (attributes === undefined) violations.push(missing("limitDefinition.attributes"));
  }
  rejectViolations(violations);
  return raw as unknown as LimitDefinition;
}
