using Infra.Core.Naming;

namespace Infra.Core.Tests.Naming;

/// <summary>
/// Endpoints and ARNs per partition. Endpoint domains: amazonaws.com, and amazonaws.com.cn in the Beijing and Ningxia
/// regions (https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html, "Beijing Region Endpoints": "The endpoint
/// domain for both the Beijing and Ningxia Regions is amazonaws.com.cn"; https://docs.aws.amazon.com/general/latest/gr/rande.html).
/// </summary>
public class AwsContextTests
{
    private const string Account = "123456789012";

    [Theory]
    [InlineData("us-west-2", "aws", "amazonaws.com")]
    [InlineData("eu-central-1", "aws", "amazonaws.com")]
    [InlineData("cn-north-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("cn-northwest-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "aws-us-gov", "amazonaws.com")]
    public void PartitionAndDnsSuffixFollowTheRegion(string region, string partition, string suffix)
    {
        var aws = AwsContext.For(region, Account);
        Assert.Equal(partition, aws.Partition);
        Assert.Equal(suffix, aws.DnsSuffix);
    }

    [Fact]
    public void QueueUrlInChinaUsesTheChinaDomain() =>
        Assert.Equal($"https://sqs.cn-northwest-1.amazonaws.com.cn/{Account}/q", AwsContext.For("cn-northwest-1", Account).QueueUrl("q"));

    [Fact]
    public void QueueUrlElsewhere() =>
        Assert.Equal($"https://sqs.us-west-2.amazonaws.com/{Account}/q", AwsContext.For("us-west-2", Account).QueueUrl("q"));

    [Fact]
    public void ApiArnsAndUrl()
    {
        // ARN formats: https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
        var aws = AwsContext.For("cn-north-1", Account);
        Assert.Equal($"arn:aws-cn:execute-api:cn-north-1:{Account}:abc123/prod/POST/chat", aws.ExecuteApiRouteArn("abc123", "prod", "POST", "/chat"));
        Assert.Equal("arn:aws-cn:apigateway:cn-north-1::/restapis/abc123/stages/prod", aws.ApiStageArn("abc123", "prod"));
        Assert.Equal("https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod", aws.ApiInvokeUrl("abc123", "prod"));
        // Lambda proxy integration URI: https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
        Assert.Equal("arn:aws-cn:apigateway:cn-north-1:lambda:path/2015-03-31/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:f/invocations",
            aws.LambdaIntegrationUri(aws.FunctionArn("f")));
    }

    [Fact]
    public void ChatbotIsToldTheQueueUrlOfItsPartition()
    {
        var chatbot = TestStacks.Blueprint("dev", ("aws:region", "cn-north-1"), ("aws-native:region", "cn-north-1")).Function(ChatbotApp.Chatbot);
        Assert.Equal($"https://sqs.cn-north-1.amazonaws.com.cn/{Account}/adot-tracing-dev-questions", chatbot.Environment["QUEUE_URL"]);
    }
}
