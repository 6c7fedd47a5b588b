// Runs the policy pack the way `pulumi preview --policy-pack` does and talks to it over the analyzer protocol.
//
// The CLI starts a Node.js pack with @pulumi/pulumi's run-policy-pack (`node .../run-policy-pack <engine> <pack dir>`,
// which requires the pack's package.json main, here bin/index.js), reads the gRPC port the pack prints, then sends
// Configure (policy config and enforcement levels), Remediate and Analyze for each resource (its inputs), and
// AnalyzeStack once with every resource (its outputs). This harness does the same over 127.0.0.1, with the protobuf
// messages of @pulumi/pulumi/proto, so a test sees the diagnostics and remediations the CLI would.
import { ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import type { RecordedResource, RecordedStack } from "../tools/record-stacks";

const packDirectory = path.resolve(__dirname, "..", "..");
const protoRequire = createRequire(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
/* eslint-disable @typescript-eslint/no-explicit-any */
const grpc: any = protoRequire("@grpc/grpc-js");
const analyzerRpc: any = protoRequire("./analyzer_grpc_pb");
const analyzer: any = protoRequire("./analyzer_pb");
const { Struct }: any = protoRequire("google-protobuf/google/protobuf/struct_pb");
const { Empty }: any = protoRequire("google-protobuf/google/protobuf/empty_pb");

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
const levels: Record<EnforcementLevel, number> = {
    advisory: analyzer.EnforcementLevel.ADVISORY,
    mandatory: analyzer.EnforcementLevel.MANDATORY,
    remediate: analyzer.EnforcementLevel.REMEDIATE,
    disabled: analyzer.EnforcementLevel.DISABLED,
};
const levelNames = Object.fromEntries(Object.entries(levels).map(([name, value]) => [value, name])) as Record<number, EnforcementLevel>;

/** A policy pack config file as the CLI reads it: `{"all": level | {...}, "<policy>": level | {enforcementLevel?, ...}}`. */
export type PackConfig = Record<string, string | Record<string, unknown>>;

export interface Diagnostic { policyName: string; message: string; enforcementLevel: EnforcementLevel; urn: string }
export interface Remediation { policyName: string; properties?: Record<string, unknown>; diagnostic: string }

export interface PolicyInfo { name: string; enforcementLevel: EnforcementLevel; configSchema: Record<string, any> }

export function loadStack(stack: string): RecordedStack {
    return JSON.parse(fs.readFileSync(path.join(packDirectory, "test", "fixtures", `${stack}.json`), "utf8"));
}

export function loadConfig(name: string): PackConfig {
    return JSON.parse(fs.readFileSync(path.join(packDirectory, "config", `${name}.json`), "utf8"));
}

/** The packs shared by the test files of one process, one per config file, and how many files hold each. */
const shared = new Map<string, { engine: Promise<Engine>; holders: number }>();

export class Engine {
    private constructor(private readonly process: ChildProcess, private readonly client: any) {}

    /**
     * A pack configured with config/<name>.json, shared by every test file of this process that asks for the same
     * config (test/all.ts runs them all in one process), so the pack starts once per config rather than once per file.
     * Tests run one at a time; a test that configures it otherwise restores the named config before it ends.
     * Give it back with {@link Engine.release}.
     */
    static shared(name: string): Promise<Engine> {
        let entry = shared.get(name);
        if (!entry) {
            entry = {
                engine: Engine.start().then(async engine => {
                    await engine.configure(loadConfig(name));
                    return engine;
                }),
                holders: 0,
            };
            shared.set(name, entry);
        }

        entry.holders++;
        return entry.engine;
    }

    /** Gives back a pack from {@link Engine.shared}; the last holder stops it. */
    static async release(name: string): Promise<void> {
        const entry = shared.get(name);
        if (entry && --entry.holders === 0) {
            shared.delete(name);
            (await entry.engine).stop();
        }
    }

    /** Starts the pack from its built bin/ as the CLI does. AWS_REGION is cleared so only the resources and providers say where a function is. */
    static async start(): Promise<Engine> {
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
        const environment = { ...process.env };
        delete environment.AWS_REGION;
        delete environment.AWS_DEFAULT_REGION;
        const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: packDirectory, env: environment, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            let stderr = "";
            child.stdout!.on("data", chunk => {
                stdout += chunk;
                const match = /^(\d+)\s*$/m.exec(stdout);
                if (match) {
                    resolve(Number(match[1]));
                }
            });
            child.stderr!.on("data", chunk => { stderr += chunk; });
            child.on("exit", code => reject(new Error(`the policy pack exited with ${code} before serving:\n${stderr}`)));
        });
        const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return new Engine(child, client);
    }

    stop(): void {
        this.client.close();
        this.process.kill();
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) => this.client[method](request, (error: Error | null, response: T) => error ? reject(error) : resolve(response)));
    }

    async info(): Promise<PolicyInfo[]> {
        const response: any = await this.call("getAnalyzerInfo", new Empty());
        return response.getPoliciesList().map((policy: any) => ({
            name: policy.getName(),
            enforcementLevel: levelNames[policy.getEnforcementlevel()],
            configSchema: policy.getConfigschema()?.getProperties()?.toJavaScript() ?? {},
        }));
    }

    /**
     * Sends a pack config as the CLI does after reading it: every policy gets its own entry, `all` sets the level of
     * those that name none, and a plain string is an enforcement level
     * (https://www.pulumi.com/docs/iac/using-pulumi/crossguard/configuration/). Config values are checked against each
     * policy's schema first, as the CLI does, so a config file with a wrong key or type fails here too.
     */
    async configure(config: PackConfig): Promise<void> {
        const policies = await this.info();
        const entry = (value: string | Record<string, unknown> | undefined) => typeof value === "string" ? { enforcementLevel: value } : { ...(value ?? {}) };
        const all = entry(config.all);
        const unknown = Object.keys(config).filter(key => key !== "all" && !policies.some(policy => policy.name === key));
        if (unknown.length > 0) {
            throw new Error(`config names no policy of this pack: ${unknown.join(", ")}`);
        }

        const request = new analyzer.ConfigureAnalyzerRequest();
        for (const policy of policies) {
            const { enforcementLevel, ...properties } = entry(config[policy.name]);
            const level = (enforcementLevel ?? all.enforcementLevel ?? policy.enforcementLevel) as EnforcementLevel;
            if (!(level in levels)) {
                throw new Error(`${policy.name}: enforcement level '${level}' is not one of ${Object.keys(levels).join(", ")}`);
            }

            checkAgainstSchema(policy, properties);
            const policyConfig = new analyzer.PolicyConfig();
            policyConfig.setEnforcementlevel(levels[level]);
            policyConfig.setProperties(Struct.fromJavaScript(properties));
            request.getPolicyconfigMap().set(policy.name, policyConfig);
        }

        await this.call("configure", request);
    }

    async analyze(resource: RecordedResource, inputs: Record<string, unknown> = resource.inputs): Promise<Diagnostic[]> {
        return diagnostics(await this.call("analyze", analyzeRequest(resource, inputs)));
    }

    async remediate(resource: RecordedResource, inputs: Record<string, unknown> = resource.inputs): Promise<Remediation[]> {
        const response: any = await this.call("remediate", analyzeRequest(resource, inputs));
        return response.getRemediationsList().map((remediation: any) => ({
            policyName: remediation.getPolicyname(),
            properties: remediation.getProperties()?.toJavaScript(),
            diagnostic: remediation.getDiagnostic(),
        }));
    }

    /** What `pulumi up` sends `analyze` after remediation: the last remediated properties, or the inputs unchanged. */
    async remediated(resource: RecordedResource, inputs: Record<string, unknown> = resource.inputs): Promise<Record<string, unknown>> {
        const changed = (await this.remediate(resource, inputs)).filter(remediation => remediation.properties);
        return changed.length > 0 ? changed[changed.length - 1].properties! : inputs;
    }

    async analyzeStack(resources: RecordedResource[]): Promise<Diagnostic[]> {
        const request = new analyzer.AnalyzeStackRequest();
        request.setResourcesList(resources.map(resource => {
            const message = new analyzer.AnalyzerResource();
            message.setType(resource.type);
            message.setName(resource.name);
            message.setUrn(resource.urn);
            message.setProperties(Struct.fromJavaScript(resource.outputs));
            message.setOptions(options(resource));
            if (resource.provider) {
                message.setProvider(providerOf(resource));
            }

            if (resource.parent) {
                message.setParent(resource.parent);
            }

            message.setDependenciesList(resource.dependencies);
            for (const [property, urns] of Object.entries(resource.propertyDependencies)) {
                const dependencies = new analyzer.AnalyzerPropertyDependencies();
                dependencies.setUrnsList(urns);
                message.getPropertydependenciesMap().set(property, dependencies);
            }

            return message;
        }));
        return diagnostics(await this.call("analyzeStack", request));
    }
}

