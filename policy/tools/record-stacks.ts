// Records this project's committed stacks as the Pulumi engine would hand them to a policy pack, without the Pulumi
// CLI or a cloud account: from the offline plan (`scripts/plan <stack> --json`), whose output for every committed stack
// is held equal to tests/Infra.Plan.Tests/golden/<stack>.json by the plan's golden tests.
//
//   node bin/tools/record-stacks.js                 read the golden files (fast; what the drift test does)
//   node bin/tools/record-stacks.js --from-plan     run scripts/plan instead (needs the .NET SDK)
//
// Each plan entry becomes the resource the program's components create for it (infra/Infra/Components/*.cs), with
// its type token, URN, parent and provider, its inputs as `pulumi up` sends them to `analyze`/`remediate` (the
// provider's camelCase property names), and its outputs as `analyzeStack` sees them after the update. The recording
// holds the resources these policies look at: the functions and their roles, the REST API stage, the sampling rules,
// the queues and the event source mapping, with their components and the stack. Values only the cloud knows (API ids)
// are placeholders; ARNs and URLs are the ones the plan prints or the documented form AWS gives them.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    provider?: { urn: string; type: string; name: string; props: Record<string, unknown> };
    inputs: Record<string, any>;
    outputs: Record<string, any>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

export interface RecordedStack {
    stack: string;
    project: string;
    recordedFrom: string;
    resources: RecordedResource[];
}

export const repositoryRoot = path.resolve(__dirname, "..", "..", "..");
export const fixturesDirectory = path.join(repositoryRoot, "policy", "test", "fixtures");
const goldenDirectory = path.join(repositoryRoot, "tests", "Infra.Plan.Tests", "golden");

/**
 * The committed app stacks: one golden plan file each. A foundation stack (`kind: foundation`: API Gateway's account
 * role, Transaction Search, Application Signals discovery, the collector) holds none of the resources these policies
 * check, so it is not recorded.
 */
export function committedStacks(): string[] {
    return fs.readdirSync(goldenDirectory).filter(file => file.endsWith(".json"))
        .filter(file => JSON.parse(fs.readFileSync(path.join(goldenDirectory, file), "utf8")).kind !== "foundation")
        .map(file => file.replace(/\.json$/, "")).sort();
}

