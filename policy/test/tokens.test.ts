// The type tokens the policies match are the provider SDKs' own (each generated class's __pulumiType).
import assert from "node:assert/strict";
import { test } from "node:test";
import { tokens } from "../src/tokens";

const classes: Record<keyof typeof tokens, [string, string]> = {
    awsFunction: ["@pulumi/aws/lambda/function", "Function"],
    nativeFunction: ["@pulumi/aws-native/lambda/function", "Function"],
    awsStage: ["@pulumi/aws/apigateway/stage", "Stage"],
    nativeStage: ["@pulumi/aws-native/apigateway/stage", "Stage"],
    awsSamplingRule: ["@pulumi/aws/xray/samplingRule", "SamplingRule"],
    nativeSamplingRule: ["@pulumi/aws-native/xray/samplingRule", "SamplingRule"],
    awsEventSourceMapping: ["@pulumi/aws/lambda/eventSourceMapping", "EventSourceMapping"],
    nativeEventSourceMapping: ["@pulumi/aws-native/lambda/eventSourceMapping", "EventSourceMapping"],
    awsQueue: ["@pulumi/aws/sqs/queue", "Queue"],
    nativeQueue: ["@pulumi/aws-native/sqs/queue", "Queue"],
    awsRole: ["@pulumi/aws/iam/role", "Role"],
    awsRolePolicy: ["@pulumi/aws/iam/rolePolicy", "RolePolicy"],
    nativeRole: ["@pulumi/aws-native/iam/role", "Role"],
    nativeRolePolicy: ["@pulumi/aws-native/iam/rolePolicy", "RolePolicy"],
};

for (const [key, [module, exported]] of Object.entries(classes)) {
    test(`${key} is ${module}.${exported}'s type token`, () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        assert.equal(tokens[key as keyof typeof tokens], require(module)[exported].__pulumiType);
    });
}
