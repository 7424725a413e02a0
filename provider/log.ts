// Lines a user sees during `pulumi up`: the provider host turns its stdout into info diagnostics.

/** Prints one informational line, prefixed with the package name. */
export function logInfo(message: string): void {
  console.log(`[cognito-auth-event-feedback] ${message}`);
}

const printed = new Set<string>();

/** Prints a line like {@link logInfo}, but only the first time this process sees that exact line. */
export function logInfoOnce(message: string): void {
  if (printed.has(message)) return;
  printed.add(message);
  logInfo(message);
}
