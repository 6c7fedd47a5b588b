// sqs-consumer-traced-with-producer (a stack policy): the consumer of an SQS event source mapping is traced whenever a
// producer of that queue is. SQS passes the trace header on (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { RecordedResource } from "../tools/record-stacks";
import { Engine, loadConfig, loadStack } from "./engine";
import { copy, unknownString } from "./helpers";

const policy = "sqs-consumer-traced-with-producer";
let engine: Engine;
before(async () => { engine = await Engine.shared("prod"); });
after(() => Engine.release("prod"));

function stack(change: (byName: (name: string) => RecordedResource) => void): RecordedResource[] {
    const resources = copy(loadStack("prod").resources);
    change(name => resources.find(resource => resource.name === name)!);
    return resources;
}

async function violations(resources: RecordedResource[]) {
    return (await engine.analyzeStack(resources)).filter(diagnostic => diagnostic.policyName === policy);
}

const untracedConsumer = (byName: (name: string) => RecordedResource) => { byName("sqs-consumer-function").outputs.tracingConfig = { mode: "PassThrough" }; };

test("an untraced consumer of a traced producer's queue fails, reported on the consumer", async () => {
    const resources = stack(untracedConsumer);
    const found = await violations(resources);
    assert.equal(found.length, 1);
    assert.equal(found[0].urn, resources.find(resource => resource.name === "sqs-consumer-function")!.urn);
    assert.match(found[0].message, /"adot-tracing-prod-sqs-consumer".*adot-tracing-prod-questions.*producer Lambda function "adot-tracing-prod-chatbot".*PassThrough.*"Active"/);
});

test("the producer is found by its role's sqs:SendMessage alone", async () => {
    const found = await violations(stack(byName => {
        untracedConsumer(byName);
        delete byName("chatbot-function").outputs.environment.variables.QUEUE_URL;
    }));
    assert.equal(found.length, 1);
});

test("the producer is found by the queue URL in its environment alone", async () => {
    const found = await violations(stack(byName => {
        untracedConsumer(byName);
        const role = byName("chatbot-role");
        role.outputs.policies = role.outputs.policies.filter((policy: any) => !JSON.stringify(policy).includes("sqs:SendMessage"));
    }));
    assert.equal(found.length, 1);
});

test("a queue without a producer in the stack asks nothing of its consumer", async () => {
    const found = await violations(stack(byName => {
        untracedConsumer(byName);
        delete byName("chatbot-function").outputs.environment.variables.QUEUE_URL;
        const role = byName("chatbot-role");
        role.outputs.policies = role.outputs.policies.filter((policy: any) => !JSON.stringify(policy).includes("sqs:SendMessage"));
    }));
    assert.deepEqual(found, []);
});

test("an untraced producer asks nothing of its consumer", async () => {
    assert.deepEqual(await violations(stack(byName => {
        untracedConsumer(byName);
        byName("chatbot-function").outputs.tracingConfig = { mode: "PassThrough" };
    })), []);
});

test("an excluded consumer is not reported", async () => {
    await engine.configure({ all: "mandatory", [policy]: { exclude: ["*-sqs-consumer"] } });
    try {
        assert.deepEqual(await violations(stack(untracedConsumer)), []);
    } finally {
        await engine.configure(loadConfig("prod"));
    }
});

/** A first preview: the values only AWS assigns (ARNs, URLs) are not known yet. */
function previewOf(byName: (name: string) => RecordedResource): void {
    // The engine sends values a preview cannot know as this sentinel (pulumi/pulumi sdk/nodejs/runtime/rpc.ts, unknownValue).
    for (const name of ["questions-queue", "questions-dlq"]) {
        byName(name).outputs.arn = unknownString;
        byName(name).outputs.queueUrl = unknownString;
    }

    for (const name of ["chatbot-function", "sqs-consumer-function"]) {
        byName(name).outputs.arn = unknownString;
        byName(name).outputs.role = unknownString;
    }

    byName("chatbot-role").outputs.arn = unknownString;
    byName("sqs-consumer-role").outputs.arn = unknownString;
    byName("questions-consumer-mapping").outputs.eventSourceArn = unknownString;
    byName("questions-consumer-mapping").outputs.functionName = unknownString;
    byName("questions-consumer-mapping").outputs.functionArn = unknownString;
}

test("during a first preview the link is found through dependencies and the queue's name in the producer's environment", async () => {
    const found = await violations(stack(byName => {
        untracedConsumer(byName);
        previewOf(byName);
    }));
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /adot-tracing-prod-sqs-consumer.*adot-tracing-prod-questions/);
});

test("during a first preview the link is found through the producer's role alone", async () => {
    const found = await violations(stack(byName => {
        untracedConsumer(byName);
        previewOf(byName);
        delete byName("chatbot-function").outputs.environment.variables.QUEUE_URL;
    }));
    assert.equal(found.length, 1, JSON.stringify(found));
});
