// REST API stages traced. X-Ray traces API Gateway REST APIs stage by stage, once tracing is switched on for the
// stage (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html); HTTP APIs have no X-Ray
// tracing, so only REST stages are checked.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import type { StageArgs as AwsStageArgs } from "@pulumi/aws/apigateway/stage";
import type { StageArgs as NativeStageArgs } from "@pulumi/aws-native/apigateway/stage";
import type { Unwrap } from "@pulumi/pulumi";
import { ExcludeConfig, isExcluded, schemaWith, stringProp } from "./config";
import { known, label } from "./known";
import { tokens } from "./tokens";

type StageProps = Unwrap<AwsStageArgs> & Unwrap<NativeStageArgs>;

export const restApiStageTraced: ResourceValidationPolicy = {
    name: "rest-api-stage-traced",
    description: "API Gateway REST API stages have X-Ray tracing on, so every request trace starts at the stage.",
    remediationSteps: "Set xrayTracingEnabled (aws) or tracingEnabled (aws-native) to true on the stage.",
    url: "https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html",
    configSchema: schemaWith({}),
    validateResource: (args, reportViolation) => {
        const classic = args.type === tokens.awsStage;
        if (!classic && args.type !== tokens.nativeStage) {
            return;
        }

        const props = args.props as StageProps;
        const stageName = known(() => stringProp(props.stageName));
        if (isExcluded(args.getConfig<ExcludeConfig>(), [args.name, args.urn, stageName])) {
            return;
        }

        const key = classic ? "xrayTracingEnabled" : "tracingEnabled";
        const enabled = classic ? props.xrayTracingEnabled : props.tracingEnabled;
        if (enabled !== true) {
            reportViolation(`${label("REST API stage", stageName, args.name)} has X-Ray tracing ${enabled === false ? "off" : "unset (off)"}: set ${key} to true.`);
        }
    },
};
