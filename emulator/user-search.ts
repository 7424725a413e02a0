/**
 * ListUsers' search, as pure functions of a pool's users: the server-side `Filter`
 * (`attr = "value"` exact, `attr ^= "value"` starts with), the order users come back in, and
 * the opaque pagination token. No store, no I/O.
 */
import { createHash } from "node:crypto";
import { ServiceError } from "./errors";
import type { UserRecord } from "./store";

/** The attributes a `Filter` may name (Cognito: "you can only search for" these; no custom ones). */
export const SEARCHABLE_ATTRIBUTES = [
  "username",
  "email",
  "phone_number",
  "name",
  "given_name",
  "family_name",
  "preferred_username",
  "cognito:user_status",
  "status",
  "sub",
] as const;

/** An attribute a `Filter` may name. */
export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number];

/** Values compared exactly; every other searchable attribute compares case-insensitively. */
const CASE_SENSITIVE: ReadonlySet<SearchableAttribute> = new Set(["username", "status"]);

/** Cognito's answer to a filter it cannot parse. */
export const FILTER_ERROR_MESSAGE = "Error while parsing filter.";

/** Answer to a pagination token this listing never issued (as for AdminListUserAuthEvents). */
export const TOKEN_ERROR_MESSAGE = "Invalid pagination token.";

/** A parsed `Filter`: one attribute, exact (`=`) or prefix (`^=`) match. */
export interface UserFilter {
  attribute: SearchableAttribute;
  operator: "=" | "^=";
  value: string;
}

function isSearchable(name: string): name is SearchableAttribute {
  return (SEARCHABLE_ATTRIBUTES as readonly string[]).includes(name);
}

