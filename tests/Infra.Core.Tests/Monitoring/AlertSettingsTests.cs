using Infra.Core.Settings;

namespace Infra.Core.Tests.Monitoring;

/// <summary>
/// adot-tracing:alerts. The protocols and the endpoint each takes are SNS's Subscribe API:
/// https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html (http: a URL beginning with http://; https: a URL
/// beginning with https://; email and email-json: an email address; sms: a phone number of an SMS-enabled device;
/// sqs: the ARN of an SQS queue; application: the EndpointArn of a mobile app and device; lambda: the ARN of a Lambda
/// function; firehose: the ARN of a Firehose delivery stream, with a subscription role).
/// </summary>
public class AlertSettingsTests
{
    private const string Key = "adot-tracing:alerts.subscriptions[0]";

    private static string One(string protocol, string endpoint) => $$"""{"subscriptions":[{"protocol":"{{protocol}}","endpoint":"{{endpoint}}"}]}""";

    [Theory]
    [InlineData("email", "oncall@example.com")]
    [InlineData("email-json", "robot@example.org")]
    [InlineData("http", "http://hooks.example.com/alarm")]
    [InlineData("https", "https://hooks.example.com/services/T000/B000")]
    [InlineData("sms", "+14155550100")]
    [InlineData("sqs", "arn:aws:sqs:us-west-2:123456789012:alarm-inbox")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:page-oncall")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint/GCM/oncall-app/5e3e9847-3183-3f18-a7e8-671c3a57d4b3")]
    public void EverySnsProtocolWithItsEndpointBecomesASubscriptionOfTheTopic(string protocol, string endpoint)
    {
        var blueprint = TestStacks.Blueprint("dev", ("alerts", One(protocol, endpoint)));
        var subscription = Assert.Single(blueprint.Monitoring.Subscriptions);
        Assert.Equal((protocol, endpoint), (subscription.Protocol, subscription.Endpoint));
    }

    [Theory]
    [InlineData("email", "https://example.com")]
    [InlineData("https", "http://hooks.example.com/alarm")]
    [InlineData("http", "https://hooks.example.com/alarm")]
    [InlineData("sms", "4155550100")]
    [InlineData("sqs", "arn:aws:lambda:us-west-2:123456789012:function:page-oncall")]
    [InlineData("lambda", "arn:aws:sqs:us-west-2:123456789012:alarm-inbox")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:some-topic")]
    public void AnEndpointOfTheWrongShapeForItsProtocolIsAnError(string protocol, string endpoint)
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("alerts", One(protocol, endpoint))), $"{Key}.endpoint");
        Assert.Contains(endpoint, error.Message, StringComparison.Ordinal);
        Assert.Contains("API_Subscribe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProtocolNamesTheAllowedOnes()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("alerts", One("emial", "oncall@example.com"))), $"{Key}.protocol");
        Assert.Contains("Did you mean 'email'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("email-json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirehoseIsRefusedBecauseATopicsOwnSubscriptionsCarryNoRole()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("alerts", One("firehose", "arn:aws:firehose:us-west-2:123456789012:deliverystream/alarms"))),
            $"{Key}.protocol");
        Assert.Contains("SubscriptionRoleArn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProtocolAndEndpointAreRequired()
    {
        var errors = TestStacks.Errors("dev", ("alerts", """{"subscriptions":[{}]}"""));
        TestStacks.Single(errors, $"{Key}.protocol");
        TestStacks.Single(errors, $"{Key}.endpoint");
    }

    [Fact]
    public void AMisspeltKeyIsReportedWithTheRightOne()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("alerts", """{"subscription":[]}""")), "adot-tracing:alerts.subscription");
        Assert.Contains("Did you mean 'subscriptions'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DevPagesNobodyByDefaultAndSaysNothingAboutIt()
    {
        var result = TestStacks.Parse("dev");
        Assert.True(result.IsValid);
        Assert.Empty(result.Settings!.Alerts.Subscriptions);
        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("alerts", StringComparison.Ordinal));
    }

    [Fact]
    public void ProdWithoutASubscriptionIsValidButWarned()
    {
        var result = TestStacks.Parse("prod");
        Assert.True(result.IsValid);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("adot-tracing:alerts.subscriptions", StringComparison.Ordinal));
    }

    [Fact]
    public void ProdWithASubscriptionIsNotWarned()
    {
        var result = TestStacks.Parse("prod", ("alerts", One("email", "oncall@example.com")));
        Assert.True(result.IsValid);
        Assert.DoesNotContain(result.Warnings, warning => warning.Contains("alerts", StringComparison.Ordinal));
    }

    [Fact]
    public void AlertsIsAProjectKey() => Assert.Contains("alerts", ConfigKeys.ProjectKeys);
}
