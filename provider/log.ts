// Lines a user sees during `pulumi up`: the provider host turns its stdout into info diagnostics.

/** Prints one informational line, prefixed with the package name. */
export function logInfo(message: string): void {
  console.log(`[cognito-auth-event-feedback] ${message}`);
}
