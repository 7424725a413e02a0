// The sweep feature (`cognito-feedback sweep`): every event of an attack across a pool. Pure
// modules: ./options.ts (flags), ./run.ts (the orchestration, with its listings injected),
// ./render.ts (table, JSON, a complete overrides file), ./merge.ts (`--merge-into` as inserted
// text), ./checkpoint.ts (`--checkpoint`), ./progress.ts and ./summary.ts (stderr). The Cognito
// calls are ../cognito/users.ts and ../cognito/operations.ts; ../cli/sweep-action.ts wires them.
export { parseSweepOptions, SWEEP_FORMATS, type SweepFormat, type SweepRequest } from "./options";
export { runSweep, type SweepSource, type SweepState } from "./run";
export { renderSweepJson, renderSweepTable, renderSweepYaml, type SweepMatch } from "./render";
export { mergeIntoOverrides, MergeError, type MergeResult } from "./merge";
export { parseCheckpoint, serializeCheckpoint, type Checkpoint } from "./checkpoint";
