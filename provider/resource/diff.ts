// Pure lifecycle decision for `diff`: which input changes update in place and which replace.
import { normalizeFeedbackValue } from "../cognito/values";
import { isUnknown } from "../shared/pulumi-wire";
import { storedRegion } from "./inputs";

/**
 * Decision table (DESIGN.md), applied per property:
 *
 * | what changed                                   | result             | call to Cognito      |
 * |------------------------------------------------|--------------------|----------------------|
 * | feedbackValue                                  | update in place    | feedback, new value  |
 * | reason or ticket only (audit notes)            | update in place    | none                 |
 * | userPoolId, username, eventId, region          | replace            | feedback for the new |
 * | feedbackToken only, or token <-> admin mode    | no change          | none                 |
 * | an input unknown at preview                    | changed (replace if an identity field) | none |
 * | nothing                                        | no change          | none                 |
 *
 * Audit notes never reach Cognito: re-sending the same verdict would be harmless but spends the
 * account's shared UserResourceUpdate quota (25/s), which a reworded reason across a large
 * overrides file would burn for nothing. `update` decides the call (see {@link needsFeedbackCall}).
 */
export const REPLACE_PROPERTIES = ["userPoolId", "username", "eventId", "region"] as const;

/** Properties whose change is applied by calling the feedback API again on the same event. */
export const UPDATE_PROPERTIES = ["feedbackValue"] as const;

/** Audit notes: kept in state and outputs only, so a change updates in place without any call. */
export const NOTE_PROPERTIES = ["reason", "ticket"] as const;

/** What `diff` tells the engine. `deleteBeforeReplace` is always false: delete is state-only. */
export interface DiffDecision {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

type Props = Record<string, unknown>;

// Old state may predate `region` in outputs; fall back to the pool id's prefix.
function regionOf(props: Props): unknown {
  return storedRegion(props) ?? (isUnknown(props.userPoolId) ? props.userPoolId : undefined);
}

function valueOf(props: Props, property: string): unknown {
  if (property === "region") return regionOf(props);
  if (property === "feedbackValue") {
    return normalizeFeedbackValue(props.feedbackValue) ?? props.feedbackValue;
  }
  return props[property];
}

function differs(olds: Props, news: Props, property: string): boolean {
  const after = valueOf(news, property);
  return isUnknown(after) || valueOf(olds, property) !== after;
}

/**
 * Compares stored outputs (`olds`) with checked inputs (`news`) by the decision table. Total: any
 * two property bags get an answer. For known values it is symmetric, so refresh's reversed call
 * (refreshed outputs against old inputs) gets the same answer.
 */
export function decideDiff(olds: Props, news: Props): DiffDecision {
  const replaces = REPLACE_PROPERTIES.filter((p) => differs(olds, news, p));
  const updates = [...UPDATE_PROPERTIES, ...NOTE_PROPERTIES].filter((p) => differs(olds, news, p));
  return {
    changes: replaces.length > 0 || updates.length > 0,
    replaces: [...replaces],
    deleteBeforeReplace: false,
  };
}

/**
 * Whether an update must call Cognito: only when the verdict differs from the one recorded in
 * `olds` (stored outputs). An update that changes only audit notes records them in state alone.
 * State without a readable verdict always gets the call: re-sending is harmless.
 */
export function needsFeedbackCall(olds: Props, news: Props): boolean {
  const recorded = normalizeFeedbackValue(olds.feedbackValue);
  return recorded === undefined || recorded !== normalizeFeedbackValue(news.feedbackValue);
}
