#!/usr/bin/env node
// The `cognito-feedback` executable (package.json "bin"); see ./program.ts.
import { processIo, runCli } from "./program";

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
