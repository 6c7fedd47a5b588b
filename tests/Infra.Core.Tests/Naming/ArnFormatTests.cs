using Infra.Core.Naming;

namespace Infra.Core.Tests.Naming;

/// <summary>
/// Every ARN and endpoint the stack writes itself, in each partition. ARN formats from the Service Authorization
/// Reference ("Resource types defined by ..."):
/// logs log-group arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName} (list_amazoncloudwatchlogs.html);
/// ssm parameter arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash} (list_awssystemsmanager.html);
/// sqs queue arn:${Partition}:sqs:${Region}:${Account}:${QueueName} (list_amazonsqs.html);
/// dynamodb table arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName} (list_amazondynamodb.html);
/// lambda function arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName} (list_awslambda.html);
/// iam policy arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}, with "aws" as the account of AWS managed policies (list_awsidentityandaccessmanagementiam.html);
/// bedrock knowledge-base arn:${Partition}:bedrock:${Region}:${Account}:knowledge-base/${KnowledgeBaseId} (list_amazonbedrock.html);
/// cloudwatch alarm arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName} (list_amazoncloudwatch.html);
/// all under https://docs.aws.amazon.com/service-authorization/latest/reference/.
/// Regional endpoints: https://&lt;service&gt;.&lt;region&gt;.amazonaws.com, amazonaws.com.cn in China
/// (https://docs.aws.amazon.com/general/latest/gr/rande.html, https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html).
/// </summary>
public class ArnFormatTests
{
    private const string Account = "123456789012";

    [Theory]
    [InlineData("us-west-2", "aws")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    public void ResourceArnsFollowEachServicesFormat(string region, string partition)
    {
        var aws = AwsContext.For(region, Account);
        Assert.Equal($"arn:{partition}:logs:{region}:{Account}:log-group:/aws/lambda/f", aws.LogGroupArn("/aws/lambda/f"));
        Assert.Equal($"arn:{partition}:ssm:{region}:{Account}:parameter/adot-tracing/dev/collector/config", aws.ParameterArn("/adot-tracing/dev/collector/config"));
        Assert.Equal($"arn:{partition}:sqs:{region}:{Account}:q", aws.QueueArn("q"));
        Assert.Equal($"arn:{partition}:dynamodb:{region}:{Account}:table/t", aws.TableArn("t"));
        Assert.Equal($"arn:{partition}:lambda:{region}:{Account}:function:f", aws.FunctionArn("f"));
        Assert.Equal($"arn:{partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", aws.ManagedPolicyArn("service-role/AWSLambdaBasicExecutionRole"));
        Assert.Equal($"arn:{partition}:bedrock:{region}:{Account}:knowledge-base/KB12345678", aws.KnowledgeBaseArn("KB12345678"));
        Assert.Equal($"arn:{partition}:cloudwatch:{region}:{Account}:alarm:a", aws.AlarmArn("a"));
    }

    [Theory]
    [InlineData("us-west-2", "https://xray.us-west-2.amazonaws.com")]
    [InlineData("cn-north-1", "https://xray.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "https://xray.us-gov-west-1.amazonaws.com")]
    public void ServiceEndpointsUseThePartitionsDomain(string region, string endpoint) =>
        Assert.Equal(endpoint, AwsContext.For(region, Account).ServiceEndpoint("xray"));

    [Fact]
    public void ServicePrincipalsKeepAmazonawsComEverywhere() => Assert.Equal("xray.amazonaws.com", AwsContext.ServicePrincipal("xray"));

    [Fact]
    public void TheOfflinePlanShowsAPlaceholderForTheAccount() =>
        Assert.Equal("arn:aws:sqs:us-west-2:<account-id>:q", AwsContext.For("us-west-2").QueueArn("q"));
}
