// The GitOps story `npm run demo` tells, as data: what each pull request puts in the overrides
// file, which command runs, and what must come of it. The demo seed's events and made-up tokens
// are in emulator/seeds/demo.yaml.

/** The pool of every verdict in the story. */
export const POOL = "us-east-1_DemoPool1";

/** The sign-ins the story judges. */
export const EVENTS = {
  aliceLagos: "7875548a-bd00-490a-93b8-fa36fe42a3e0",
  aliceBerlin: "2c3f1a9e-8d4b-4f6a-a1e2-5b7c9d0e1f23",
  bobBrazil: "c0ffee00-1234-4abc-9def-0123456789ab",
  bobLisbon: "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a",
};

/** Secret stack config: feedback tokens by event id (only Alice's Lagos sign-in uses one). */
const TOKENS = { [EVENTS.aliceLagos]: "fake-token-alice-1" };
const ROTATED = { [EVENTS.aliceLagos]: "fake-token-alice-1-rotated" };

/** Every token the story uses, which must never be printed or stored in clear. */
export const ALL_TOKENS = [...Object.values(TOKENS), ...Object.values(ROTATED)];

/** One act: the file and secrets declared, the command, and what must come of it. */
export interface Act {
  title: string;
  /** The overrides file as the pull request leaves it. */
  file: string;
  tokens: Record<string, string>;
  command: "preview" | "up" | "refresh" | "destroy";
  /** Done to Cognito behind the stack's back before the command runs. */
  drift?: { eventId: string; value: "Valid" | "Invalid" };
  /** Expected steps of the feedback resources, as `<op> <eventId>`, sorted. */
  ops: string[];
  /** What Cognito must hold afterwards, by event id. */
  cognito: Record<string, "Valid" | "Invalid">;
  /** Feedback calls Cognito may receive during the act. */
  calls: number;
  /** The command must fail (a pull request with a mistake), naming this in its errors. */
  fails?: string;
}

const FIRST = `# yaml-language-server: $schema=../../schema/overrides.schema.json
version: 1
userPoolId: ${POOL}
overrides:
  - username: alice
    eventId: ${EVENTS.aliceLagos}
    verdict: invalid
    reason: Sign-in from Lagos while Alice was at the Berlin office; she reset her password.
    ticket: SEC-1042
  - username: bob@example.com
    eventId: ${EVENTS.bobBrazil}
    verdict: invalid
    reason: Leaked credentials used from Brazil; Bob was not travelling.
    ticket: SEC-1043
  - username: bob
    eventId: ${EVENTS.bobLisbon}
    verdict: valid
    reason: Bob's usual Lisbon laptop, flagged after an OS update changed its fingerprint.
`;

// The same verdicts, reordered and reformatted: nothing may change.
const REORDERED = `version: 1
userPoolId: "${POOL}"
overrides:
  - { username: bob, eventId: "${EVENTS.bobLisbon}", verdict: VALID,
      reason: "Bob's usual Lisbon laptop, flagged after an OS update changed its fingerprint." }
  - eventId: "${EVENTS.bobBrazil}"
    username: "bob@example.com"
    reason: "Leaked credentials used from Brazil; Bob was not travelling."
    verdict: Invalid
    ticket: SEC-1043
  - eventId: "${EVENTS.aliceLagos}"
    username: alice
    ticket: SEC-1042
    verdict: invalid
    reason: "Sign-in from Lagos while Alice was at the Berlin office; she reset her password."
`;

// Incident review: Bob's Brazil sign-in was his travel VPN (update); Alice's entry names her by
// email alias (replace); Alice's Berlin sign-in is confirmed (create); Bob's Lisbon entry is
// dropped (delete: Cognito keeps the verdict).
const REVIEWED = `version: 1
userPoolId: ${POOL}
overrides:
  - username: alice@example.com
    eventId: ${EVENTS.aliceLagos}
    verdict: invalid
    reason: Sign-in from Lagos while Alice was at the Berlin office; she reset her password.
    ticket: SEC-1042
  - username: alice
    eventId: ${EVENTS.aliceBerlin}
    verdict: valid
    reason: Alice at the Berlin office, confirmed by her manager.
    ticket: SEC-1050
  - username: bob@example.com
    eventId: ${EVENTS.bobBrazil}
    verdict: valid
    reason: Bob's travel VPN exits in Brazil; confirmed with IT (incident review SEC-1043).
    ticket: SEC-1043
`;

