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

    /// <summary>
    /// The domain of the partition's service endpoints: amazonaws.com.cn in the China regions, amazonaws.com elsewhere.
    /// https://docs.aws.amazon.com/general/latest/gr/rande.html, https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html
    /// </summary>
    public string DnsSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>A service's Regional endpoint: https://&lt;service&gt;.&lt;region&gt;.&lt;dns suffix&gt;.</summary>
    public string ServiceEndpoint(string service) => $"https://{service}.{Region}.{DnsSuffix}";

    /// <summary>
    /// A service principal for trust and resource policies. Unlike endpoints, these keep amazonaws.com in the China
    /// regions (for example ecs-tasks.amazonaws.com in cn-north-1:
    /// https://docs.amazonaws.cn/en_us/AmazonECS/latest/developerguide/task_execution_IAM_role.html).
    /// </summary>
    public static string ServicePrincipal(string service) => $"{service}.amazonaws.com";

    public string Arn(string service, string resource, bool withAccount = true) =>
        $"arn:{Partition}:{service}:{Region}:{(withAccount ? AccountId : "")}:{resource}";

    public string LogGroupArn(string logGroupName) => Arn("logs", $"log-group:{logGroupName}");

    public string ParameterArn(string parameterName) => Arn("ssm", $"parameter{parameterName}");

    public string QueueArn(string queueName) => Arn("sqs", queueName);

    /// <summary>The queue's URL, as SQS's GetQueueUrl returns it: https://sqs.&lt;region&gt;.&lt;dns suffix&gt;/&lt;account&gt;/&lt;name&gt;.</summary>
    public string QueueUrl(string queueName) => $"https://sqs.{Region}.{DnsSuffix}/{AccountId}/{queueName}";

    /// <summary>The URI of an API Gateway integration that invokes a Lambda function (Lambda's Invoke API, 2015-03-31).
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html</summary>
    public string LambdaIntegrationUri(string functionArn) =>
        $"arn:{Partition}:apigateway:{Region}:lambda:path/2015-03-31/functions/{functionArn}/invocations";

    /// <summary>The execute-api ARN of a REST API, which Lambda permissions scope invocations to.
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html</summary>
    public string ExecuteApiArn(string restApiId) => Arn("execute-api", restApiId);

    /// <summary>One route of one stage: &lt;execute-api ARN&gt;/&lt;stage&gt;/&lt;METHOD&gt;/&lt;path&gt;.</summary>
    public string ExecuteApiRouteArn(string restApiId, string stage, string method, string path) =>
        $"{ExecuteApiArn(restApiId)}/{stage}/{method}{path}";

    /// <summary>The stage's API Gateway resource ARN (no account): arn:&lt;partition&gt;:apigateway:&lt;region&gt;::/restapis/&lt;id&gt;/stages/&lt;stage&gt;.</summary>
    public string ApiStageArn(string restApiId, string stage) => Arn("apigateway", $"/restapis/{restApiId}/stages/{stage}", withAccount: false);

    /// <summary>A REST API stage's default invoke URL: https://&lt;id&gt;.execute-api.&lt;region&gt;.&lt;dns suffix&gt;/&lt;stage&gt;.
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html</summary>
    public string ApiInvokeUrl(string restApiId, string stage) => $"https://{restApiId}.execute-api.{Region}.{DnsSuffix}/{stage}";

    public string TableArn(string tableName) => Arn("dynamodb", $"table/{tableName}");

    public string FunctionArn(string functionName) => Arn("lambda", $"function:{functionName}");

    public string ManagedPolicyArn(string name) => $"arn:{Partition}:iam::aws:policy/{name}";

    public string AlarmArn(string alarmName) => Arn("cloudwatch", $"alarm:{alarmName}");

    /// <summary>
    /// The host of the partition's management console: console.amazonaws.cn in the China regions
    /// (https://docs.amazonaws.cn/en_us/apigateway/latest/developerguide/metrics_dimensions_view_in_cloud_watch.html),
    /// console.amazonaws-us-gov.com in AWS GovCloud (US) (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/getting-started-sign-in.html),
    /// console.aws.amazon.com elsewhere.
    /// </summary>
    public string ConsoleHost => Partition switch
    {
        "aws-cn" => "console.amazonaws.cn",
        "aws-us-gov" => "console.amazonaws-us-gov.com",
        _ => "console.aws.amazon.com",
    };

    /// <summary>A CloudWatch dashboard in the console of the stack's partition and Region.</summary>
    public string DashboardUrl(string dashboardName) =>
        $"https://{ConsoleHost}/cloudwatch/home?region={Region}#dashboards/dashboard/{Uri.EscapeDataString(dashboardName)}";

    public string KnowledgeBaseArn(string knowledgeBaseId) => Arn("bedrock", $"knowledge-base/{knowledgeBaseId}");
}
