using System.Text.Json.Nodes;
using Infra.Core.Api;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Api;

public class ApiSpecTests
{
    [Fact]
    public void OpenApiRoutesChatToTheChatbotAndHealthToAMock()
    {
        var api = TestStacks.Blueprint("dev").Api;
        var paths = api.OpenApi["paths"]!.AsObject();
        var chat = paths["/chat"]!["post"]!["x-amazon-apigateway-integration"]!;
        Assert.Equal("aws_proxy", (string?)chat["type"]);
        Assert.Equal("POST", (string?)chat["httpMethod"]);
        Assert.Equal(
            $"arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:{TestStacks.Account}:function:adot-tracing-dev-chatbot/invocations",
            (string?)chat["uri"]);
        var health = paths["/health"]!["get"]!["x-amazon-apigateway-integration"]!;
        Assert.Equal("mock", (string?)health["type"]);
        Assert.Equal("200", (string?)health["responses"]!["default"]!["statusCode"]);
        Assert.True(api.TracingEnabled);
        Assert.Equal("adot-tracing-dev-api/dev", api.XRayServiceName);
    }

    [Fact]
    public void ThrottlingDiffersPerEnvironment()
    {
        var dev = TestStacks.Blueprint("dev").Api.Throttling;
        var prod = TestStacks.Blueprint("prod").Api.Throttling;
        Assert.True(prod.RateLimit > dev.RateLimit);
        Assert.True(prod.BurstLimit > dev.BurstLimit);
    }

    [Fact]
    public void AccessLogsAreJsonWithTheTraceId()
    {
        var logs = TestStacks.Blueprint("prod").Api.AccessLogs;
        var line = JsonNode.Parse(logs.Format)!.AsObject();
        Assert.Equal("$context.xrayTraceId", (string?)line["xray"]);
        Assert.Equal(90, logs.RetentionDays);
        // Nothing reads the access log with a metric or subscription filter, so prod's preset puts it in Infrequent Access.
        Assert.Equal(LogGroupClass.InfrequentAccess, logs.LogGroupClass);
    }

    [Fact]
    public void DeploymentKeyChangesExactlyWhenTheDocumentDoes()
    {
        var settings = TestStacks.Settings("dev");
        var names = StackNames.For(settings);
        var aws = AwsContext.For(settings.Region, TestStacks.Account);
        IReadOnlyList<RouteSpec> routes = [RouteSpec.Lambda("POST", "/chat", "chatbot"), RouteSpec.Mock("GET", "/health")];
        var first = ApiBuilder.Build(settings, names, aws, routes).DeploymentKey;
        Assert.Equal(first, ApiBuilder.Build(settings, names, aws, [.. routes]).DeploymentKey);
        Assert.NotEqual(first, ApiBuilder.Build(settings, names, aws, [.. routes, RouteSpec.Mock("GET", "/status")]).DeploymentKey);
        Assert.NotEqual(first, ApiBuilder.Build(settings, names, aws, [routes[0] with { FunctionKey = "sqs-consumer" }, routes[1]]).DeploymentKey);
    }

    [Fact]
    public void HttpApiIsRefusedWithTheReason()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("api", """{"type":"http"}""")), "adot-tracing:api.type");
        Assert.Contains("HTTP APIs cannot be traced", error.Message);
    }

    [Theory]
    [InlineData("prod stage")]
    [InlineData("v1.0")]
    [InlineData("")]
    public void InvalidStageNameIsRefused(string stage) =>
        Assert.Contains("stage name", TestStacks.Single(TestStacks.Errors("dev", ("api", $"{{\"stageName\":\"{stage}\"}}")), "adot-tracing:api.stageName").Message);

    [Fact]
    public void StageNameOverrideIsUsed() =>
        Assert.Equal("live", TestStacks.Blueprint("prod", ("api", """{"stageName":"live"}""")).Api.StageName);
}
