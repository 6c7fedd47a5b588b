// rest-api-stage-traced: REST API stages have X-Ray tracing on, for both providers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Engine, loadConfig } from "./engine";
import { variant } from "./helpers";

const policy = "rest-api-stage-traced";
let engine: Engine;
before(async () => { engine = await Engine.shared("prod"); });
after(() => Engine.release("prod"));

async function messages(resource = variant("prod", "chat-stage")): Promise<string[]> {
    return (await engine.analyze(resource)).filter(diagnostic => diagnostic.policyName === policy).map(diagnostic => diagnostic.message);
}

test("the committed stage passes", async () => {
    assert.deepEqual(await messages(), []);
});

test("a stage with tracing off fails, naming the stage and the property to set", async () => {
    const stage = variant("prod", "chat-stage");
    stage.inputs.tracingEnabled = false;
    const found = await messages(stage);
    assert.equal(found.length, 1);
    assert.match(found[0], /REST API stage "prod" \(chat-stage\) has X-Ray tracing off: set tracingEnabled to true/);
});

test("a stage that leaves tracing unset fails: API Gateway's default is off", async () => {
    const stage = variant("prod", "chat-stage");
    delete stage.inputs.tracingEnabled;
    assert.match((await messages(stage))[0], /unset \(off\): set tracingEnabled to true/);
});

test("an aws provider stage is checked on xrayTracingEnabled", async () => {
    const stage = variant("prod", "chat-stage");
    stage.type = "aws:apigateway/stage:Stage";
    stage.inputs = { restApi: "<rest-api-id>", deployment: "<deployment-id>", stageName: "prod", xrayTracingEnabled: false };
    assert.match((await messages(stage))[0], /set xrayTracingEnabled to true/);
    stage.inputs.xrayTracingEnabled = true;
    assert.deepEqual(await messages(stage), []);
});

test("an excluded stage is not checked", async () => {
    const stage = variant("prod", "chat-stage");
    stage.inputs.tracingEnabled = false;
    await engine.configure({ all: "mandatory", [policy]: { exclude: ["prod"] } });
    try {
        assert.deepEqual(await messages(stage), []);
    } finally {
        await engine.configure(loadConfig("prod"));
    }
});
