using System.Collections.Immutable;
using Infra.Core.Settings;

namespace Infra.Tests;

[Collection(PulumiCollection.Name)]
public class ApiTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task StageHasXRayTracingOnInEveryStack(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var stage = run.Mocks.Single("aws-native:apigateway:Stage");
        Assert.Equal(true, stage.Input("tracingEnabled"));
        Assert.Equal(stack, stage.String("stageName"));
        Assert.Equal("dep123", stage.String("deploymentId"));
        var settings = (ImmutableDictionary<string, object>)stage.List("methodSettings")[0];
        Assert.Equal(true, settings["metricsEnabled"]);
        Assert.Equal((double)EnvironmentPresets.For(EnumNames.Environments[stack]).Api.ThrottlingBurstLimit, settings["throttlingBurstLimit"]);
        Assert.StartsWith("arn:aws:logs:", (string)stage.Object("accessLogSetting")["destinationArn"]);
    }

    [Fact]
    public async Task InvokePermissionIsScopedToThisApisRoute()
    {
        var run = await StackRun.RunAsync("dev");
        var permission = run.Mocks.Single("aws:lambda/permission:Permission");
        Assert.Equal("apigateway.amazonaws.com", permission.String("principal"));
        Assert.Equal($"arn:aws:lambda:{StackMocks.Region}:{StackMocks.Account}:function:adot-tracing-dev-chatbot", permission.String("function"));
        Assert.Equal($"arn:aws:execute-api:{StackMocks.Region}:{StackMocks.Account}:a1b2c3d4e5/dev/POST/chat", permission.String("sourceArn"));
    }

    [Fact]
    public async Task RestApiBodyIsCoresOpenApiDocument()
    {
        var run = await StackRun.RunAsync("dev");
        var body = run.Mocks.Single("aws-native:apigateway:RestApi").Object("body");
        var paths = (ImmutableDictionary<string, object>)body["paths"];
        Assert.Equal(["/chat", "/health"], paths.Keys.Order());
        var integration = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)paths["/chat"])["post"])["x-amazon-apigateway-integration"];
        Assert.Equal("aws_proxy", integration["type"]);
        Assert.Contains("function:adot-tracing-dev-chatbot/invocations", (string)integration["uri"]);
    }

    [Fact]
    public async Task StackOutputsTheInvokeUrlAndStageArn()
    {
        var run = await StackRun.RunAsync("dev");
        Assert.Equal($"https://a1b2c3d4e5.execute-api.{StackMocks.Region}.amazonaws.com/dev", await run.OutputAsync<string>("apiUrl"));
        Assert.Equal($"arn:aws:apigateway:{StackMocks.Region}::/restapis/a1b2c3d4e5/stages/dev", await run.OutputAsync<string>("apiStageArn"));
        Assert.Equal("adot-tracing-dev-chatbot", await run.OutputAsync<string>("chatbotFunctionName"));
        Assert.Equal("adot-tracing-dev-sqs-consumer", await run.OutputAsync<string>("consumerFunctionName"));
        Assert.Equal($"https://sqs.{StackMocks.Region}.amazonaws.com/{StackMocks.Account}/adot-tracing-dev-questions", await run.OutputAsync<string>("queueUrl"));
    }
}
