// Pure helpers for property values in the engine's wire form: secrets are wrapper objects carrying
// the secret signature, a value not known yet (preview only) is the unknown sentinel string.
// No I/O: the engine, the state file and the plan printer all share these rules.

import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";

/** The key that marks a special object in Pulumi's wire form (the SDK's own constant). */
export const SIG_KEY = specialSigKey;
/** The signature value of a secret wrapper `{ [SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG = specialSecretSig;
/** The value the engine sends in place of an input not known yet (preview only). */
export const UNKNOWN = unknownValue;

/** A property map in wire form: plain JSON values, secret wrappers and the unknown sentinel. */
export type PropertyMap = Record<string, unknown>;

/** A secret value in wire form. */
export interface SecretWrapper {
  [SIG_KEY]: typeof SECRET_SIG;
  value: unknown;
}

/** True for `{ [SIG_KEY]: SECRET_SIG, value }`. */
export function isSecret(value: unknown): value is SecretWrapper {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
  );
}

/** Wraps `value` as a secret (idempotent). */
export function secret(value: unknown): SecretWrapper {
  return isSecret(value) ? value : { [SIG_KEY]: SECRET_SIG, value };
}

/** True when `value` is a secret or holds one anywhere inside it. */
export function containsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (typeof value === "object" && value !== null) {
    return Object.values(value).some(containsSecret);
  }
  return false;
}

/** True when `value` is the unknown sentinel or holds one anywhere inside it. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) {
    return Object.values(value).some(containsUnknown);
  }
  return false;
}

/**
 * Removes every secret wrapper, keeping the values, and drops `undefined` (which the protobuf
 * Struct encoder rejects). This is what a provider that does not accept secrets receives.
 */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === "object" && value !== null) {
    const out: PropertyMap = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = reveal(v);
    }
    return out;
  }
  return value;
}

/** {@link reveal} for a whole property map. */
export function revealMap(props: PropertyMap): PropertyMap {
  return reveal(props) as PropertyMap;
}

/**
 * Re-marks secrets on a provider's answer the way the engine does (`annotateSecrets`): for every
 * key present in both maps, objects are compared recursively; otherwise, if the input value holds
 * a secret, the whole output value becomes secret. Keys only in `outs` stay as they are, so an
 * output named differently from a secret input is not secret.
 */
export function annotateSecrets(outs: PropertyMap, ins: PropertyMap): PropertyMap {
  const result: PropertyMap = {};
  for (const [key, out] of Object.entries(outs)) {
    const input = ins[key];
    if (input === undefined || isSecret(out)) {
      result[key] = out;
    } else if (isPlainObject(out) && isPlainObject(input)) {
      result[key] = annotateSecrets(out, input);
    } else {
      result[key] = containsSecret(input) ? secret(out) : out;
    }
  }
  return result;
}

function isPlainObject(value: unknown): value is PropertyMap {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isSecret(value);
}

/** Marks the listed top-level keys secret (the `additionalSecretOutputs` resource option). */
export function markSecret(props: PropertyMap, keys: readonly string[]): PropertyMap {
  const result: PropertyMap = { ...props };
  for (const key of keys) {
    if (key in result) result[key] = secret(result[key]);
  }
  return result;
}

/** Deep equality of wire values, secrets compared by their content. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(reveal(a))) === JSON.stringify(canonical(reveal(b)));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as PropertyMap)[k])]),
    );
  }
  return value;
}

/**
 * Keys whose values differ between two maps, sorted, with the engine's internal keys (those
 * starting with `__`, such as `__provider`) left out, as the Pulumi CLI hides them.
 */
export function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys]
    .filter((k) => !k.startsWith("__"))
    .filter((k) => !sameValue(olds[k], news[k]))
    .sort();
}

/** Replaces every secret with the string `[secret]`, as `pulumi preview --json` shows them. */
export function blind(value: unknown): unknown {
  if (isSecret(value)) return "[secret]";
  if (Array.isArray(value)) return value.map(blind);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blind(v)]));
  }
  return value;
}
