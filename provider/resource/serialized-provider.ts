// The one provider object shared by every AuthEventFeedback resource.
//
// Pulumi serializes this object into state (`__provider`) for every resource and runs that text
// later for update, refresh and delete. So it holds no logic and captures nothing: each method loads
// the installed package's implementation at call time, by package name. State stays small, holds no
// credentials or paths, and upgrading the package fixes refresh and delete of old resources too.
import type * as pulumi from "@pulumi/pulumi";
import type * as Implementation from "./implementation";

// `I()` is the installed implementation module, loaded by a bare package specifier in the provider
// host, from the program's node_modules. One letter, as every byte here is stored twice per resource.
// (Comments inside a function body would be serialized into state too, so they stay out here.)
// When the package is gone (removed while the stack still holds its resources), refresh and destroy
// would fail with Node's "Cannot find module" and a stack trace; the message says what to do.
const I = () => {
  try {
    return require("pulumi-cognito-auth-event-feedback/implementation") as typeof Implementation;
  } catch (e) {
    throw new Error(
      `${String(e).split("\n")[0]}: reinstall pulumi-cognito-auth-event-feedback in the program's folder, and keep it while the stack has resources`,
      { cause: e },
    );
  }
};

type Args<K extends keyof typeof Implementation> = Parameters<(typeof Implementation)[K]>;

/** The provider shared by all {@link AuthEventFeedback} resources: a thin loader of `./implementation`. */
export const provider: pulumi.dynamic.ResourceProvider = {
  configure: (...a: Args<"configure">) => I().configure(...a),
  check: (...a: Args<"check">) => I().check(...a),
  diff: (...a: Args<"diff">) => I().diff(...a),
  create: (...a: Args<"create">) => I().create(...a),
  update: (...a: Args<"update">) => I().update(...a),
  read: (...a: Args<"read">) => I().read(...a),
  delete: (...a: Args<"delete">) => I().delete(...a),
};
