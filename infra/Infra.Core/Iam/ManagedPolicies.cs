namespace Infra.Core.Iam;

/// <summary>AWS managed policies the program attaches, by name (the ARN adds the partition).</summary>
public static class ManagedPolicies
{
    public const string EcsTaskExecution = "service-role/AmazonECSTaskExecutionRolePolicy";
    public const string CloudWatchLogsFullAccess = "CloudWatchLogsFullAccess";
    public const string SsmReadOnly = "AmazonSSMReadOnlyAccess";
    public const string EcsForEc2 = "service-role/AmazonEC2ContainerServiceforEC2Role";
    public const string SsmManagedInstanceCore = "AmazonSSMManagedInstanceCore";
    public const string LambdaBasicExecution = "service-role/AWSLambdaBasicExecutionRole";
}
