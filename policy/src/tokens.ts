// The Pulumi type tokens the policies look at. Matching on the token, not on the SDK class, keeps the pack from
// loading the provider SDKs at run time; test/tokens.test.ts holds each token equal to the SDK class's __pulumiType.
export const tokens = {
    awsFunction: "aws:lambda/function:Function",
    nativeFunction: "aws-native:lambda:Function",
    awsStage: "aws:apigateway/stage:Stage",
    nativeStage: "aws-native:apigateway:Stage",
    awsSamplingRule: "aws:xray/samplingRule:SamplingRule",
    nativeSamplingRule: "aws-native:xray:SamplingRule",
    awsEventSourceMapping: "aws:lambda/eventSourceMapping:EventSourceMapping",
    nativeEventSourceMapping: "aws-native:lambda:EventSourceMapping",
    awsQueue: "aws:sqs/queue:Queue",
    nativeQueue: "aws-native:sqs:Queue",
    awsRole: "aws:iam/role:Role",
    awsRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    nativeRole: "aws-native:iam:Role",
    nativeRolePolicy: "aws-native:iam:RolePolicy",
} as const;

export const functionTypes: readonly string[] = [tokens.awsFunction, tokens.nativeFunction];
