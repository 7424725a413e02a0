// Drives the provider's configure the way the provider host does, with a stack config in hand.
import type * as pulumi from "@pulumi/pulumi";
import { provider } from "../../provider";

/** Calls `provider.configure` with these stack-config values (full `namespace:key` names). */
export function configureProvider(values: Record<string, string> = {}): Promise<void> {
  const config: pulumi.dynamic.Config = {
    get: (key: string) => values[key],
    require: (key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`Missing required configuration key: ${key}`);
      return value;
    },
  };
  return provider.configure!({ config });
}
