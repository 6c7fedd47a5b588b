// This program's own committed stacks, recorded from the offline plan (tools/record-stacks.ts), pass every policy of
// the pack at the strictest level, and remediation finds nothing to change in them.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { committedStacks, planOf, record, serialize } from "../tools/record-stacks";
import { Engine, loadStack } from "./engine";
import { stacks } from "./helpers";
import { tokens } from "../src/tokens";

let engine: Engine;
before(async () => { engine = await Engine.shared("remediate"); });
after(() => Engine.release("remediate"));

test("the recorded stacks are the committed ones", () => {
    assert.deepEqual(committedStacks(), [...stacks].sort());
});

for (const stack of stacks) {
    describe(`the committed ${stack} stack`, () => {
        test("its recording is what the recorder makes of the plan the plan's golden tests hold", () => {
            // tests/Infra.Plan.Tests GoldenFileTests hold the golden file equal to `scripts/plan <stack> --json`.
            assert.equal(JSON.stringify(loadStack(stack), null, 2) + "\n", serialize(record(stack, planOf(stack))),
                `test/fixtures/${stack}.json is stale: run \`npm run record\` in policy/ and commit it`);
        });

        test("holds a resource of every type a policy checks, so passing is not vacuous", () => {
            const types = new Set(loadStack(stack).resources.map(resource => resource.type));
            for (const type of [tokens.awsFunction, tokens.nativeStage, tokens.nativeSamplingRule, tokens.awsEventSourceMapping, tokens.nativeQueue]) {
                assert.ok(types.has(type), `no ${type} in ${stack}`);
            }
        });

        test("every resource passes every resource policy", async () => {
            for (const resource of loadStack(stack).resources) {
                assert.deepEqual(await engine.analyze(resource), [], resource.urn);
            }
        });

        test("the stack passes the stack policy", async () => {
            assert.deepEqual(await engine.analyzeStack(loadStack(stack).resources), []);
        });

        test("remediation changes nothing", async () => {
            for (const resource of loadStack(stack).resources) {
                assert.deepEqual((await engine.remediate(resource)).filter(remediation => remediation.properties), [], resource.urn);
            }
        });
    });
}
