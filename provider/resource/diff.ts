// Pure lifecycle decision for `diff`: which input changes update in place and which replace.
// Each property's lifecycle comes from the property table (./properties.ts); applied per property:
//
// | what changed                                  | lifecycle  | result          | call to Cognito      |
// |-----------------------------------------------|------------|-----------------|----------------------|
// | feedbackValue                                 | update     | update in place | feedback, new value  |
// | reason or ticket only (audit notes)           | note       | update in place | none                 |
// | userPoolId, username, eventId, region         | replace    | replace         | feedback for the new |
// | feedbackToken only, or token <-> admin mode   | credential | no change       | none                 |
// | an input unknown at preview                   | any        | changed (replace if `replace`) | none  |
// | nothing                                       |            | no change       | none                 |
//
// Audit notes never reach Cognito: re-sending the same verdict would be harmless but spends the
// account's shared UserResourceUpdate quota (25/s), which a reworded reason across a large
// overrides file would burn for nothing. `update` decides the call (see needsFeedbackCall).
import { normalizeFeedbackValue } from "../cognito/values";
import { isUnknown } from "../shared/pulumi-wire";
import { comparableValue, propertiesOf, VERDICT, type Property } from "./properties";

const REPLACING = propertiesOf("replace");
const UPDATING = [...propertiesOf("update"), ...propertiesOf("note")];

/** What `diff` tells the engine. `deleteBeforeReplace` is always false: delete is state-only. */
export interface DiffDecision {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

type Props = Record<string, unknown>;

// A value derived from state (region, from the pool id) is unknown while what it derives from is.
function valueOf(props: Props, p: Property): unknown {
  const value = comparableValue(props, p);
  if (value === undefined && p.fromState !== undefined && isUnknown(props.userPoolId)) {
    return props.userPoolId;
  }
  return value;
}

function differs(olds: Props, news: Props, p: Property): boolean {
  const after = valueOf(news, p);
  return isUnknown(after) || valueOf(olds, p) !== after;
}

/**
 * Compares stored outputs (`olds`) with checked inputs (`news`) by the decision table. Total: any
 * two property bags get an answer. For known values it is symmetric, so refresh's reversed call
 * (refreshed outputs against old inputs) gets the same answer.
 */
export function decideDiff(olds: Props, news: Props): DiffDecision {
  const replaces = REPLACING.filter((p) => differs(olds, news, p)).map((p) => p.name);
  const changes = replaces.length > 0 || UPDATING.some((p) => differs(olds, news, p));
  return { changes, replaces, deleteBeforeReplace: false };
}

/**
 * Whether an update must call Cognito: only when the verdict differs from the one recorded in
 * `olds` (stored outputs). An update that changes only audit notes records them in state alone.
 * State without a readable verdict always gets the call: re-sending is harmless.
 */
export function needsFeedbackCall(olds: Props, news: Props): boolean {
  const recorded = normalizeFeedbackValue(olds[VERDICT.name]);
  return recorded === undefined || recorded !== normalizeFeedbackValue(news[VERDICT.name]);
}
