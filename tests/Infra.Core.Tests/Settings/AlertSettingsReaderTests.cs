using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// adot-tracing:alerts: the protocols and endpoints of SNS's Subscribe API
/// (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html). sms takes an E.164 number: a + and up to 15 digits
/// with no leading zero (https://docs.aws.amazon.com/sns/latest/dg/sms_sending-overview.html); an SQS queue name has
/// 1 to 80 characters (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html); a
/// Lambda function name at most 64 (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html). Messages
/// are asserted whole.
/// </summary>
public class AlertSettingsReaderTests
{
    private const string Key = "adot-tracing:alerts.subscriptions";
    private const string Doc = "https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html";
    private const string Protocols = "email, email-json, http, https, sms, sqs, lambda, application";

    private static string One(string protocol, string endpoint) => $$"""{"subscriptions":[{"protocol":"{{protocol}}","endpoint":"{{endpoint}}"}]}""";

    private static string Message(IReadOnlyList<SettingsError> errors, string key) => TestStacks.Single(errors, key).Message;

    [Theory]
    [InlineData("sms", "+12")]
    [InlineData("sms", "+123456789012345")] // 15 digits
    [InlineData("email", "a@b.c")]
    [InlineData("http", "http://h")]
    [InlineData("https", "https://h")]
    [InlineData("sqs", "arn:aws-cn:sqs:cn-north-1:123456789012:q")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:page-oncall:live")]
    [InlineData("lambda", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:f:$LATEST")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint/APNS_SANDBOX/app/id")]
    public void EndpointsAtTheEdgeOfTheirShapeAreAccepted(string protocol, string endpoint)
    {
        var settings = TestStacks.Settings("dev", ("alerts", One(protocol, endpoint)));
        Assert.Equal(new AlertSubscription(protocol, endpoint), Assert.Single(settings.Alerts.Subscriptions));
    }

    [Fact]
    public void AQueueNameOfEightyCharactersIsAcceptedAndEightyOneIsNot()
    {
        var longest = "arn:aws:sqs:us-west-2:123456789012:" + new string('q', 80);
        var tooLong = longest + "q";
        Assert.Single(TestStacks.Settings("dev", ("alerts", One("sqs", longest))).Alerts.Subscriptions);
        TestStacks.Single(TestStacks.Errors("dev", ("alerts", One("sqs", tooLong))), $"{Key}[0].endpoint");
    }

    [Fact]
    public void AFunctionNameOfSixtyFourCharactersIsAcceptedAndSixtyFiveIsNot()
    {
        var longest = "arn:aws:lambda:us-west-2:123456789012:function:" + new string('f', 64);
        var tooLong = longest + "f";
        Assert.Single(TestStacks.Settings("dev", ("alerts", One("lambda", longest))).Alerts.Subscriptions);
        TestStacks.Single(TestStacks.Errors("dev", ("alerts", One("lambda", tooLong))), $"{Key}[0].endpoint");
    }

    [Theory]
    [InlineData("sms", "+1", "a phone number in E.164 format (+ then up to 15 digits, e.g. +14155550100)")]
    [InlineData("sms", "+1234567890123456", "a phone number in E.164 format (+ then up to 15 digits, e.g. +14155550100)")]
    [InlineData("sms", "+0123456789", "a phone number in E.164 format (+ then up to 15 digits, e.g. +14155550100)")]
    [InlineData("sms", "+1415555010x", "a phone number in E.164 format (+ then up to 15 digits, e.g. +14155550100)")]
    [InlineData("email", "on call@example.com", "an email address")]
    [InlineData("email", "oncall@example", "an email address")]
    [InlineData("email-json", "oncall@@example.com", "an email address")]
    [InlineData("http", "http://", "a URL beginning with http://")]
    [InlineData("http", "ftp://hooks.example.com", "a URL beginning with http://")]
    [InlineData("https", "https:///path", "a URL beginning with https://")]
    [InlineData("https", "xhttps://hooks.example.com", "a URL beginning with https://")]
    [InlineData("sqs", "arn:aws:sqs:us-west-2:12345678901:q", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:f:", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint/GCM/app", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint/GCM/app/id/more", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    [InlineData("sms", "a+14155550100", "a phone number in E.164 format (+ then up to 15 digits, e.g. +14155550100)")]
    [InlineData("email", "a@b.c d", "an email address")]
    [InlineData("email", "x a@b.c", "an email address")]
    [InlineData("http", "xhttp://hooks.example.com", "a URL beginning with http://")]
    [InlineData("http", "http:///path", "a URL beginning with http://")]
    [InlineData("http", "http://hooks.example.com/a b", "a URL beginning with http://")]
    [InlineData("https", "https://", "a URL beginning with https://")]
    [InlineData("https", "https://hooks.example.com/a b", "a URL beginning with https://")]
    [InlineData("sqs", "arn:aws:sqs:us-west-2:123456789012:", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("sqs", "arn:aws:sqs:us-west-2:1234567890123:q", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("sqs", "arn:aws:sqs::123456789012:q", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("sqs", "xarn:aws:sqs:us-west-2:123456789012:q", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("sqs", "arn:aws:sqs:us-west-2:123456789012:q x", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("sqs", "arn:azure:sqs:us-west-2:123456789012:q", "the ARN of an SQS queue (arn:<partition>:sqs:<region>:<account>:<name>)")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:1234567890123:function:f", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("lambda", "arn:aws:lambda::123456789012:function:f", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("lambda", "xarn:aws:lambda:us-west-2:123456789012:function:f", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:f x", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("lambda", "arn:aws:lambda:us-west-2:123456789012:function:f:qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "the ARN of a Lambda function (arn:<partition>:lambda:<region>:<account>:function:<name>)")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint/GCM//id", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint//app/id", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    [InlineData("application", "arn:aws:sns:us-west-2:1234567890123:endpoint/GCM/app/id", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    [InlineData("application", "xarn:aws:sns:us-west-2:123456789012:endpoint/GCM/app/id", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    [InlineData("application", "arn:aws:sns:us-west-2:123456789012:endpoint/GCM/app/id x", "the EndpointArn of a mobile app and device (arn:<partition>:sns:<region>:<account>:endpoint/<platform>/<app>/<id>)")]
    public void AnEndpointOfTheWrongShapeSaysWhatSnsExpects(string protocol, string endpoint, string expected)
    {
        var errors = TestStacks.Errors("dev", ("alerts", One(protocol, endpoint)));
        Assert.Equal($"'{endpoint}' is not a valid {protocol} endpoint; SNS expects {expected}. {Doc}", Message(errors, $"{Key}[0].endpoint"));
    }

    [Fact]
    public void AnEndpointOfTheWrongShapeAddsNoSubscription()
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader("adot-tracing:alerts", System.Text.Json.JsonDocument.Parse(One("email", "nobody")).RootElement.Clone(), errors);
        var settings = AlertSettingsReader.Read(reader, new AlertSettings([]), DeploymentEnvironment.Dev, errors);
        Assert.Empty(settings.Subscriptions);
        Assert.Single(errors.Errors);
    }

    [Fact]
    public void WithoutSubscriptionsThePresetStays()
    {
        var preset = new AlertSettings([new AlertSubscription("email", "preset@example.com")]);
        var errors = new ErrorSink();
        var reader = new ObjectReader("adot-tracing:alerts", System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone(), errors);
        Assert.Equal(preset.Subscriptions, AlertSettingsReader.Read(reader, preset, DeploymentEnvironment.Prod, errors).Subscriptions);
        Assert.Empty(errors.Warnings);
    }

    [Fact]
    public void AMissingProtocolListsTheProtocols()
    {
        var errors = TestStacks.Errors("dev", ("alerts", """{"subscriptions":[{"endpoint":"oncall@example.com"}]}"""));
        Assert.Equal($"required: one of {Protocols}.", Message(errors, $"{Key}[0].protocol"));
        Assert.Single(errors);
    }

    [Fact]
    public void AMissingEndpointSaysWhatGoesThere()
    {
        var errors = TestStacks.Errors("dev", ("alerts", """{"subscriptions":[{"protocol":"email"}]}"""));
        Assert.Equal("required: where SNS delivers (an email address, URL, phone number or ARN, by protocol).", Message(errors, $"{Key}[0].endpoint"));
        Assert.Single(errors);
    }

    [Fact]
    public void FirehoseIsRefusedWithTheReasonAndTheProtocols()
    {
        var errors = TestStacks.Errors("dev", ("alerts", One("firehose", "arn:aws:firehose:us-west-2:123456789012:deliverystream/alarms")));
        Assert.Equal(
            $"'firehose' needs a subscription role (SubscriptionRoleArn), which a topic's own subscriptions cannot carry; allowed: {Protocols}. {Doc}",
            Message(errors, $"{Key}[0].protocol"));
        Assert.Single(errors);
    }

    [Fact]
    public void AMisspeltProtocolSuggestsTheNearest()
    {
        var errors = TestStacks.Errors("dev", ("alerts", One("emial", "oncall@example.com")));
        Assert.Equal($"'emial' is not an SNS protocol; allowed: {Protocols}. Did you mean 'email'?", Message(errors, $"{Key}[0].protocol"));
        Assert.Single(errors);
    }

    [Fact]
    public void AnUnknownProtocolWithNothingNearListsTheProtocols()
    {
        var errors = TestStacks.Errors("dev", ("alerts", One("pager", "oncall")));
        Assert.Equal($"'pager' is not an SNS protocol; allowed: {Protocols}.", Message(errors, $"{Key}[0].protocol"));
    }

    [Fact]
    public void AnUnknownKeyInASubscriptionIsReported()
    {
        var errors = TestStacks.Errors("dev", ("alerts", """{"subscriptions":[{"protocol":"email","endpoint":"a@b.c","filter":"x"}]}"""));
        Assert.Equal($"unknown key '{Key}[0].filter'. Known keys here: protocol, endpoint.", Message(errors, $"{Key}[0].filter"));
    }

    [Fact]
    public void ProdWithoutASubscriptionIsWarnedWithAnExample()
    {
        var result = TestStacks.Parse("prod");
        Assert.Equal(
            $"{Key}: prod has no subscription, so its alarms notify nobody. Add one, for example [{{protocol: email, endpoint: oncall@example.com}}].",
            Assert.Single(result.Warnings));
    }

    [Fact]
    public void ProdWithAnEmptyListIsWarned() =>
        Assert.Single(TestStacks.Parse("prod", ("alerts", """{"subscriptions":[]}""")).Warnings);

    [Fact]
    public void ProdIsWarnedEvenWhenAnotherSettingIsWrong() =>
        Assert.Single(TestStacks.Parse("prod", ("iamMode", "admin")).Warnings);

    [Fact]
    public void ProdIsWarnedWhenAnotherAlertsKeyIsWrong()
    {
        var result = TestStacks.Parse("prod", ("alerts", """{"subscription":[]}"""));
        Assert.False(result.IsValid);
        Assert.StartsWith($"{Key}: prod has no subscription", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void ProdIsNotWarnedWhenItsOnlySubscriptionWasRefused()
    {
        // The error already says what is wrong with the subscription; a warning that nobody is notified would repeat it.
        var result = TestStacks.Parse("prod", ("alerts", One("email", "nobody")));
        Assert.False(result.IsValid);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public void OtherEnvironmentsAreNotWarned(string stack) =>
        Assert.Empty(TestStacks.Parse(stack).Warnings);
}
