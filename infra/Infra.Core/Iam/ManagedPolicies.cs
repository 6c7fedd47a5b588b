namespace Infra.Core.Iam;

/// <summary>AWS managed policies the program attaches, by name (the ARN adds the partition).</summary>
internal static class ManagedPolicies
{
    public const string EcsTaskExecution = "service-role/AmazonECSTaskExecutionRolePolicy";
    public const string CloudWatchLogsFullAccess = "CloudWatchLogsFullAccess";
    public const string SsmReadOnly = "AmazonSSMReadOnlyAccess";
    public const string EcsForEc2 = "service-role/AmazonEC2ContainerServiceforEC2Role";
    public const string SsmManagedInstanceCore = "AmazonSSMManagedInstanceCore";
    public const string LambdaBasicExecution = "service-role/AWSLambdaBasicExecutionRole";

    /// <summary>What a function needs to report Application Signals: X-Ray segments and the Application Signals log group.
    /// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLambdaApplicationSignalsExecutionRolePolicy.html</summary>
    public const string LambdaApplicationSignalsExecution = "CloudWatchLambdaApplicationSignalsExecutionRolePolicy";
}
