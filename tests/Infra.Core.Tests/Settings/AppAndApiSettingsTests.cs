using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// adot-tracing:app and adot-tracing:api with the ranges docs/configuration.md documents for app and api (maxReceiveCount
/// 1-1000, batchSize 1-10, knowledgeBaseId 10 letters or digits; stageName 1-128 letters, digits, - and _,
/// throttlingRateLimit 0-10000, throttlingBurstLimit 0-5000). X-Ray traces REST APIs only:
/// https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html
/// </summary>
public class AppAndApiSettingsTests
{
    private const string App = "adot-tracing:app";
    private const string Api = "adot-tracing:api";

    private static string Message(IReadOnlyList<SettingsError> errors, string key) => TestStacks.Single(errors, key).Message;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1000, 10)]
    public void ReceiveCountAndBatchSizeAtTheirLimitsAreKept(int maxReceiveCount, int batchSize)
    {
        var app = TestStacks.AppOf("dev", ("app", $$"""{"maxReceiveCount":{{maxReceiveCount}},"batchSize":{{batchSize}}}"""));
        Assert.Equal((maxReceiveCount, batchSize), (app.MaxReceiveCount, app.BatchSize));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void AReceiveCountOutsideItsRangeIsAnError(int count) =>
        Assert.Equal($"{count} is out of range; allowed: 1 to 1000.", Message(TestStacks.Errors("dev", ("app", $$"""{"maxReceiveCount":{{count}}}""")), $"{App}.maxReceiveCount"));

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void ABatchSizeOutsideItsRangeIsAnError(int size) =>
        Assert.Equal($"{size} is out of range; allowed: 1 to 10.", Message(TestStacks.Errors("dev", ("app", $$"""{"batchSize":{{size}}}""")), $"{App}.batchSize"));

    [Fact]
    public void TheFailureSwitchIsRead() =>
        Assert.True(TestStacks.AppOf("dev", ("app", """{"simulateFailure":true}""")).SimulateFailure);

    [Fact]
    public void AKnowledgeBaseIdIsKept() =>
        Assert.Equal("KB12345678", TestStacks.AppOf("dev", ("app", """{"knowledgeBaseId":"KB12345678"}""")).KnowledgeBaseId);

    [Theory]
    [InlineData("kb_2345678")]
    [InlineData("KB1234567")]
    [InlineData("KB123456789")]
    public void AKnowledgeBaseIdOfAnotherShapeIsAnErrorAndDropped(string id)
    {
        var errors = new ErrorSink();
        var section = Infra.Core.App.AppSection.Of(System.Text.Json.JsonDocument.Parse($$"""{"knowledgeBaseId":"{{id}}"}""").RootElement.Clone(), errors);
        var app = new ChatbotApp().Declare(section, TestStacks.Settings("dev"));
        Assert.Equal($"{App}.knowledgeBaseId: '{id}' is not a Bedrock knowledge base id (10 letters or digits).", Assert.Single(errors.Errors).ToString());
        Assert.DoesNotContain("KNOWLEDGE_BASE_ID", app.Function(ChatbotApp.Chatbot).Environment.Keys);
    }

    [Fact]
    public void AnUnknownAppKeyIsReported() =>
        Assert.Equal(
            $"unknown key '{App}.batch'. Known keys here: simulateFailure, knowledgeBaseId, maxReceiveCount, batchSize, batchingWindowSeconds.",
            Message(TestStacks.Errors("dev", ("app", """{"batch":5}""")), $"{App}.batch"));

    [Fact]
    public void AnHttpApiIsRefusedBecauseXRayCannotTraceIt() =>
        Assert.Equal(
            "'http' is refused: X-Ray traces API Gateway REST APIs only, HTTP APIs cannot be traced "
            + "(https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html). Use 'rest'.",
            Message(TestStacks.Errors("dev", ("api", """{"type":"http"}""")), $"{Api}.type"));

    [Theory]
    [InlineData("v1")]
    [InlineData("Stage_2-b")]
    public void AStageNameOfLettersDigitsHyphensAndUnderscoresIsKept(string stage) =>
        Assert.Equal(stage, TestStacks.Settings("dev", ("api", $$"""{"stageName":"{{stage}}"}""")).Api.StageName);

    [Fact]
    public void AStageNameOf128CharactersIsAValidStageName()
    {
        // The whole stack refuses it later: the sampling rules' ServiceName "<api>/<stage>" would exceed X-Ray's 64 characters.
        var stage = new string('s', 128);
        var errors = new ErrorSink();
        var reader = new ObjectReader(Api, System.Text.Json.JsonDocument.Parse($$"""{"stageName":"{{stage}}"}""").RootElement.Clone(), errors);
        Assert.Equal(stage, ApiSettingsReader.Read(reader, new ApiSettings(ApiType.Rest, "dev", 10, 20, 7), errors).StageName);
        Assert.Empty(errors.Errors);
    }

    [Theory]
    [InlineData("v 1")]
    [InlineData("")]
    public void AnInvalidStageNameIsAnErrorAndTheEnvironmentsStays(string stage)
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Api, System.Text.Json.JsonDocument.Parse($$"""{"stageName":"{{stage}}"}""").RootElement.Clone(), errors);
        var api = ApiSettingsReader.Read(reader, new ApiSettings(ApiType.Rest, "staging", 50, 100, 30), errors);
        Assert.Equal(
            $"{Api}.stageName: '{stage}' is not a valid API Gateway stage name: use 1-128 letters, digits, hyphens or underscores.",
            Assert.Single(errors.Errors).ToString());
        Assert.Equal("staging", api.StageName);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("10000", "5000")]
    public void ThrottlingAtItsLimitsIsKept(string rate, string burst)
    {
        var api = TestStacks.Settings("dev", ("api", $$"""{"throttlingRateLimit":{{rate}},"throttlingBurstLimit":{{burst}}}""")).Api;
        Assert.Equal((double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), int.Parse(burst, System.Globalization.CultureInfo.InvariantCulture)),
            (api.ThrottlingRateLimit, api.ThrottlingBurstLimit));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10001")]
    public void ARateOutsideItsRangeIsAnError(string rate) =>
        Assert.Equal($"{rate} is out of range; allowed: 0 to 10000.", Message(TestStacks.Errors("dev", ("api", $$"""{"throttlingRateLimit":{{rate}}}""")), $"{Api}.throttlingRateLimit"));

    [Theory]
    [InlineData("-1")]
    [InlineData("5001")]
    public void ABurstOutsideItsRangeIsAnError(string burst) =>
        Assert.Equal($"{burst} is out of range; allowed: 0 to 5000.", Message(TestStacks.Errors("dev", ("api", $$"""{"throttlingBurstLimit":{{burst}}}""")), $"{Api}.throttlingBurstLimit"));

    [Fact]
    public void AccessLogRetentionIsRead() =>
        Assert.Equal(365, TestStacks.Settings("dev", ("api", """{"logRetentionDays":365}""")).Api.LogRetentionDays);

    [Fact]
    public void AnUnknownApiKeyIsReported() =>
        Assert.Equal(
            $"unknown key '{Api}.stage'. Known keys here: type, stageName, throttlingRateLimit, throttlingBurstLimit, logRetentionDays.",
            Message(TestStacks.Errors("dev", ("api", """{"stage":"v1"}""")), $"{Api}.stage"));
}
