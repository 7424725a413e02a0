// The events feature: a user's auth events, filtered (./filter.ts) and rendered as a table, JSON or
// overrides entries (./render.ts); ./options.ts turns the command line's options into a request.
export { renderEventsJson, toEventJson, type EventJson } from "./render";
