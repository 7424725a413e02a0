// Pure naming of the resources an AuthEventFeedbackSet declares. A name comes from the event's
// identity alone (pool and event id, never the username: Cognito treats it as sensitive), so
// reordering or reformatting the overrides file changes no name and therefore nothing in the plan.
import { createHash } from "node:crypto";
import { eventKey } from "../resource/inputs";

// Characters kept as they are; Pulumi names allow more, but these read well in URNs and on every
// backend. Pool ids and event ids are almost always made of them already.
const UNSAFE = /[^A-Za-z0-9_.-]/g;

/**
 * Logical name of the feedback resource for one event: `<setName>-<userPoolId>-<eventId>`. When a
 * character had to be replaced (e.g. `+` in an event id), a short hash of the original pool and
 * event is appended, so two events never share a name.
 */
export function childName(setName: string, userPoolId: string, eventId: string): string {
  const raw = `${userPoolId}-${eventId}`;
  const safe = raw.replace(UNSAFE, "_");
  if (safe === raw) return `${setName}-${raw}`;
  const hash = createHash("sha256").update(eventKey(userPoolId, eventId)).digest("hex").slice(0, 8);
  return `${setName}-${safe}-${hash}`;
}
