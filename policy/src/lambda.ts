// Lambda functions traced: active tracing, an ADOT layer from ADOT's publishing account for the function's Region,
// runtime and architecture, and that layer's exec wrapper. With enforcement level `remediate` the policy adds what is
// missing before the function is deployed, the way vendor constructs instrument every function of a CDK app.
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import type { FunctionArgs as AwsFunctionArgs } from "@pulumi/aws/lambda/function";
import type { FunctionArgs as NativeFunctionArgs } from "@pulumi/aws-native/lambda/function";
import type { Unwrap } from "@pulumi/pulumi";
import {
    AdotLayer, Flavor, allExecWrappers, execWrapperVariable, identifyAdotLayer, layerProblems, resolveLayer,
} from "./catalog";
import { ExcludeConfig, globMatches, isExcluded, schemaWith, stringProp } from "./config";
import { known, label } from "./known";
import { functionTypes, tokens } from "./tokens";

type FunctionProps = Unwrap<AwsFunctionArgs> & Unwrap<NativeFunctionArgs>;

export interface LambdaConfig extends ExcludeConfig {
    flavor?: Flavor;
    ownLayers?: string[];
}

export const defaultFlavor: Flavor = "distro";

/** "You can add up to five layers to a Lambda function." https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html */
export const maxLayersPerFunction = 5;

/** Lambda's default instruction set when a function names none (https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html). */
const defaultArchitecture = "x86_64";

/** What the policy reads of a function, the same for the aws and aws-native providers (both spell these alike). */
interface FunctionFacts {
    label: string;
    names: (string | undefined)[];
    tracingMode?: string;
    packageType?: string;
    runtime?: string;
    architecture: string;
    layers: string[];
    wrapper?: string;
    region?: string;
}

function factsOf(args: ResourceValidationArgs): FunctionFacts {
    const props = args.props as FunctionProps;
    const physical = known(() => stringProp(args.type === tokens.awsFunction ? props.name : props.functionName));
    return {
        label: label("Lambda function", physical, args.name),
        names: [args.name, args.urn, physical],
        tracingMode: stringProp(props.tracingConfig?.mode),
        packageType: stringProp(props.packageType),
        runtime: stringProp(props.runtime),
        architecture: stringProp(props.architectures?.[0]) ?? defaultArchitecture,
        layers: [...(props.layers ?? [])].filter((layer): layer is string => typeof layer === "string"),
        wrapper: stringProp(props.environment?.variables?.[execWrapperVariable]),
        region: regionOf(args),
    };
}

/**
 * The function's Region: the aws provider's per-resource `region` (aws 7), then the provider's configured Region
 * (`aws:region` / `aws-native:region`), then the AWS_REGION / AWS_DEFAULT_REGION the CLI runs with, as the providers
 * themselves fall back to.
 */
function regionOf(args: ResourceValidationArgs): string | undefined {
    return stringProp((args.props as FunctionProps).region)
        ?? stringProp(args.provider?.props?.region)
        ?? process.env.AWS_REGION
        ?? process.env.AWS_DEFAULT_REGION;
}

/** How the function should look: the changes remediation makes, or why it must leave the function as it is. */
type Plan =
    | { blocked: string }
    | { tracing: boolean; layer?: { add: string; remove: string[] }; wrapper?: string };

function plan(facts: FunctionFacts, config: LambdaConfig): Plan {
    const tracing = facts.tracingMode !== "Active";
    if (facts.packageType === "Image") {
        // Layers are for .zip functions only (https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html): an
        // image brings its own instrumentation, so active tracing is all the policy can ask of it.
        return { tracing };
    }

    if (!facts.runtime) {
        return { blocked: `${facts.label} declares no runtime, so no ADOT layer can be chosen for it` };
    }

    if (!facts.region) {
        return { blocked: `the Region of ${facts.label} is not known to the policy (set the provider's region or AWS_REGION)` };
    }

    const own = facts.layers.filter(layer => isOwnLayer(layer, config));
    const adot = facts.layers.map(identifyAdotLayer).filter((layer): layer is AdotLayer => layer !== undefined);
    const sound = adot.filter(layer => layerProblems(layer, facts.runtime!, facts.architecture, facts.region!).length === 0);
    let wrappers: readonly string[];
    let layer: { add: string; remove: string[] } | undefined;
    if (own.length > 0) {
        wrappers = allExecWrappers;
    } else if (sound.length > 0) {
        wrappers = sound[0].execWrappers;
    } else {
        const resolved = resolveLayer(config.flavor ?? defaultFlavor, facts.runtime, facts.architecture, facts.region);
        if ("error" in resolved) {
            return { blocked: `${facts.label} cannot be traced with an ADOT layer: ${resolved.error}` };
        }

        const remove = adot.map(candidate => candidate.arn);
        if (facts.layers.length - remove.length + 1 > maxLayersPerFunction) {
            return { blocked: `${facts.label} already has ${facts.layers.length} layers, the most a function can have (${maxLayersPerFunction}); make room for ${resolved.arn}` };
        }

        layer = { add: resolved.arn, remove };
        wrappers = [resolved.execWrapper];
    }

    if (facts.wrapper !== undefined && !wrappers.includes(facts.wrapper)) {
        if (!allExecWrappers.includes(facts.wrapper)) {
            // Another tool's wrapper: replacing it would silently switch that tool off.
            return { blocked: `${facts.label} runs ${execWrapperVariable}=${facts.wrapper}, which is not an ADOT wrapper; the ADOT layer needs ${wrappers.join(" or ")}` };
        }
    }

    return {
        tracing,
        layer,
        wrapper: facts.wrapper !== undefined && wrappers.includes(facts.wrapper) ? undefined : wrappers[0],
    };
}

