// Remediation: with enforcement level `remediate`, lambda-function-traced adds what tracing needs before the function is
// deployed, keeps the function's own layers and variables, and leaves a function it cannot fully instrument unchanged
// (the validation reports it).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Engine, loadConfig, loadStack } from "./engine";
import {
    chatbot, distroRuntimeOf, distroWrapper, functionIn, legacyWrappers, publishedDistroLayers, publishedLegacyReleases, resourcesOfType,
    stacks, unknownString, untraced,
} from "./helpers";

const policy = "lambda-function-traced";
let engine: Engine;
before(async () => { engine = await Engine.shared("remediate"); });
after(() => Engine.release("remediate"));

/** The remediation of this policy, or undefined when it changed nothing. */
async function remediation(resource = chatbot(), inputs = resource.inputs): Promise<Record<string, any> | undefined> {
    return (await engine.remediate(resource, inputs)).find(result => result.policyName === policy)?.properties;
}

describe("an untraced function of a committed stack is instrumented as the program instruments it", () => {
    for (const stack of stacks) {
        for (const fn of resourcesOfType(loadStack(stack), "aws:lambda/function:Function")) {
            test(`${stack} ${fn.name}: remediating it without tracing, layer and wrapper gives back the committed function`, async () => {
                assert.deepEqual(await remediation(fn, untraced(fn.inputs)), fn.inputs);
            });

            test(`${stack} ${fn.name}: the remediated function passes every policy, at the level remediate is reported at (mandatory)`, async () => {
                const remediated = await engine.remediated(fn, untraced(fn.inputs));
                assert.notDeepEqual(remediated, untraced(fn.inputs));
                assert.deepEqual(await engine.analyze(fn, remediated), []);
            });
        }
    }

    test("without remediation the same untraced function fails", async () => {
        const fn = chatbot();
        const found = await engine.analyze(fn, untraced(fn.inputs));
        assert.ok(found.some(diagnostic => diagnostic.policyName === policy && diagnostic.enforcementLevel === "mandatory"));
    });
});

describe("remediation keeps what the function had", () => {
    test("its own layers and variables", async () => {
        const fn = chatbot();
        const inputs = untraced(fn.inputs);
        inputs.layers = ["arn:aws:lambda:us-west-2:123456789012:layer:shared-deps:3"];
        inputs.environment.variables.TABLE = "answers";
        const remediated = (await remediation(fn, inputs))!;
        assert.deepEqual(remediated.layers, ["arn:aws:lambda:us-west-2:123456789012:layer:shared-deps:3", fn.inputs.layers[0]]);
        assert.equal(remediated.environment.variables.TABLE, "answers");
        assert.equal(remediated.environment.variables.QUEUE_URL, fn.inputs.environment.variables.QUEUE_URL);
        assert.equal(remediated.environment.variables.AWS_LAMBDA_EXEC_WRAPPER, distroWrapper);
        assert.deepEqual(remediated.code, fn.inputs.code, "the code archive travels through unchanged");
    });

    test("a function with no environment at all gets one holding only the wrapper", async () => {
        const fn = chatbot();
        const inputs = untraced(fn.inputs);
        delete inputs.environment;
        assert.deepEqual((await remediation(fn, inputs))!.environment, { variables: { AWS_LAMBDA_EXEC_WRAPPER: distroWrapper } });
    });

    test("during preview, values not known yet stay unknown and unread", async () => {
        const fn = chatbot();
        const inputs = untraced(fn.inputs);
        inputs.role = unknownString;
        inputs.environment.variables.QUEUE_URL = unknownString;
        const remediated = (await remediation(fn, inputs))!;
        assert.equal(remediated.role, unknownString);
        assert.equal(remediated.environment.variables.QUEUE_URL, unknownString);
        assert.deepEqual(remediated.tracingConfig, { mode: "Active" });
    });

    test("a layer from the wrong account is replaced, not kept beside the right one", async () => {
        const fn = chatbot();
        const inputs = copyWith(fn.inputs, { layers: [fn.inputs.layers[0].replace(/:\d{12}:/, ":123456789012:")] });
        assert.deepEqual((await remediation(fn, inputs))!.layers, fn.inputs.layers);
    });
});

