// Mocha's spec reporter plus one closing line in the plain "N passed, N failed" form that CI
// systems read to tell a green run from one that ran no test.
import Mocha from "mocha";

/** The spec reporter, ending with `mocha: N passed, N failed, N skipped`. */
class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      console.log(`mocha: ${passes} passed, ${failures} failed, ${pending} skipped`);
    });
  }
}

export = SpecWithSummary;