// `name op "value"`: the name may itself be quoted, spaces around the operator are optional,
// and a backslash inside the value escapes the next character (`\"`, `\\`).
const FILTER = /^("?)([A-Za-z_:]+)\1\s*(\^=|=)\s*"((?:[^"\\]|\\.)*)"$/su;

/**
 * Parses a ListUsers `Filter`; an empty (or blank) filter means every user: undefined.
 * @throws ServiceError InvalidParameterException `Error while parsing filter.` for anything else
 *   than one searchable attribute, `=` or `^=`, and a quoted value.
 */
export function parseUserFilter(text: string): UserFilter | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const m = FILTER.exec(trimmed);
  if (m === null || !isSearchable(m[2])) {
    throw new ServiceError("InvalidParameterException", FILTER_ERROR_MESSAGE);
  }
  return {
    attribute: m[2],
    operator: m[3] as UserFilter["operator"],
    value: m[4].replace(/\\(.)/gsu, "$1"),
  };
}

/** What a filter on `attribute` compares for `user`; undefined when the user has no such value. */
export function searchValue(user: UserRecord, attribute: SearchableAttribute): string | undefined {
  switch (attribute) {
    case "username":
      return user.username;
    case "sub":
      return user.sub;
    case "status":
      return user.enabled ? "Enabled" : "Disabled";
    case "cognito:user_status":
      return user.userStatus;
    default:
      return user.attributes[attribute];
  }
}

function comparable(attribute: SearchableAttribute, value: string): string {
  return CASE_SENSITIVE.has(attribute) ? value : value.toLowerCase();
}

/** Where a listing stands: the last user returned, by its sort key and username. */
interface Position {
  key: string;
  username: string;
}

function compare(a: Position, b: Position): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}

interface Entry extends Position {
  user: UserRecord;
}

// Users are only ever appended to a pool and never changed once loaded, so a pool's order per
// attribute stays valid while the number of users is the same.
const orders = new WeakMap<readonly UserRecord[], Map<SearchableAttribute, Entry[]>>();

/** `users` sorted by `attribute` (compared form; users without it first), then by username. */
function inOrder(users: readonly UserRecord[], attribute: SearchableAttribute): Entry[] {
  let byAttribute = orders.get(users);
  if (byAttribute === undefined) {
    byAttribute = new Map();
    orders.set(users, byAttribute);
  }
  const cached = byAttribute.get(attribute);
  if (cached !== undefined && cached.length === users.length) return cached;
  const sorted = users
    .map((user) => {
      const value = searchValue(user, attribute);
      return {
        key: value === undefined ? "" : comparable(attribute, value),
        username: user.username,
        user,
      };
    })
    .sort(compare);
  byAttribute.set(attribute, sorted);
  return sorted;
}

/** Index of the first entry after `after` (binary search). */
function firstAfter(sorted: readonly Entry[], after: Position): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid], after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One page of a search, and where the next page starts (undefined on the last page). */
export interface SearchPage {
  users: UserRecord[];
  next?: Position;
}

/**
 * Up to `size` users of `users` matching `filter` (all when undefined), after `after`. Order: by
 * the filtered attribute, then username (Cognito sorts a search by its attribute, ascending);
 * without a filter, by username. The order is total, so a chain of pages never repeats a user.
 */
export function searchUsers(
  users: readonly UserRecord[],
  filter: UserFilter | undefined,
  after: Position | undefined,
  size: number,
): SearchPage {
  const sorted = inOrder(users, filter?.attribute ?? "username");
  const wanted = filter === undefined ? undefined : comparable(filter.attribute, filter.value);
  // Sorted by the compared value, the matches of `=` or `^=` are one run starting at the first
  // key >= the wanted value (every username sorts after ""): seek there, stop where it ends.
  let i = after === undefined ? 0 : firstAfter(sorted, after);
  if (wanted !== undefined) i = Math.max(i, firstAfter(sorted, { key: wanted, username: "" }));
  const page: Entry[] = [];
  let more = false;
  for (; i < sorted.length; i++) {
    const entry = sorted[i];
    if (filter !== undefined && wanted !== undefined) {
      const inRun = filter.operator === "=" ? entry.key === wanted : entry.key.startsWith(wanted);
      if (!inRun) break;
      // Users without the attribute sort under "", which only an empty prefix reaches.
      if (searchValue(entry.user, filter.attribute) === undefined) continue;
    }
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(entry);
  }
  const last = page[page.length - 1];
  return {
    users: page.map((e) => e.user),
    ...(more && last !== undefined ? { next: { key: last.key, username: last.username } } : {}),
  };
}

const TOKEN_VERSION = 1;

/** Identifies one listing (pool and filter), so a token is only taken back by the same one. */
function scopeOf(userPoolId: string, filter: UserFilter | undefined): string {
  return createHash("sha256")
    .update(JSON.stringify([userPoolId, filter ?? null]))
    .digest("hex")
    .slice(0, 16);
}

/** The opaque `PaginationToken` that resumes the listing of `userPoolId` with `filter` after `next`. */
export function pageToken(
  userPoolId: string,
  filter: UserFilter | undefined,
  next: Position,
): string {
  const body = [TOKEN_VERSION, scopeOf(userPoolId, filter), next.key, next.username];
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

/**
 * Where a `PaginationToken` resumes the listing of `userPoolId` with `filter`.
 * @throws ServiceError InvalidParameterException for a token not issued for that listing.
 */
export function readPageToken(
  userPoolId: string,
  filter: UserFilter | undefined,
  token: string,
): Position {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    body = undefined;
  }
  if (
    Array.isArray(body) &&
    body.length === 4 &&
    body[0] === TOKEN_VERSION &&
    body[1] === scopeOf(userPoolId, filter) &&
    typeof body[2] === "string" &&
    typeof body[3] === "string" &&
    // base64url decoding skips characters outside its alphabet; only a canonical token counts.
    pageToken(userPoolId, filter, { key: body[2], username: body[3] }) === token
  ) {
    return { key: body[2], username: body[3] };
  }
  throw new ServiceError("InvalidParameterException", TOKEN_ERROR_MESSAGE);
}
