// AuthEventFeedbackSet: one AuthEventFeedback per entry of a reviewed overrides file. Thin wiring:
// loading and validation are in ./overrides.ts, names in ./child-names.ts, token config naming in
// ./token-config.ts.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./child-names";
import { OverridesError, validateOverrides, type Override } from "./overrides";
import { loadOverridesFile } from "./overrides-file";
import { AuthEventFeedback } from "../resource/resource";
import { DEFAULT_TOKENS_CONFIG_KEY, tokenEventIds } from "./token-config";
import { FEEDBACK_SET_TYPE } from "../type-tokens";
import { eventKey } from "../resource/inputs";

/** One verdict as written in an overrides file, for {@link AuthEventFeedbackSetArgs.overrides}. */
export interface OverrideInput {
  /** The event's user pool; default {@link AuthEventFeedbackSetArgs.userPoolId}. */
  userPoolId?: string;
  username: string;
  eventId: string;
  /** `valid` or `invalid`, any letter case. */
  verdict: string;
  /** Why the verdict is right; required. */
  reason: string;
  /** Ticket reference. @default undefined */
  ticket?: string;
}

/** Arguments of an {@link AuthEventFeedbackSet}: `file` or `overrides`, not both. */
export interface AuthEventFeedbackSetArgs {
  /**
   * Path of the overrides file (YAML or JSON); a relative path is taken from the directory the
   * program runs in (the Pulumi project's).
   */
  file?: string;
  /** The overrides themselves, instead of a file; checked by the same rules. */
  overrides?: readonly OverrideInput[];
  /** With `overrides`: the pool of every entry that names none. @default undefined */
  userPoolId?: string;
  /**
   * Stack config key of the secret object that maps event ids to feedback tokens; events without a
   * token there use admin mode (IAM).
   * @default "feedbackTokens"
   */
  tokensConfigKey?: string;
  /** Config namespace of that key. @default the project name */
  configNamespace?: string;
}

/**
 * Declares one {@link AuthEventFeedback} per override, as children named from pool and event (so
 * reordering the file changes nothing). Tokens come from secret stack config, by event id; a
 * problem in the overrides fails the program, listing every problem.
 */
export class AuthEventFeedbackSet extends pulumi.ComponentResource {
  /** The declared resources, by `<userPoolId>/<eventId>`. */
  public readonly feedback: Readonly<Record<string, AuthEventFeedback>>;
  /** How many overrides the set declares. */
  public readonly count: number;
  /** How many of them send with a feedback token (no IAM). */
  public readonly tokenModeCount: number;
  /** How many of them use admin mode (IAM). */
  public readonly adminModeCount: number;

  /** Loads the overrides and declares their resources; see {@link AuthEventFeedbackSetArgs}. */
  constructor(
    name: string,
    args: AuthEventFeedbackSetArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(FEEDBACK_SET_TYPE, name, {}, opts);
    const tokensKey = args.tokensConfigKey ?? DEFAULT_TOKENS_CONFIG_KEY;
    const overrides = loadOverrides(name, args, tokensKey);

    const config = new pulumi.Config(args.configNamespace);
    // Key names decide each resource's mode at declaration time; token values are only ever read
    // through requireSecretObject, so they stay secret end to end.
    const found = tokenEventIds(config.getObject<unknown>(tokensKey), tokensKey);
    if ("problem" in found)
      throw new pulumi.RunError(`AuthEventFeedbackSet ${name}: ${found.problem}`);
    const tokens =
      found.eventIds.size > 0
        ? config.requireSecretObject<Record<string, string>>(tokensKey)
        : undefined;

    const feedback: Record<string, AuthEventFeedback> = {};
    let tokenModeCount = 0;
    for (const o of overrides) {
      const token = tokens !== undefined && found.eventIds.has(o.eventId) ? tokens : undefined;
      if (token !== undefined) tokenModeCount++;
      feedback[eventKey(o.userPoolId, o.eventId)] = new AuthEventFeedback(
        childName(name, o.userPoolId, o.eventId),
        {
          userPoolId: o.userPoolId,
          username: o.username,
          eventId: o.eventId,
          feedbackValue: o.verdict,
          feedbackToken: token?.apply((t) => t[o.eventId]),
          reason: o.reason,
          ticket: o.ticket,
        },
        { parent: this },
      );
    }

    const named = new Set(overrides.map((o) => o.eventId));
    const unused = [...found.eventIds].filter((id) => !named.has(id));
    if (unused.length > 0) {
      void pulumi.log.warn(
        `${tokensKey} holds tokens for events no override names (${unused.join(", ")}); remove them with pulumi config rm --path '${tokensKey}["<eventId>"]'.`,
        this,
      );
    }

    this.feedback = feedback;
    this.count = overrides.length;
    this.tokenModeCount = tokenModeCount;
    this.adminModeCount = overrides.length - tokenModeCount;
    this.registerOutputs({
      count: this.count,
      tokenModeCount: this.tokenModeCount,
      adminModeCount: this.adminModeCount,
    });
  }
}

// Problems become a RunError: the program stops with the problem list alone, no stack trace.
function loadOverrides(
  name: string,
  args: AuthEventFeedbackSetArgs,
  tokensKey: string,
): Override[] {
  const options = { tokensConfigKey: tokensKey };
  if ((args.file === undefined) === (args.overrides === undefined)) {
    throw new pulumi.RunError(
      `AuthEventFeedbackSet ${name}: give either file (the path of an overrides file) or overrides, not ${args.file === undefined ? "neither" : "both"}.`,
    );
  }
  try {
    if (args.file !== undefined) return loadOverridesFile(path.resolve(args.file), options);
    // A JSON round trip drops keys set to undefined, as a file would not have them.
    const doc: unknown = JSON.parse(
      JSON.stringify({ userPoolId: args.userPoolId, overrides: args.overrides }),
    );
    const result = validateOverrides(doc, options);
    if (!result.ok) throw new OverridesError(`AuthEventFeedbackSet ${name}`, result.problems);
    return result.overrides;
  } catch (err) {
    throw new pulumi.RunError((err as Error).message);
  }
}
