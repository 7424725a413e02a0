// Pure: the few values of Pulumi's wire format this package reads or writes, in one place.
// They equal @pulumi/pulumi's own (`runtime/rpc`: unknownValue, specialSigKey, specialSecretSig;
// a unit test holds them equal), but are not imported from it: loading the SDK costs the CLI
// about 0.35 s, and `check` and `review` never need the rest of it.

/** The value Pulumi puts in place of an input that is not known yet (preview only). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The key that marks a secret value in Pulumi's serialized state and preview JSON. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

/** The value {@link SECRET_SIG_KEY} has on a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** True when `value` is Pulumi's not-yet-known sentinel. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when `value` is a secret in Pulumi's serialized form (`{ <sig>: <secret sig>, value }`). */
export function isSecretValue(value: unknown): value is { value?: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** The parts of a URN, `urn:pulumi:<stack>::<project>::<type>::<name>`; undefined if it is not one. */
export interface UrnParts {
  stack: string;
  project: string;
  /** The qualified type: parent types and the resource's own, joined by `$`. */
  qualifiedType: string;
  /** The resource's own type token (the last of {@link qualifiedType}). */
  type: string;
  name: string;
}

/** Splits a URN into its parts. The name may itself contain `::`. */
export function parseUrn(urn: string): UrnParts | undefined {
  const m = /^urn:pulumi:([^:]*)::([^:]*)::(.*?)::(.*)$/s.exec(urn);
  if (m === null) return undefined;
  const [, stack, project, qualifiedType, name] = m;
  const types = qualifiedType.split("$");
  return { stack, project, qualifiedType, type: types[types.length - 1], name };
}
