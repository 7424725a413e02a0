// The README's "Node.js" paragraph against what it describes: package.json's engines and the AWS
// SDK's, as installed (docs match behaviour; an SDK upgrade that moves its floor fails here).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "../../..");
const SDK = "@aws-sdk/client-cognito-identity-provider";

interface Manifest {
  engines: { node: string };
  dependencies: Record<string, string>;
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
const floor = (range: string) => Number(/^>=\s*(\d+)/.exec(range)?.[1]);

describe("GIVEN the README's Node.js paragraph", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const paragraph = (/\*\*Node\.js\.\*\*[\s\S]*?\n\n/.exec(readme)?.[0] ?? "").replace(/\s+/g, " ");
  const own = manifest(ROOT);
  const sdkDir = path.dirname(require.resolve(`${SDK}/package.json`, { paths: [ROOT] }));
  const sdk = manifest(sdkDir);

  it("WHEN read THEN it quotes package.json's engines and SDK range", () => {
    assert.ok(paragraph.includes(`\`engines\` says \`${own.engines.node}\``), paragraph);
    assert.ok(paragraph.includes(`\`${SDK}\` \`${own.dependencies[SDK]}\``), paragraph);
  });

  it("WHEN read THEN it quotes the installed SDK's own engines", () => {
    assert.ok(paragraph.includes(`own \`engines\` is \`${sdk.engines.node}\``), paragraph);
  });

  it("WHEN the floors are compared THEN this package's is the SDK's", () => {
    assert.equal(floor(own.engines.node), floor(sdk.engines.node));
    assert.ok(paragraph.includes(`Tested on Node ${floor(own.engines.node)}`), paragraph);
  });

  it("WHEN it names the warning's switch THEN the SDK reads that variable", () => {
    const name = /`(AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED)=true`/.exec(paragraph)?.[1];
    assert.ok(name !== undefined, paragraph);
    const core = path.dirname(require.resolve("@aws-sdk/core/package.json", { paths: [sdkDir] }));
    const source = readFileSync(path.join(core, "dist-cjs/submodules/client/index.js"), "utf8");
    assert.ok(source.includes(`process.env.${name} === "true"`));
  });
});
