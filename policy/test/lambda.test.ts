// lambda-function-traced: broken variants of the committed functions each fail with a message naming the function and
// the fix; enforcement levels and exceptions come from policy config.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Diagnostic, Engine, loadConfig } from "./engine";
import { chatbot, distroWrapper, publishedDistroLayers, variant } from "./helpers";

const policy = "lambda-function-traced";
let engine: Engine;
before(async () => { engine = await Engine.shared("prod"); });
after(() => Engine.release("prod"));

/** The published distro Python layer for us-west-2, the dev stack's Region (from ADOT's table, not the catalog). */
const usWest2Python = publishedDistroLayers().find(row => row.language === "python" && row.region === "us-west-2")!.arn;

async function violations(inputs: Record<string, any>, resource = chatbot()): Promise<Diagnostic[]> {
    return (await engine.analyze(resource, inputs)).filter(diagnostic => diagnostic.policyName === policy);
}

function assertOneViolation(found: Diagnostic[], ...fragments: string[]): void {
    assert.equal(found.length, 1, found.map(diagnostic => diagnostic.message).join("\n"));
    for (const fragment of ["adot-tracing-dev-chatbot", ...fragments]) {
        assert.ok(found[0].message.includes(fragment), `"${fragment}" missing from: ${found[0].message}`);
    }
}

describe("broken functions fail", () => {
    test("tracing mode PassThrough", async () => {
        const fn = chatbot();
        fn.inputs.tracingConfig = { mode: "PassThrough" };
        assertOneViolation(await violations(fn.inputs), "PassThrough", 'tracingConfig.mode to "Active"');
    });

    test("no tracing config at all", async () => {
        const fn = chatbot();
        delete fn.inputs.tracingConfig;
        assertOneViolation(await violations(fn.inputs), "unset", 'tracingConfig.mode to "Active"');
    });

    test("no ADOT layer: the message names the layer to add", async () => {
        const fn = chatbot();
        fn.inputs.layers = [];
        const found = await violations(fn.inputs);
        assertOneViolation(found, "no ADOT layer", usWest2Python);
    });

    test("an ADOT-named layer from an account that does not publish it", async () => {
        const fn = chatbot();
        fn.inputs.layers = [usWest2Python.replace(/:\d{12}:/, ":123456789012:")];
        const publisher = usWest2Python.split(":")[4];
        assertOneViolation(await violations(fn.inputs), "123456789012", publisher);
    });

    test("ADOT's layer for another Region", async () => {
        const fn = chatbot();
        fn.inputs.layers = [publishedDistroLayers().find(row => row.language === "python" && row.region === "eu-west-1")!.arn];
        assertOneViolation(await violations(fn.inputs), "eu-west-1", "us-west-2", usWest2Python);
    });

    test("ADOT's layer for another language", async () => {
        const fn = chatbot();
        fn.inputs.layers = [publishedDistroLayers().find(row => row.language === "nodejs" && row.region === "us-west-2")!.arn];
        assertOneViolation(await violations(fn.inputs), "python3.12", usWest2Python);
    });

    test("a legacy layer built for the other architecture", async () => {
        const fn = chatbot();
        fn.inputs.architectures = ["arm64"];
        fn.inputs.layers = ["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2"];
        assertOneViolation(await violations(fn.inputs), "amd64", "arm64");
    });

    test("two ADOT layers", async () => {
        const fn = chatbot();
        fn.inputs.layers = [usWest2Python, "arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2"];
        assertOneViolation(await violations(fn.inputs), "2 ADOT layers", "keep one");
    });

    test("no exec wrapper", async () => {
        const fn = chatbot();
        delete fn.inputs.environment.variables.AWS_LAMBDA_EXEC_WRAPPER;
        assertOneViolation(await violations(fn.inputs), "does not set AWS_LAMBDA_EXEC_WRAPPER", distroWrapper);
    });

    test("the legacy Node.js wrapper on a distro Python layer", async () => {
        const fn = chatbot();
        fn.inputs.environment.variables.AWS_LAMBDA_EXEC_WRAPPER = "/opt/otel-handler";
        assertOneViolation(await violations(fn.inputs), "AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-handler", distroWrapper);
    });

    test("a runtime no ADOT layer serves is reported as such", async () => {
        const fn = chatbot();
        fn.inputs.runtime = "ruby3.3";
        fn.inputs.layers = [];
        assertOneViolation(await violations(fn.inputs), "ruby3.3", "cannot add one", "exclude");
    });

    test("every problem of a function is reported, not only the first", async () => {
        const fn = chatbot();
        fn.inputs.tracingConfig = { mode: "PassThrough" };
        fn.inputs.layers = [];
        delete fn.inputs.environment.variables.AWS_LAMBDA_EXEC_WRAPPER;
        assert.equal((await violations(fn.inputs)).length, 2, "tracing and layer (the wrapper follows the layer)");
    });
});

