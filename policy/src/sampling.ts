// X-Ray sampling rules that do what they say. Two facts from AWS's documentation:
// - Adaptive sampling boosts a rule only for traces whose root service runs a supported ADOT SDK (Java 2.11.5+,
//   Python 0.15.0+) with the CloudWatch agent or an OpenTelemetry collector, and the sampling decision is made at the
//   root service (https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html). A rule whose service
//   type is an API Gateway stage is matched where API Gateway itself starts the trace, not an ADOT SDK, so its boost
//   never fires and only suggests a safety net that is not there.
// - ReservoirSize is "a fixed number of matching requests to instrument per second, prior to applying the fixed rate"
//   (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html): a critical path with a reservoir of 0 and a
//   small fixed rate can go unseen for minutes at low traffic.
import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import type { SamplingRuleArgs as AwsSamplingRuleArgs } from "@pulumi/aws/xray/samplingRule";
import type { SamplingRuleArgs as NativeSamplingRuleArgs } from "@pulumi/aws-native/xray/samplingRule";
import type { Unwrap } from "@pulumi/pulumi";
import { ExcludeConfig, globMatches, isExcluded, schemaWith, stringProp } from "./config";
import { known, label } from "./known";
import { tokens } from "./tokens";

/** The X-Ray service type of an API Gateway stage (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html). */
export const apiGatewayStageServiceType = "AWS::ApiGateway::Stage";

export interface SamplingConfig extends ExcludeConfig {
    criticalRuleNames?: string[];
    criticalPaths?: string[];
    minimumCriticalReservoir?: number;
}

export const samplingDefaults = {
    criticalRuleNames: ["*critical*"],
    criticalPaths: [] as string[],
    minimumCriticalReservoir: 1,
};

type NativeRuleProps = Unwrap<NativeSamplingRuleArgs>;
type RuleFields = Partial<Unwrap<AwsSamplingRuleArgs>> & { samplingRateBoost?: { maxRate?: number; cooldownWindowMinutes?: number } };

/** The rule's fields: aws spells them on the resource, aws-native inside samplingRule (or samplingRuleRecord.samplingRule). */
function ruleOf(args: ResourceValidationArgs): RuleFields | undefined {
    if (args.type === tokens.awsSamplingRule) {
        return args.props as RuleFields;
    }

    const props = args.props as NativeRuleProps;
    return (props.samplingRule ?? props.samplingRuleRecord?.samplingRule) as RuleFields | undefined;
}

export function samplingRuleViolations(args: ResourceValidationArgs, config: SamplingConfig): string[] {
    const rule = ruleOf(args);
    if (!rule) {
        return [];
    }

    const ruleName = known(() => stringProp(rule.ruleName) ?? stringProp((args.props as NativeRuleProps).ruleName));
    if (isExcluded(config, [args.name, args.urn, ruleName])) {
        return [];
    }

    const name = label("X-Ray sampling rule", ruleName, args.name);
    const violations: string[] = [];
    const serviceType = stringProp(rule.serviceType);
    if (rule.samplingRateBoost && serviceType?.toLowerCase() === apiGatewayStageServiceType.toLowerCase()) {
        violations.push(`${name} has an adaptive boost (maxRate ${rule.samplingRateBoost.maxRate}) but applies to service type ${serviceType}: `
            + "X-Ray boosts only traces whose root runs an ADOT SDK, and an API Gateway stage is the root of its traces, so this boost never fires. "
            + "Remove samplingRateBoost, or move it to a rule for the ADOT-instrumented service that starts its own traces.");
    }

    const urlPath = stringProp(rule.urlPath);
    const critical = (config.criticalRuleNames ?? samplingDefaults.criticalRuleNames).some(pattern => ruleName !== undefined && globMatches(pattern, ruleName))
        || (config.criticalPaths ?? samplingDefaults.criticalPaths).some(pattern => urlPath !== undefined && globMatches(pattern, urlPath));
    const minimum = config.minimumCriticalReservoir ?? samplingDefaults.minimumCriticalReservoir;
    const reservoir = typeof rule.reservoirSize === "number" ? rule.reservoirSize : 0;
    if (critical && reservoir < minimum) {
        violations.push(`${name} covers a critical path (${urlPath ?? "any path"}) with a reservoir of ${reservoir}: `
            + `set reservoirSize to at least ${minimum} so the path is traced every second whatever its fixed rate (${rule.fixedRate}).`);
    }

    return violations;
}

export const samplingRulesSane: ResourceValidationPolicy = {
    name: "xray-sampling-rules-sane",
    description: "X-Ray sampling rules do what they say: no adaptive boost on a rule for an API Gateway stage, where it never fires, and a reservoir on every critical path.",
    remediationSteps: "Remove samplingRateBoost from rules whose serviceType is AWS::ApiGateway::Stage; give critical-path rules a reservoirSize of at least the configured minimum.",
    url: "https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html",
    configSchema: schemaWith({
        criticalRuleNames: {
            type: "array",
            items: { type: "string" },
            default: samplingDefaults.criticalRuleNames,
            description: "Glob patterns of rule names that guard a critical path.",
        },
        criticalPaths: {
            type: "array",
            items: { type: "string" },
            default: samplingDefaults.criticalPaths,
            description: "Glob patterns matched against a rule's urlPath: a rule whose urlPath matches guards a critical path.",
        },
        minimumCriticalReservoir: {
            type: "integer",
            minimum: 1,
            default: samplingDefaults.minimumCriticalReservoir,
            description: "The reservoir (traces per second) a critical-path rule keeps at least.",
        },
    }),
    validateResource: (args, reportViolation) => {
        if (args.type !== tokens.awsSamplingRule && args.type !== tokens.nativeSamplingRule) {
            return;
        }

        for (const violation of samplingRuleViolations(args, args.getConfig<SamplingConfig>())) {
            reportViolation(violation);
        }
    },
};
