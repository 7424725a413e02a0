// Pulumi mocks that record every resource registration, for specs of resource classes.
import * as pulumi from "@pulumi/pulumi";

/**
 * Installs mocks (project `project`, stack `stack`, not a preview) whose resources echo their
 * inputs as state; returns the list every registration is appended to.
 */
export async function recordingMocks(): Promise<pulumi.runtime.MockResourceArgs[]> {
  const registered: pulumi.runtime.MockResourceArgs[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push(args);
        return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
  return registered;
}