/** What the engine sends to analyze or remediate one resource: its type, name, URN, inputs, options and provider. */
function analyzeRequest(resource: RecordedResource, inputs: Record<string, unknown>): unknown {
    const request = new analyzer.AnalyzeRequest();
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(resource.urn);
    request.setProperties(Struct.fromJavaScript(inputs));
    request.setOptions(options(resource));
    if (resource.provider) {
        request.setProvider(providerOf(resource));
    }

    return request;
}

function options(resource: RecordedResource): unknown {
    const message = new analyzer.AnalyzerResourceOptions();
    message.setProtect(false);
    if (resource.parent) {
        message.setParent(resource.parent);
    }

    return message;
}

function providerOf(resource: RecordedResource): unknown {
    const provider = new analyzer.AnalyzerProviderResource();
    provider.setType(resource.provider!.type);
    provider.setName(resource.provider!.name);
    provider.setUrn(resource.provider!.urn);
    provider.setProperties(Struct.fromJavaScript(resource.provider!.props));
    return provider;
}

function diagnostics(response: any): Diagnostic[] {
    return response.getDiagnosticsList().map((diagnostic: any) => ({
        policyName: diagnostic.getPolicyname(),
        message: diagnostic.getMessage(),
        enforcementLevel: levelNames[diagnostic.getEnforcementlevel()],
        urn: diagnostic.getUrn(),
    }));
}

/** The checks the CLI's JSON Schema validation makes that these schemas use: known keys, type, enum, item type, minimum. */
function checkAgainstSchema(policy: PolicyInfo, properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
        const schema = policy.configSchema[key];
        if (!schema) {
            throw new Error(`${policy.name}: config key '${key}' is not in its schema (${Object.keys(policy.configSchema).join(", ")})`);
        }

        const fits = (candidate: unknown, type: string) => type === "array" ? Array.isArray(candidate)
            : type === "integer" ? Number.isInteger(candidate) : typeof candidate === type;
        if (!fits(value, schema.type) || (schema.enum && !schema.enum.includes(value))
            || (schema.items && !(value as unknown[]).every(item => fits(item, schema.items.type)))
            || (schema.minimum !== undefined && (value as number) < schema.minimum)) {
            throw new Error(`${policy.name}: config ${key}=${JSON.stringify(value)} does not fit its schema ${JSON.stringify(schema)}`);
        }
    }
}
