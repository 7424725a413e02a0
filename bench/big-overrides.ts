// Large overrides files for the scale tests of `cognito-feedback check` and its benchmark.

/** How a generated file is broken, if at all. */
export type Breakage = "valid" | "broken";

/**
 * An overrides file of `count` entries (YAML, one pool for all) with distinct users and event ids.
 * `broken`: every even entry has three problems (a bad verdict, a blank reason, an unknown field)
 * and every fourth entry repeats the event of the valid entry two before it: 1.75 x `count`
 * problems in all.
 */
export function bigOverridesFile(count: number, breakage: Breakage = "valid"): string {
  const lines = ["userPoolId: us-east-1_DemoPool1", "overrides:"];
  for (let i = 0; i < count; i++) {
    const broken = breakage === "broken" && i % 2 === 0;
    const event = breakage === "broken" && i % 4 === 3 ? i - 2 : i;
    lines.push(
      `  - username: user-${i}@example.com`,
      `    eventId: ${event.toString(16).padStart(8, "0")}-bd00-490a-93b8-fa36fe42a3e0`,
    );
    if (broken) {
      lines.push("    verdict: maybe", '    reason: " "', "    colour: blue");
    } else {
      lines.push(
        `    verdict: ${i % 3 === 0 ? "valid" : "invalid"}`,
        `    reason: Reviewed in the incident of week ${i % 52}; confirmed with the user by phone.`,
        `    ticket: SEC-${1000 + i}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