function isOwnLayer(arn: string, config: LambdaConfig): boolean {
    return (config.ownLayers ?? []).some(pattern => globMatches(pattern, arn));
}

/** Every violation of a function, each naming the function and the fix. */
export function functionViolations(args: ResourceValidationArgs, config: LambdaConfig): string[] {
    const facts = factsOf(args);
    if (isExcluded(config, facts.names)) {
        return [];
    }

    const violations: string[] = [];
    if (facts.tracingMode !== "Active") {
        violations.push(`${facts.label} has tracing mode ${facts.tracingMode ?? "unset (PassThrough)"}: set tracingConfig.mode to "Active" so Lambda sends a segment for every sampled invocation.`);
    }

    if (facts.packageType === "Image") {
        return violations;
    }

    const adot = facts.layers.map(identifyAdotLayer).filter((layer): layer is AdotLayer => layer !== undefined);
    const own = facts.layers.filter(layer => isOwnLayer(layer, config));
    for (const layer of adot) {
        const region = facts.region ?? layer.parsed.region;
        for (const problem of layerProblems(layer, facts.runtime ?? "(no runtime)", facts.architecture, region)) {
            violations.push(`${facts.label}: ${problem}.${replacement(facts, config)}`);
        }
    }

    if (adot.length > 1) {
        violations.push(`${facts.label} has ${adot.length} ADOT layers (${adot.map(layer => layer.arn).join(", ")}); keep one, each starts its own instrumentation.`);
    }

    if (adot.length === 0 && own.length === 0) {
        const remedy = plan(facts, config);
        violations.push("blocked" in remedy
            ? `${facts.label} has no ADOT layer, and the policy cannot add one: ${remedy.blocked}. Fix that, or list the function under this policy's exclude.`
            : `${facts.label} has no ADOT layer: add ${remedy.layer?.add} to layers (or apply this policy with enforcement level "remediate").`);
    }

    const wrappers = own.length > 0 ? allExecWrappers : adot[0]?.execWrappers;
    if (wrappers && (facts.wrapper === undefined || !wrappers.includes(facts.wrapper))) {
        violations.push(`${facts.label} ${facts.wrapper === undefined ? `does not set ${execWrapperVariable}` : `sets ${execWrapperVariable}=${facts.wrapper}`}: `
            + `its ADOT layer starts only through ${wrappers.join(" or ")}; set environment.variables.${execWrapperVariable} to ${wrappers[0]}.`);
    }

    return violations;
}

function replacement(facts: FunctionFacts, config: LambdaConfig): string {
    if (!facts.runtime || !facts.region) {
        return "";
    }

    const resolved = resolveLayer(config.flavor ?? defaultFlavor, facts.runtime, facts.architecture, facts.region);
    return "arn" in resolved ? ` Use ${resolved.arn}.` : "";
}

/**
 * The function with tracing added, keeping its own layers and variables, or undefined when nothing is missing or the
 * function cannot be fully instrumented (the validation then reports why). Props are changed in place: the engine
 * hands them behind proxies that stop a read of a value preview cannot know yet, so only the fields changed are read.
 */
export function remediateFunction(args: ResourceValidationArgs, config: LambdaConfig): Record<string, unknown> | undefined {
    const facts = factsOf(args);
    if (isExcluded(config, facts.names)) {
        return undefined;
    }

    const change = plan(facts, config);
    if ("blocked" in change || (!change.tracing && !change.layer && !change.wrapper)) {
        return undefined;
    }

    const props = args.props as FunctionProps & Record<string, unknown>;
    if (change.tracing) {
        props.tracingConfig = { mode: "Active" };
    }

    if (change.layer) {
        const { add, remove } = change.layer;
        props.layers = [...facts.layers.filter(layer => !remove.includes(layer)), add];
    }

    if (change.wrapper) {
        if (props.environment?.variables) {
            props.environment.variables[execWrapperVariable] = change.wrapper;
        } else if (props.environment) {
            props.environment.variables = { [execWrapperVariable]: change.wrapper };
        } else {
            props.environment = { variables: { [execWrapperVariable]: change.wrapper } };
        }
    }

    return props;
}

export const lambdaFunctionTraced: ResourceValidationPolicy = {
    name: "lambda-function-traced",
    description: "Lambda functions have active X-Ray tracing, ADOT's layer for their Region, runtime and architecture, and that layer's exec wrapper.",
    remediationSteps: `Set tracingConfig.mode to "Active", add the ADOT layer the message names and set ${execWrapperVariable}; `
        + `or run this policy with enforcement level "remediate" to have it done before deployment.`,
    url: "https://aws-otel.github.io/docs/getting-started/lambda",
    configSchema: schemaWith({
        flavor: {
            type: "string",
            enum: ["distro", "legacy"],
            default: defaultFlavor,
            description: "The ADOT layer family remediation adds: distro (AWSOpenTelemetryDistro*, Application Signals) or legacy (aws-otel-*, with a collector inside). Either passes validation.",
        },
        ownLayers: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Glob patterns of layer ARNs of ADOT layers you build yourself, accepted in place of ADOT's public ones; the function must still run one of ADOT's exec wrappers.",
        },
    }),
    validateResource: (args, reportViolation) => {
        if (!functionTypes.includes(args.type)) {
            return;
        }

        for (const violation of functionViolations(args, args.getConfig<LambdaConfig>())) {
            reportViolation(violation);
        }
    },
    remediateResource: args => functionTypes.includes(args.type) ? remediateFunction(args, args.getConfig<LambdaConfig>()) : undefined,
};
