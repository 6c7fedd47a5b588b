namespace Infra.Core.Naming;

/// <summary>Where a stack deploys: enough to write the ARNs of the resources it names itself.</summary>
public sealed record AwsContext(string Partition, string Region, string AccountId)
{
    /// <summary>Shown by the offline plan, which does not know the account.</summary>
    public const string UnknownAccount = "<account-id>";

    public static AwsContext For(string region, string accountId = UnknownAccount) => new(PartitionOf(region), region, accountId);

    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    public string Arn(string service, string resource, bool regional = true, bool withAccount = true) =>
        $"arn:{Partition}:{service}:{(regional ? Region : "")}:{(withAccount ? AccountId : "")}:{resource}";

    public string LogGroupArn(string logGroupName) => Arn("logs", $"log-group:{logGroupName}");

    public string ParameterArn(string parameterName) => Arn("ssm", $"parameter{parameterName}");

    public string QueueArn(string queueName) => Arn("sqs", queueName);

    public string TableArn(string tableName) => Arn("dynamodb", $"table/{tableName}");

    public string FunctionArn(string functionName) => Arn("lambda", $"function:{functionName}");

    public string ManagedPolicyArn(string name) => $"arn:{Partition}:iam::aws:policy/{name}";

    public string KnowledgeBaseArn(string knowledgeBaseId) => Arn("bedrock", $"knowledge-base/{knowledgeBaseId}");
}
