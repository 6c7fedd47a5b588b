using System.Collections.Immutable;
using System.Text.Json;

namespace Infra.Tests;

[Collection(PulumiCollection.Name)]
public class FunctionTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task EveryFunctionHasActiveTracingTheLayerAndTheWrapper(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var functions = run.Mocks.OfType("aws:lambda/function:Function");
        Assert.Equal(2, functions.Count);
        foreach (var function in functions)
        {
            Assert.Equal("Active", function.Object("tracingConfig")["mode"]);
            Assert.Equal(["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2"], function.Strings("layers"));
            var variables = (ImmutableDictionary<string, object>)function.Object("environment")["variables"];
            Assert.Equal("/opt/otel-instrument", variables["AWS_LAMBDA_EXEC_WRAPPER"]);
            Assert.Equal(function.String("name"), variables["OTEL_SERVICE_NAME"]);
            Assert.Equal("JSON", function.Object("loggingConfig")["logFormat"]);
            Assert.Equal("python3.12", function.String("runtime"));
        }
    }

    [Fact]
    public async Task TheArticlesLayerIsUsedWhenPinnedTo1250()
    {
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["lambda"] = """{"versions":{"python":"1.25.0"}}""" });
        var layers = run.Mocks.OfType("aws:lambda/function:Function").ToDictionary(function => function.String("name")!, function => function.Strings("layers"));
        Assert.Equal(["adot-tracing-dev-chatbot", "adot-tracing-dev-sqs-consumer"], layers.Keys.Order(StringComparer.Ordinal));
        Assert.All(layers.Values, layer => Assert.Equal(["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1"], layer));
    }

    [Fact]
    public async Task MappingTargetsTheQueueAndReportsBatchItemFailures()
    {
        var run = await StackRun.RunAsync("dev");
        var mapping = run.Mocks.Single("aws:lambda/eventSourceMapping:EventSourceMapping");
        Assert.Equal($"arn:aws:sqs:{StackMocks.Region}:{StackMocks.Account}:adot-tracing-dev-questions", mapping.String("eventSourceArn"));
        Assert.Equal("adot-tracing-dev-sqs-consumer", mapping.String("functionName"));
        Assert.Equal(["ReportBatchItemFailures"], mapping.Strings("functionResponseTypes"));
    }

    [Fact]
    public async Task QueueHasRedrivePolicyEncryptionAndLongEnoughVisibility()
    {
        var run = await StackRun.RunAsync("dev");
        var queue = run.Mocks.OfType("aws-native:sqs:Queue").Single(queue => queue.String("queueName") == "adot-tracing-dev-questions");
        var redrive = queue.Object("redrivePolicy");
        Assert.Equal($"arn:aws:sqs:{StackMocks.Region}:{StackMocks.Account}:adot-tracing-dev-questions-dlq", redrive["deadLetterTargetArn"]);
        Assert.Equal(3.0, redrive["maxReceiveCount"]);
        Assert.Equal(true, queue.Input("sqsManagedSseEnabled"));
        var consumer = run.Mocks.OfType("aws:lambda/function:Function").Single(function => function.String("name") == "adot-tracing-dev-sqs-consumer");
        Assert.True((double)queue.Input("visibilityTimeout")! >= 6 * (double)consumer.Input("timeout")!);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task NoFunctionRoleHasAWildcardBeyondTheXRayActions(string stack)
    {
        var run = await StackRun.RunAsync(stack, new Dictionary<string, string> { ["app"] = """{"knowledgeBaseId":"KB12345678"}""" });
        var roles = run.Mocks.OfType("aws-native:iam:Role").Where(role => role.String("roleName")!.EndsWith("-role", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, roles.Count);
        foreach (var role in roles)
        {
            foreach (var policy in role.List("policies").Cast<ImmutableDictionary<string, object>>())
            {
                var document = JsonSerializer.Serialize(policy["policyDocument"]);
                using var json = JsonDocument.Parse(document);
                foreach (var statement in json.RootElement.GetProperty("Statement").EnumerateArray())
                {
                    var actions = Strings(statement.GetProperty("Action"));
                    var resources = Strings(statement.GetProperty("Resource"));
                    Assert.DoesNotContain(actions, action => action.Contains('*'));
                    if (resources.Contains("*"))
                    {
                        Assert.All(actions, action => Assert.StartsWith("xray:", action));
                    }
                }
            }
        }

        var chatbotRole = roles.Single(role => role.String("roleName") == $"adot-tracing-{stack}-chatbot-role");
        var granted = JsonSerializer.Serialize(chatbotRole.List("policies"));
        Assert.Contains($"arn:aws:bedrock:us-west-2:{StackMocks.Account}:knowledge-base/KB12345678", granted);
        Assert.Contains("sqs:SendMessage", granted);
        Assert.DoesNotContain("sqs:ReceiveMessage", granted);
    }

    private static List<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(item => item.GetString()!).ToList()
        : [element.GetString()!];
}
