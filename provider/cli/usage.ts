// How every usage error of the command line ends: one line pointing to the command's help.

/** `(see cognito-feedback check --help)`: the line after a usage error of `command`. */
export function usageHint(command: string): string {
  return `(see ${command} --help)`;
}
