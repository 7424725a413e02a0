// Lines a user sees during `pulumi up`: the provider host turns its stdout into info diagnostics.

/** Prints one informational line, prefixed with the package name. */
export function logInfo(message: string): void {
  console.log(`[cognito-auth-event-feedback] ${message}`);
}

const printed = new Set<string>();

/**
 * Prints a line like {@link logInfo}, but only the first time this process sees `key`: lines that
 * say the same thing with different details (a request id) share a key.
 */
export function logInfoOnce(key: string, message: string): void {
  if (printed.has(key)) return;
  printed.add(key);
  logInfo(message);
}
