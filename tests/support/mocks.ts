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

/** Waits until `resource` is registered, then returns the inputs its registration carried. */
export async function registeredInputs(
  registered: readonly pulumi.runtime.MockResourceArgs[],
  resource: pulumi.CustomResource,
  name: string,
): Promise<Record<string, unknown>> {
  await new Promise<void>((resolve) => resource.urn.apply(() => resolve()));
  const registration = registered.find((x) => x.name === name);
  if (registration === undefined) throw new Error(`${name} was not registered`);
  return registration.inputs as Record<string, unknown>;
}
