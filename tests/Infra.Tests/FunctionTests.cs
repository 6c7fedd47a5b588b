using System.Collections.Immutable;

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
            // The recommended profile's layer: AWSOpenTelemetryDistroPython from 615299751070 in us-west-2
            // (src/config/lambdaLayerArns.js of aws-otel/aws-otel.github.io, shown on https://aws-otel.github.io/docs/getting-started/lambda).
            Assert.StartsWith("arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:", Assert.Single(function.Strings("layers")));
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
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["lambda"] = """{"flavor":"legacy","versions":{"python":"1.25.0"}}""" });
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

    /// <summary>
    /// Each function role allows exactly: the X-Ray writes and sampling reads (X-Ray has no resource-level
    /// permissions for them, so "*"; the actions of AWS's AWSXRayDaemonWriteAccess less the statistics summary,
    /// https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html), plus what the
    /// function's code calls, scoped to this stack's resources.
    /// </summary>
    [Theory]
    [InlineData("dev", false)]
    [InlineData("prod", false)]
    [InlineData("dev", true)]
    public async Task FunctionRolesAllowExactlyWhatTheirFunctionsCall(string stack, bool knowledgeBase)
    {
        var config = knowledgeBase
            ? new Dictionary<string, string> { ["app"] = """{"knowledgeBaseId":"KB12345678"}""" }
            : new Dictionary<string, string>();
        var run = await StackRun.RunAsync(stack, config);
        var arn = $"us-west-2:{StackMocks.Account}";
        var xray = Statement.Allow(
            "SendTracesAndReadSampling",
            ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            "*");
        var chatbot = new List<Statement> { Statement.Allow("SendQuestions", ["sqs:SendMessage"], $"arn:aws:sqs:{arn}:adot-tracing-{stack}-questions") };
        if (knowledgeBase)
        {
            chatbot.Add(Statement.Allow("QueryKnowledgeBase", ["bedrock:Retrieve"], $"arn:aws:bedrock:{arn}:knowledge-base/KB12345678"));
        }

        var consumer = new List<Statement>
        {
            Statement.Allow(
                "ConsumeQuestions",
                ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"],
                $"arn:aws:sqs:{arn}:adot-tracing-{stack}-questions"),
            Statement.Allow("WriteQuestions", ["dynamodb:PutItem"], $"arn:aws:dynamodb:{arn}:table/adot-tracing-{stack}-questions"),
        };

        Assert.Equal(
            new Dictionary<string, List<Statement>> { ["xray-tracing"] = [xray], ["function-access"] = chatbot },
            InlinePolicies(run, $"adot-tracing-{stack}-chatbot-role"));
        Assert.Equal(
            new Dictionary<string, List<Statement>> { ["xray-tracing"] = [xray], ["function-access"] = consumer },
            InlinePolicies(run, $"adot-tracing-{stack}-sqs-consumer-role"));
    }

    /// <summary>
    /// Only Lambda, acting for this account, may assume a function role: aws:SourceAccount guards against the
    /// confused deputy (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html). Logging goes
    /// through the AWS managed AWSLambdaBasicExecutionRole
    /// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html).
    /// </summary>
    [Fact]
    public async Task FunctionRolesTrustOnlyLambdaActingForThisAccount()
    {
        // Application Signals turned on, as a stack file does (no environment's preset does).
        var run = await StackRun.RunAsync("staging", new Dictionary<string, string> { ["applicationSignals"] = """{"enabled":true}""" });
        var trust = new Statement(
            null,
            "Allow",
            "sts:AssumeRole",
            "",
            """{"Service":"lambda.amazonaws.com"}""",
            """{"StringEquals":{"aws:SourceAccount":"123456789012"}}""");
        foreach (var name in new[] { "adot-tracing-staging-chatbot-role", "adot-tracing-staging-sqs-consumer-role" })
        {
            var role = Role(run, name);
            Assert.Equal([trust], Statement.Of(role.Object("assumeRolePolicyDocument")));
            // Lambda's basic execution role, and Application Signals' policy for the distro layer
            // (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLambdaApplicationSignalsExecutionRolePolicy.html).
            Assert.Equal(
                ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/CloudWatchLambdaApplicationSignalsExecutionRolePolicy"],
                role.Strings("managedPolicyArns"));
        }
    }

    /// <summary>
    /// The layer's wrapper sets OTEL_PROPAGATORS only when it is unset; the stack states the value so the X-Ray
    /// context Lambda receives is always read (aws-observability/aws-otel-lambda, python/scripts/otel-instrument:
    /// "tracecontext,baggage,xray-lambda").
    /// </summary>
    [Fact]
    public async Task FunctionsReadTheXRayContextLambdaPassesThem()
    {
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["lambda"] = """{"flavor":"legacy"}""" });
        var propagators = run.Mocks.OfType("aws:lambda/function:Function").ToDictionary(
            function => function.String("name")!,
            function => ((ImmutableDictionary<string, object>)function.Object("environment")["variables"])["OTEL_PROPAGATORS"]);
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["adot-tracing-dev-chatbot"] = "tracecontext,baggage,xray-lambda",
                ["adot-tracing-dev-sqs-consumer"] = "tracecontext,baggage,xray-lambda",
            },
            propagators);
    }

    [Fact]
    public async Task LambdaSettingsReachEveryFunctionAndItsLogGroup()
    {
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["lambda"] = """{"memorySize":1024,"timeoutSeconds":20,"logRetentionDays":14}""" });
        var functions = run.Mocks.OfType("aws:lambda/function:Function").ToDictionary(function => function.String("name")!);
        Assert.Equal(["adot-tracing-dev-chatbot", "adot-tracing-dev-sqs-consumer"], functions.Keys.Order(StringComparer.Ordinal));
        var logGroups = run.Mocks.OfType("aws-native:logs:LogGroup").ToDictionary(group => group.String("logGroupName")!);
        foreach (var (name, function) in functions)
        {
            Assert.Equal(1024.0, function.Input("memorySize"));
            Assert.Equal(20.0, function.Input("timeout"));
            var logging = function.Object("loggingConfig");
            Assert.Equal("JSON", logging["logFormat"]);
            Assert.Equal($"/aws/lambda/{name}", logging["logGroup"]);
            Assert.Equal(14.0, logGroups[$"/aws/lambda/{name}"].Input("retentionInDays"));
        }
    }

    [Fact]
    public async Task TheChatbotTimeoutStaysWithinTheApiIntegrationTimeout()
    {
        // API Gateway ends an integration after 29 seconds
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html); the consumer has no such limit.
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["lambda"] = """{"timeoutSeconds":60}""" });
        var timeouts = run.Mocks.OfType("aws:lambda/function:Function").ToDictionary(function => function.String("name")!, function => function.Input("timeout"));
        Assert.Equal(new Dictionary<string, object?> { ["adot-tracing-dev-chatbot"] = 29.0, ["adot-tracing-dev-sqs-consumer"] = 60.0 }, timeouts);
    }

    private static Registered Role(StackRun run, string name) =>
        Assert.Single(run.Mocks.OfType("aws-native:iam:Role"), role => role.String("roleName") == name);

    private static Dictionary<string, List<Statement>> InlinePolicies(StackRun run, string roleName) =>
        Role(run, roleName).List("policies").Cast<ImmutableDictionary<string, object>>().ToDictionary(
            policy => (string)policy["policyName"],
            policy => Statement.Of(policy["policyDocument"]).ToList());
}
