// The pack as the CLI sees it: bin/policies.js exports the policies index.ts serves, the config files are accepted,
// and `npm pack` (what `pulumi policy publish` uploads) carries the built pack and its data.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { Engine, loadConfig } from "./engine";

const packDirectory = path.resolve(__dirname, "..", "..");
const names = ["lambda-function-traced", "rest-api-stage-traced", "xray-sampling-rules-sane", "sqs-consumer-traced-with-producer"];

let engine: Engine;
before(async () => { engine = await Engine.start(); });
after(() => engine.stop());

test("bin/policies.js exports the policies, and the served pack is made of exactly them", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { policies } = require(path.join(packDirectory, "bin", "policies.js"));
    assert.deepEqual(policies.map((policy: { name: string }) => policy.name), names);
    assert.deepEqual((await engine.info()).map(policy => policy.name), names);
});

test("every policy is advisory unless config says otherwise, and every one has exceptions", async () => {
    for (const policy of await engine.info()) {
        assert.equal(policy.enforcementLevel, "advisory", policy.name);
        assert.equal(policy.configSchema.exclude?.type, "array", policy.name);
    }
});

test("the committed config files fit the policies' schemas", async () => {
    for (const name of ["dev", "prod", "remediate"]) {
        await engine.configure(loadConfig(name));
    }
});

test("a config key no policy declares is refused, as the CLI refuses it", async () => {
    await assert.rejects(engine.configure({ "lambda-function-traced": { flavour: "distro" } }), /flavour/);
    await assert.rejects(engine.configure({ "lambda-function-traced": { flavor: "newest" } }), /flavor/);
});

test("npm pack carries the built pack, its layer data and PulumiPolicy.yaml", () => {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: packDirectory, encoding: "utf8" }));
    const files = packed.files.map((file: { path: string }) => file.path);
    for (const file of ["PulumiPolicy.yaml", "package.json", "bin/index.js", "bin/policies.js", "bin/src/lambda.js", "bin/data/adot-layers.json"]) {
        assert.ok(files.includes(file), `${file} is not packed: ${files.join(", ")}`);
    }

    assert.ok(!files.some((file: string) => file.startsWith("bin/test/")), "tests are not published");
});
