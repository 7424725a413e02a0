// The one provider object shared by every AuthEventFeedback resource.
//
// Pulumi serializes this object into state (`__provider`) for every resource and runs that text
// later for update, refresh and delete. So it holds no logic and captures nothing: each method loads
// the installed package's implementation at call time, by package name. State stays small, holds no
// credentials or paths, and upgrading the package fixes refresh and delete of old resources too.
import type * as pulumi from "@pulumi/pulumi";
import type * as Implementation from "./implementation";

// A bare package specifier, resolved in the provider host from the program's node_modules. (Comments
// inside a function body would be serialized into state too, so they stay out here.)
function load(): typeof Implementation {
  return require("pulumi-cognito-auth-event-feedback/implementation") as typeof Implementation;
}

type Props = Record<string, unknown>;

/** The provider shared by all {@link AuthEventFeedback} resources: a thin loader of `./implementation`. */
export const provider: pulumi.dynamic.ResourceProvider = {
  check: (olds: Props, news: Props) => load().check(olds, news),
  diff: (id: string, olds: Props, news: Props) => load().diff(id, olds, news),
  create: (inputs: Props) => load().create(inputs),
  update: (id: string, olds: Props, news: Props) => load().update(id, olds, news),
  read: (id: string, props: Props) => load().read(id, props),
  delete: (id: string, props: Props) => load().delete(id, props),
};