describe("the layer added is ADOT's published one for the function's Region, runtime and architecture", () => {
    test("every published distro layer, in every Region it is published in", async () => {
        const published = publishedDistroLayers();
        assert.ok(published.length > 100);
        for (const row of published) {
            const fn = functionIn(row.region, distroRuntimeOf[row.language]);
            const remediated = await remediation(fn);
            assert.deepEqual(remediated?.layers, [row.arn], `${row.language} in ${row.region}`);
            assert.equal(remediated?.environment.variables.AWS_LAMBDA_EXEC_WRAPPER, distroWrapper);
        }
    });

    test("where ADOT publishes no distro layer for the language, the function is left unchanged and reported", async () => {
        const published = new Set(publishedDistroLayers().map(row => `${row.language} ${row.region}`));
        const regions = [...new Set(publishedDistroLayers().map(row => row.region))];
        let unpublished = 0;
        for (const language of Object.keys(distroRuntimeOf)) {
            for (const region of regions.filter(candidate => !published.has(`${language} ${candidate}`))) {
                unpublished++;
                const fn = functionIn(region, distroRuntimeOf[language]);
                assert.equal(await remediation(fn), undefined, `${language} in ${region}`);
                const found = (await engine.analyze(fn)).filter(diagnostic => diagnostic.policyName === policy);
                assert.ok(found.some(diagnostic => diagnostic.message.includes(region) && diagnostic.message.includes("cannot add one")), `${language} in ${region}`);
            }
        }

        assert.ok(unpublished > 0, "the published table has Regions without some language (me-south-1 has only Node.js)");
    });

    test("the legacy flavor adds the newest published legacy release, per architecture, with its wrapper", async () => {
        await engine.configure({ all: "mandatory", [policy]: { enforcementLevel: "remediate", flavor: "legacy" } });
        try {
            const newest = new Map<string, ReturnType<typeof publishedLegacyReleases>[number]>();
            for (const release of publishedLegacyReleases()) {
                if (!newest.has(release.key)) {
                    newest.set(release.key, release);
                }
            }

            for (const [key, release] of newest) {
                for (const region of release.regions) {
                    for (const [architecture, inName] of [["x86_64", "amd64"], ["arm64", "arm64"]]) {
                        const remediated = await remediation(functionIn(region, release.runtimes[0], architecture));
                        assert.deepEqual(remediated?.layers, [release.arnFormat.replace("<region>", region).replace("<architecture>", inName)], `${key} ${region} ${architecture}`);
                        assert.equal(remediated?.environment.variables.AWS_LAMBDA_EXEC_WRAPPER, legacyWrappers[key]);
                    }
                }
            }
        } finally {
            await engine.configure(loadConfig("remediate"));
        }
    });

    test("the function's own region setting (aws 7) wins over the provider's", async () => {
        const fn = functionIn("us-west-2", "python3.12");
        fn.inputs.region = "eu-central-1";
        const expected = publishedDistroLayers().find(row => row.language === "python" && row.region === "eu-central-1")!.arn;
        assert.deepEqual((await remediation(fn))?.layers, [expected]);
    });
});

describe("a function that cannot be fully instrumented is left as it is and reported", () => {
    async function assertUnchangedAndReported(fn: ReturnType<typeof chatbot>, fragment: string) {
        assert.equal(await remediation(fn), undefined);
        const found = (await engine.analyze(fn)).filter(diagnostic => diagnostic.policyName === policy);
        assert.ok(found.some(diagnostic => diagnostic.message.includes(fragment)), found.map(diagnostic => diagnostic.message).join("\n"));
    }

    test("a runtime without an ADOT layer (not even active tracing is set)", async () => {
        const fn = functionIn("us-west-2", "ruby3.3");
        await assertUnchangedAndReported(fn, "ruby3.3");
    });

    test("an architecture the runtime's layer is not built for", async () => {
        // Core's resolver refuses the .NET distro layer on arm64 (tests/Infra.Core.Tests LayerErrorMessageTests); so does the pack.
        await assertUnchangedAndReported(functionIn("us-west-2", "dotnet8", "arm64"), "x86_64");
    });

    test("a function whose Region nothing states", async () => {
        const fn = functionIn("us-west-2", "python3.12");
        fn.provider!.props = {};
        await assertUnchangedAndReported(fn, "Region");
    });

    test("another tool's exec wrapper is not replaced", async () => {
        const fn = functionIn("us-west-2", "python3.12");
        fn.inputs.environment.variables.AWS_LAMBDA_EXEC_WRAPPER = "/opt/another-vendor-wrapper";
        await assertUnchangedAndReported(fn, "/opt/another-vendor-wrapper");
    });

    test("a function already at Lambda's five layers", async () => {
        // "You can add up to five layers to a Lambda function." https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html
        const fn = functionIn("us-west-2", "python3.12");
        fn.inputs.layers = [1, 2, 3, 4, 5].map(n => `arn:aws:lambda:us-west-2:123456789012:layer:deps-${n}:1`);
        await assertUnchangedAndReported(fn, "5 layers");
    });

    test("an excluded function", async () => {
        await engine.configure({ all: "mandatory", [policy]: { enforcementLevel: "remediate", exclude: ["chatbot-function"] } });
        try {
            assert.equal(await remediation(functionIn("us-west-2", "python3.12")), undefined);
        } finally {
            await engine.configure(loadConfig("remediate"));
        }
    });
});

test("remediation runs only at enforcement level remediate", async () => {
    await engine.configure(loadConfig("prod"));
    try {
        assert.equal(await remediation(functionIn("us-west-2", "python3.12")), undefined);
    } finally {
        await engine.configure(loadConfig("remediate"));
    }
});

function copyWith(inputs: Record<string, any>, changes: Record<string, unknown>): Record<string, any> {
    return { ...JSON.parse(JSON.stringify(inputs)), ...changes };
}
