// xray-sampling-rules-sane: no adaptive boost where X-Ray never boosts, a reservoir on every critical path.
// Facts: adaptive sampling boosts only traces whose root service runs a supported ADOT SDK
// (https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html); ReservoirSize is the number of
// matching requests traced per second before the fixed rate applies (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Engine, loadConfig } from "./engine";
import { variant } from "./helpers";

const policy = "xray-sampling-rules-sane";
let engine: Engine;
before(async () => { engine = await Engine.shared("prod"); });
after(() => Engine.release("prod"));

async function messages(resource: ReturnType<typeof variant>): Promise<string[]> {
    return (await engine.analyze(resource)).filter(diagnostic => diagnostic.policyName === policy).map(diagnostic => diagnostic.message);
}

test("a boost on a rule for an API Gateway stage fails", async () => {
    const rule = variant("prod", "sampling-critical-1");
    rule.inputs.samplingRule.samplingRateBoost = { maxRate: 0.5, cooldownWindowMinutes: 5 };
    const found = await messages(rule);
    assert.equal(found.length, 1);
    assert.match(found[0], /X-Ray sampling rule "adot-tracing-prod-critical-1" \(sampling-critical-1\) has an adaptive boost/);
    assert.match(found[0], /AWS::ApiGateway::Stage/);
    assert.match(found[0], /Remove samplingRateBoost/);
});

test("a boost on a rule for a service that runs an ADOT SDK passes", async () => {
    const rule = variant("prod", "sampling-critical-1");
    rule.inputs.samplingRule.samplingRateBoost = { maxRate: 0.5, cooldownWindowMinutes: 5 };
    rule.inputs.samplingRule.serviceName = "checkout-service";
    rule.inputs.samplingRule.serviceType = "AWS::ECS::Container";
    assert.deepEqual(await messages(rule), []);
});

test("a critical path without a reservoir fails", async () => {
    const rule = variant("prod", "sampling-critical-1");
    rule.inputs.samplingRule.reservoirSize = 0;
    const found = await messages(rule);
    assert.equal(found.length, 1);
    assert.match(found[0], /"adot-tracing-prod-critical-1".*critical path \(\/chat\*\) with a reservoir of 0: set reservoirSize to at least 1/);
});

test("a routine path may go without a reservoir", async () => {
    const rule = variant("prod", "sampling-routine-1");
    assert.equal(rule.inputs.samplingRule.reservoirSize, 0);
    assert.deepEqual(await messages(rule), []);
});

test("critical paths and the minimum reservoir are policy config", async () => {
    const rule = variant("prod", "sampling-routine-1");
    await engine.configure({ all: "mandatory", [policy]: { criticalRuleNames: [], criticalPaths: ["/health*"], minimumCriticalReservoir: 2 } });
    try {
        assert.match((await messages(rule))[0], /critical path \(\/health\*\).*at least 2/);
        assert.deepEqual(await messages(variant("prod", "sampling-critical-1")), [], "critical-1 is no longer critical by name, and /chat* is not listed");
    } finally {
        await engine.configure(loadConfig("prod"));
    }
});

test("aws provider rules are checked on their own fields", async () => {
    const rule = variant("prod", "sampling-critical-1");
    rule.type = "aws:xray/samplingRule:SamplingRule";
    rule.inputs = { ...rule.inputs.samplingRule, reservoirSize: 0 };
    assert.match((await messages(rule))[0], /reservoir of 0/);
});