describe("the aws-native provider's functions are held to the same rules", () => {
    function nativeChatbot() {
        const fn = chatbot();
        fn.type = "aws-native:lambda:Function";
        fn.urn = fn.urn.replace("aws:lambda/function:Function", "aws-native:lambda:Function");
        const { name, ...rest } = fn.inputs;
        fn.inputs = { ...rest, functionName: name };
        fn.provider = { ...fn.provider!, type: "pulumi:providers:aws-native", urn: fn.provider!.urn.replace(":aws::", ":aws-native::") };
        return fn;
    }

    test("a traced one passes", async () => {
        const fn = nativeChatbot();
        assert.deepEqual(await violations(fn.inputs, fn), []);
    });

    test("an untraced one fails, named by its functionName", async () => {
        const fn = nativeChatbot();
        fn.inputs.tracingConfig = { mode: "PassThrough" };
        const found = await violations(fn.inputs, fn);
        assert.equal(found.length, 1);
        assert.match(found[0].message, /Lambda function "adot-tracing-dev-chatbot" \(chatbot-function\)/);
    });
});

describe("container image functions", () => {
    test("need active tracing only: layers are for .zip functions", async () => {
        const fn = chatbot();
        fn.inputs = { name: fn.inputs.name, role: fn.inputs.role, packageType: "Image", imageUri: "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:1", tracingConfig: { mode: "Active" } };
        assert.deepEqual(await violations(fn.inputs), []);
        fn.inputs.tracingConfig = { mode: "PassThrough" };
        assertOneViolation(await violations(fn.inputs), 'tracingConfig.mode to "Active"');
    });
});

describe("policy config", () => {
    test("an excluded function is not checked", async () => {
        const fn = chatbot();
        fn.inputs.tracingConfig = { mode: "PassThrough" };
        await engine.configure({ all: "mandatory", [policy]: { exclude: ["adot-tracing-*-chatbot"] } });
        try {
            assert.deepEqual(await violations(fn.inputs), []);
        } finally {
            await engine.configure(loadConfig("prod"));
        }
    });

    test("an own-built ADOT layer named in ownLayers stands in for ADOT's, with an ADOT wrapper", async () => {
        const fn = chatbot();
        fn.inputs.layers = ["arn:aws:lambda:us-west-2:123456789012:layer:my-adot-python:7"];
        await engine.configure({ all: "mandatory", [policy]: { ownLayers: ["arn:aws:lambda:*:123456789012:layer:my-adot-*"] } });
        try {
            assert.deepEqual(await violations(fn.inputs), []);
            fn.inputs.environment.variables.AWS_LAMBDA_EXEC_WRAPPER = "/opt/not-adot";
            assertOneViolation(await violations(fn.inputs), "AWS_LAMBDA_EXEC_WRAPPER=/opt/not-adot");
        } finally {
            await engine.configure(loadConfig("prod"));
        }
    });

    test("dev's config makes a violation advisory, prod's mandatory", async () => {
        const fn = variant("dev", "chatbot-function");
        fn.inputs.tracingConfig = { mode: "PassThrough" };
        await engine.configure(loadConfig("dev"));
        try {
            assert.deepEqual((await violations(fn.inputs)).map(diagnostic => diagnostic.enforcementLevel), ["advisory"]);
        } finally {
            await engine.configure(loadConfig("prod"));
        }

        assert.deepEqual((await violations(fn.inputs)).map(diagnostic => diagnostic.enforcementLevel), ["mandatory"]);
    });
});