const all = (events: string[], op: string) => events.map((e) => `${op} ${e}`);
const FIRST_EVENTS = [EVENTS.aliceLagos, EVENTS.bobBrazil, EVENTS.bobLisbon];
const FIRST_VERDICTS = {
  [EVENTS.aliceLagos]: "Invalid",
  [EVENTS.bobBrazil]: "Invalid",
  [EVENTS.bobLisbon]: "Valid",
} as const;

// Pull request #3's steps, and what Cognito holds once it is applied (Bob's Lisbon verdict too:
// removing an entry cannot withdraw it).
const REVIEWED_OPS = [
  `create ${EVENTS.aliceBerlin}`,
  `delete ${EVENTS.bobLisbon}`,
  `replace ${EVENTS.aliceLagos}`,
  `update ${EVENTS.bobBrazil}`,
].sort();
const REVIEWED_VERDICTS = {
  [EVENTS.aliceLagos]: "Invalid",
  [EVENTS.aliceBerlin]: "Valid",
  [EVENTS.bobBrazil]: "Valid",
  [EVENTS.bobLisbon]: "Valid",
} as const;

/** The story, in order. */
export const ACTS: Act[] = [
  {
    title: "Pull request #1 adds the first overrides file: `pulumi preview` and the review comment",
    file: FIRST,
    tokens: TOKENS,
    command: "preview",
    ops: all(FIRST_EVENTS, "create").sort(),
    cognito: {},
    calls: 0,
  },
  {
    title: "Merged: `pulumi up` records the three verdicts (Alice's with her token, Bob's via IAM)",
    file: FIRST,
    tokens: TOKENS,
    command: "up",
    ops: all(FIRST_EVENTS, "create").sort(),
    cognito: FIRST_VERDICTS,
    calls: 3,
  },
  {
    title:
      "Pull request #2 reorders and reformats the file, and a token is rotated: nothing changes",
    file: REORDERED,
    tokens: ROTATED,
    command: "up",
    ops: all(FIRST_EVENTS, "same").sort(),
    cognito: FIRST_VERDICTS,
    calls: 0,
  },
  {
    title:
      "Someone marks Bob's Lisbon sign-in Invalid in the console: `pulumi refresh` finds the drift",
    file: FIRST,
    tokens: TOKENS,
    command: "refresh",
    drift: { eventId: EVENTS.bobLisbon, value: "Invalid" },
    ops: [
      ...all([EVENTS.aliceLagos, EVENTS.bobBrazil], "same"),
      `update ${EVENTS.bobLisbon}`,
    ].sort(),
    cognito: { ...FIRST_VERDICTS, [EVENTS.bobLisbon]: "Invalid" },
    calls: 0,
  },
  {
    title: "`pulumi up` puts the reviewed verdict back",
    file: FIRST,
    tokens: TOKENS,
    command: "up",
    ops: [
      ...all([EVENTS.aliceLagos, EVENTS.bobBrazil], "same"),
      `update ${EVENTS.bobLisbon}`,
    ].sort(),
    cognito: FIRST_VERDICTS,
    calls: 1,
  },
  {
    title:
      "A pull request with a typo in a verdict: the preview fails, and the review comment says why",
    file: REVIEWED.replace(
      "verdict: valid\n    reason: Alice at",
      "verdict: vaild\n    reason: Alice at",
    ),
    tokens: TOKENS,
    command: "preview",
    ops: [],
    cognito: FIRST_VERDICTS,
    calls: 0,
    fails: "vaild",
  },
  {
    title:
      "Pull request #3, after the incident review: update, replace, create and delete in one preview",
    file: REVIEWED,
    tokens: TOKENS,
    command: "preview",
    ops: REVIEWED_OPS,
    cognito: FIRST_VERDICTS,
    calls: 0,
  },
  {
    title: "Merged: `pulumi up` applies it (a verdict cannot be withdrawn: Bob's Lisbon one stays)",
    file: REVIEWED,
    tokens: TOKENS,
    command: "up",
    ops: REVIEWED_OPS,
    cognito: REVIEWED_VERDICTS,
    calls: 3,
  },
  {
    title: "The stack is retired: `pulumi destroy` (Cognito keeps every verdict)",
    file: REVIEWED,
    tokens: TOKENS,
    command: "destroy",
    ops: all([EVENTS.aliceLagos, EVENTS.aliceBerlin, EVENTS.bobBrazil], "delete").sort(),
    cognito: REVIEWED_VERDICTS,
    calls: 0,
  },
];
