// Test data: the recorded stacks, variants of their resources, and the recorded copies of ADOT's published layer
// tables that the project's C# tests check the catalog against (tests/Infra.Core.Tests/Lambda/*.tsv). Expected layer
// ARNs come from those tables, never from data/adot-layers.json, the file the policies read.
import * as fs from "node:fs";
import * as path from "node:path";
import type { RecordedResource, RecordedStack } from "../tools/record-stacks";
import { loadStack } from "./engine";

/* eslint-disable @typescript-eslint/no-explicit-any */

const repositoryRoot = path.resolve(__dirname, "..", "..", "..");

export const stacks = ["dev", "staging", "prod"];

/**
 * The value the engine sends for a string not known during preview (pulumi/pulumi sdk/nodejs/runtime/rpc.ts,
 * unknownValue; the same sentinel @pulumi/policy's proxy.ts checks).
 */
export const unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value));
}

export function resourcesOfType(stack: RecordedStack, type: string): RecordedResource[] {
    return stack.resources.filter(resource => resource.type === type);
}

export function resourceNamed(stack: RecordedStack, name: string): RecordedResource {
    const found = stack.resources.find(resource => resource.name === name);
    if (!found) {
        throw new Error(`no resource ${name} in the recorded ${stack.stack} stack`);
    }

    return found;
}

/** A copy of a recorded stack's resource, to change for a variant. */
export function variant(stack: string, name: string): RecordedResource {
    return copy(resourceNamed(loadStack(stack), name));
}

/** The dev chatbot function as recorded: aws:lambda/function:Function, python3.12, x86_64, us-west-2. */
export function chatbot(): RecordedResource {
    return variant("dev", "chatbot-function");
}

/** The exec wrapper the distro layers need, for every language (Application Signals' Lambda setup, "AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument":
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html). */
export const distroWrapper = "/opt/otel-instrument";

/** The legacy layers' wrappers, per ADOT's language pages (https://aws-otel.github.io/docs/getting-started/lambda/lambda-python, -js, -java). */
export const legacyWrappers: Record<string, string> = { "python": "/opt/otel-instrument", "nodejs": "/opt/otel-handler", "java-wrapper": "/opt/otel-handler" };

/** The inputs with what tracing needs taken out: tracing mode, ADOT layers (recognised by ADOT's layer names), wrapper. */
export function untraced(inputs: Record<string, any>): Record<string, any> {
    const stripped = copy(inputs);
    delete stripped.tracingConfig;
    stripped.layers = (stripped.layers ?? []).filter((arn: string) => !/:layer:(AWSOpenTelemetryDistro|aws-otel-)/.test(arn));
    if (stripped.environment?.variables) {
        delete stripped.environment.variables.AWS_LAMBDA_EXEC_WRAPPER;
    }

    return stripped;
}

function tsv(file: string): string[][] {
    return fs.readFileSync(path.join(repositoryRoot, "tests", "Infra.Core.Tests", "Lambda", file), "utf8")
        .split("\n").filter(line => line.length > 0 && !line.startsWith("#")).map(line => line.split("\t"));
}

/** ADOT's distro layers as published: language, Region, ARN (distro-layer-arns.tsv names its source and commit). */
export function publishedDistroLayers(): { language: string; region: string; arn: string }[] {
    return tsv("distro-layer-arns.tsv").map(([language, region, arn]) => ({ language, region, arn }));
}

/** ADOT's legacy layer releases as published, newest first per family (legacy-layer-arns.tsv names its source and commit). */
export function publishedLegacyReleases(): { key: string; arnFormat: string; regions: string[]; runtimes: string[] }[] {
    return tsv("legacy-layer-arns.tsv").map(([key, arnFormat, regions, runtimes]) => ({ key, arnFormat, regions: regions.split(" "), runtimes: runtimes.split(" ") }));
}

/** A runtime of each distro language that ADOT's supported-runtime table lists (see DistroCatalogSnapshotTests). */
export const distroRuntimeOf: Record<string, string> = { python: "python3.12", nodejs: "nodejs20.x", java: "java21", dotnet: "dotnet8" };

/** A function like the chatbot, with another runtime and Region (set on the provider, as `aws:region` does). */
export function functionIn(region: string, runtime: string, architecture = "x86_64"): RecordedResource {
    const fn = chatbot();
    fn.provider!.props = { region };
    fn.inputs = untraced(fn.inputs);
    fn.inputs.runtime = runtime;
    fn.inputs.architectures = [architecture];
    return fn;
}