export function planOf(stack: string, fromPlan = false): unknown {
    if (fromPlan) {
        return JSON.parse(execFileSync("bash", [path.join(repositoryRoot, "scripts", "plan"), stack, "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
    }

    return JSON.parse(fs.readFileSync(path.join(goldenDirectory, `${stack}.json`), "utf8"));
}

function projectName(): string {
    const match = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(repositoryRoot, "Pulumi.yaml"), "utf8"));
    if (!match) {
        throw new Error("Pulumi.yaml has no name");
    }

    return match[1];
}

/** The Pulumi archive signature (pulumi/pulumi sdk/nodejs/runtime/rpc.ts: specialSigKey, specialArchiveSig). */
const sigKey = "4dabf18193072939515e22adb298388d";
const archiveSig = "0def7320c3a5731c473e5ecbe6d01bc7";

type Plan = any;

export function record(stack: string, plan: Plan): RecordedStack {
    const project = projectName();
    const region: string = plan.region;
    const account: string = plan.account;
    const partition = region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    const resources: RecordedResource[] = [];
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const provider = (pkg: string) => ({
        urn: `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::default`,
        type: `pulumi:providers:${pkg}`,
        name: "default",
        props: { region },
    });

    resources.push({ urn: stackUrn, type: "pulumi:pulumi:Stack", name: `${project}-${stack}`, inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {} });

    function component(type: string, name: string): string {
        const urn = `urn:pulumi:${stack}::${project}::${type}::${name}`;
        resources.push({ urn, type, name, parent: stackUrn, inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {} });
        return urn;
    }

    function child(parentUrn: string, parentType: string, type: string, name: string, pkg: string, inputs: Record<string, unknown>,
        computed: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): string {
        const urn = `urn:pulumi:${stack}::${project}::${parentType}$${type}::${name}`;
        resources.push({
            urn, type, name, parent: parentUrn, provider: provider(pkg), inputs, outputs: { ...inputs, ...computed },
            dependencies: [...new Set(Object.values(propertyDependencies).flat())], propertyDependencies,
        });
        return urn;
    }

    const nativeTags = Object.entries(plan.tags as Record<string, string>).map(([key, value]) => ({ key, value }));
    const functionUrns = new Map<string, string>();
    for (const fn of plan.functions) {
        const componentType = "adot-tracing:lambda:TracedFunction";
        const parent = component(componentType, fn.key);
        const roleArn = `arn:${partition}:iam::${account}:role/${fn.role.name}`;
        const roleUrn = child(parent, componentType, "aws-native:iam:Role", `${fn.key}-role`, "aws-native", {
            roleName: fn.role.name,
            description: fn.role.description,
            assumeRolePolicyDocument: fn.role.trustPolicy,
            managedPolicyArns: fn.role.managedPolicyArns,
            policies: fn.role.inlinePolicies.map((policy: Plan) => ({ policyName: policy.name, policyDocument: policy.document })),
            tags: nativeTags,
        }, { arn: roleArn });
        functionUrns.set(fn.key, child(parent, componentType, "aws:lambda/function:Function", `${fn.key}-function`, "aws", {
            name: fn.functionName,
            description: fn.description,
            runtime: fn.runtime,
            handler: fn.handler,
            code: { [sigKey]: archiveSig, path: fn.code.path },
            architectures: [fn.architecture],
            memorySize: fn.memorySize,
            timeout: fn.timeoutSeconds,
            role: roleArn,
            layers: fn.layers,
            tracingConfig: { mode: fn.tracingMode },
            environment: { variables: fn.environment },
            loggingConfig: { logFormat: fn.logFormat, logGroup: fn.logGroupName },
            tags: plan.tags,
        }, { arn: `arn:${partition}:lambda:${region}:${account}:function:${fn.functionName}` }, { role: [roleUrn] }));
    }

    const apiType = "adot-tracing:api:TracedRestApi";
    const apiUrn = component(apiType, "chat");
    child(apiUrn, apiType, "aws-native:apigateway:Stage", "chat-stage", "aws-native", {
        restApiId: "<rest-api-id>",
        deploymentId: "<deployment-id>",
        stageName: plan.api.stageName,
        tracingEnabled: plan.api.tracingEnabled,
        methodSettings: [{
            httpMethod: "*", resourcePath: "/*", metricsEnabled: plan.api.metricsEnabled,
            throttlingRateLimit: plan.api.throttling.rateLimit, throttlingBurstLimit: plan.api.throttling.burstLimit,
        }],
        accessLogSetting: {
            destinationArn: `arn:${partition}:logs:${region}:${account}:log-group:${plan.api.accessLogs.logGroupName}`,
            format: plan.api.accessLogs.format,
        },
        tags: nativeTags,
    }, {});

    const samplingType = "adot-tracing:xray:SamplingRules";
    const samplingUrn = component(samplingType, "sampling");
    for (const rule of plan.sampling.rules) {
        const samplingRule: Record<string, unknown> = {
            ruleName: rule.ruleName, priority: rule.priority, fixedRate: rule.fixedRate, reservoirSize: rule.reservoirSize,
            serviceName: rule.serviceName, serviceType: rule.serviceType, host: rule.host, httpMethod: rule.httpMethod,
            urlPath: rule.urlPath, resourceArn: rule.resourceArn,
            // SamplingRule.Version: 1 is the only value X-Ray accepts (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html).
            version: 1,
        };
        if (rule.boost) {
            samplingRule.samplingRateBoost = { maxRate: rule.boost.maxRate, cooldownWindowMinutes: rule.boost.cooldownWindowMinutes };
        }

        child(samplingUrn, samplingType, "aws-native:xray:SamplingRule", `sampling-${rule.key}`, "aws-native",
            { ruleName: rule.ruleName, samplingRule, tags: nativeTags },
            { ruleArn: `arn:${partition}:xray:${region}:${account}:sampling-rule/${rule.ruleName}` });
    }

    const queueType = "adot-tracing:messaging:TracedQueue";
    const domain = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    for (const queue of plan.queues) {
        const parent = component(queueType, queue.key);
        // Queue URLs have the form https://sqs.<region>.amazonaws.com/<account>/<queue name>
        // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html).
        const url = (name: string) => `https://sqs.${region}.${domain}/${account}/${name}`;
        const deadLetterArn = `arn:${partition}:sqs:${region}:${account}:${queue.deadLetterName}`;
        const deadLetterUrn = child(parent, queueType, "aws-native:sqs:Queue", `${queue.key}-dlq`, "aws-native", {
            queueName: queue.deadLetterName, sqsManagedSseEnabled: queue.sqsManagedEncryption,
            messageRetentionPeriod: queue.deadLetterRetentionSeconds, tags: nativeTags,
        }, { arn: deadLetterArn, queueUrl: url(queue.deadLetterName) });
        const queueUrn = child(parent, queueType, "aws-native:sqs:Queue", `${queue.key}-queue`, "aws-native", {
            queueName: queue.name, sqsManagedSseEnabled: queue.sqsManagedEncryption, visibilityTimeout: queue.visibilityTimeoutSeconds,
            messageRetentionPeriod: queue.messageRetentionSeconds,
            redrivePolicy: { deadLetterTargetArn: deadLetterArn, maxReceiveCount: queue.maxReceiveCount },
            tags: nativeTags,
        }, { arn: queue.arn, queueUrl: url(queue.name) }, { redrivePolicy: [deadLetterUrn] });

        // The plan names the consuming function; the program gives it the queue's event source mapping.
        const consumer = plan.functions.find((fn: Plan) => fn.key === queue.consumer);
        if (!consumer) {
            throw new Error(`queue ${queue.name}: its consumer '${queue.consumer}' is none of the plan's functions`);
        }

        child(parent, queueType, "aws:lambda/eventSourceMapping:EventSourceMapping", `${queue.key}-consumer-mapping`, "aws", {
            eventSourceArn: queue.arn, functionName: consumer.functionName, batchSize: queue.batchSize,
            functionResponseTypes: queue.functionResponseTypes,
        }, {
            functionArn: `arn:${partition}:lambda:${region}:${account}:function:${consumer.functionName}`,
        }, { eventSourceArn: [queueUrn], functionName: [functionUrns.get(consumer.key)!] });
    }

    return { stack, project, recordedFrom: `scripts/plan ${stack} --json`, resources };
}

export function serialize(recorded: RecordedStack): string {
    return `${JSON.stringify(recorded, null, 2)}\n`;
}

if (require.main === module) {
    const fromPlan = process.argv.includes("--from-plan");
    fs.mkdirSync(fixturesDirectory, { recursive: true });
    for (const stack of committedStacks()) {
        const file = path.join(fixturesDirectory, `${stack}.json`);
        fs.writeFileSync(file, serialize(record(stack, planOf(stack, fromPlan))));
        console.log(`recorded ${path.relative(repositoryRoot, file)} from ${fromPlan ? "scripts/plan" : "the golden plan"} of ${stack}`);
    }
}
