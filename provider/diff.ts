// Pure lifecycle decision for `diff`: which input changes update in place and which replace.
import { isUnknown, normalizeFeedbackValue, regionOfPoolId } from "./validate";

/**
 * Decision table (DESIGN.md), applied per property:
 *
 * | what changed                                   | result             |
 * |------------------------------------------------|--------------------|
 * | feedbackValue                                  | update in place    |
 * | userPoolId, username, eventId, region          | replace            |
 * | feedbackToken only, or token <-> admin mode    | no change          |
 * | an input unknown at preview                    | changed (replace if an identity field) |
 * | nothing                                        | no change          |
 */
export const REPLACE_PROPERTIES = ["userPoolId", "username", "eventId", "region"] as const;

/** Properties whose change is applied by calling the feedback API again on the same event. */
export const UPDATE_PROPERTIES = ["feedbackValue"] as const;

/** What `diff` tells the engine. `deleteBeforeReplace` is always false: delete is state-only. */
export interface DiffDecision {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

type Props = Record<string, unknown>;

// Old state may predate `region` in outputs; fall back to the pool id's prefix.
function regionOf(props: Props): unknown {
  return (
    props.region ??
    regionOfPoolId(props.userPoolId) ??
    (isUnknown(props.userPoolId) ? props.userPoolId : undefined)
  );
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
  const updates = UPDATE_PROPERTIES.filter((p) => differs(olds, news, p));
  return {
    changes: replaces.length > 0 || updates.length > 0,
    replaces: [...replaces],
    deleteBeforeReplace: false,
  };
}
