using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>
/// TracedFunction alone, with the arguments a Pulumi user writes: values given reach the resources, and what the user
/// leaves out (the layer, the wrapper, the role's tracing part, the Region) is decided the way AWS documents it.
/// </summary>
[Collection(PulumiCollection.Name)]
public class TracedFunctionTests
{
    private const string Account = StackMocks.Account;

    private static readonly Dictionary<string, string> Tags = new() { ["team"] = "shop" };

    private static TracedFunctionArgs Orders(Action<TracedFunctionArgsBuilder>? change = null)
    {
        var builder = new TracedFunctionArgsBuilder();
        change?.Invoke(builder);
        return builder.Build();
    }

    private static Task<TracedFunction> Run(StackMocks mocks, TracedFunctionArgs args) => ComponentRun.RunAsync(mocks, () => new TracedFunction("orders", args));

    [Fact]
    public async Task OnlyRuntimeHandlerAndCodeGiveAFunctionTracedWithTheDistroLayerOfTheProvidersRegion()
    {
        var mocks = new StackMocks();
        await Run(mocks, new TracedFunctionArgs { Runtime = "python3.12", Handler = "app.handler", CodePath = "orders-code" });
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Equal("orders", function.String("name"));
        Assert.Equal("Active", function.Object("tracingConfig")["mode"]);
        // AWS publishes the Python distro layer in us-west-2 from account 615299751070 as AWSOpenTelemetryDistroPython, with
        // the wrapper /opt/otel-instrument
        // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html).
        Assert.StartsWith("arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:", Assert.Single(function.Strings("layers")));
        var variables = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(function.Object("environment")["variables"]);
        Assert.Equal("/opt/otel-instrument", variables["AWS_LAMBDA_EXEC_WRAPPER"]);
        Assert.Equal("orders", variables["OTEL_SERVICE_NAME"]);
        Assert.Equal("/aws/lambda/orders", mocks.Single("aws-native:logs:LogGroup").String("logGroupName"));
        Assert.Equal("orders-role", mocks.Single("aws-native:iam:Role").String("roleName"));
    }

    [Fact]
    public async Task TheRolesTrustIsLambdaActingForTheCallersAccount()
    {
        var mocks = new StackMocks();
        await Run(mocks, new TracedFunctionArgs { Runtime = "python3.12", Handler = "app.handler", CodePath = "orders-code" });
        Assert.Equal(
            [new Statement(null, "Allow", "sts:AssumeRole", "", """{"Service":"lambda.amazonaws.com"}""", $$$"""{"StringEquals":{"aws:SourceAccount":"{{{Account}}}"}}""")],
            Statement.Of(mocks.Single("aws-native:iam:Role").Object("assumeRolePolicyDocument")));
    }

    [Fact]
    public async Task GivenValuesReachTheFunction()
    {
        var mocks = new StackMocks();
        await Run(mocks, Orders());
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Equal(("shop-orders", "Takes orders", "python3.12", "orders.handle"), (function.String("name"), function.String("description"), function.String("runtime"), function.String("handler")));
        Assert.Equal(["arm64"], function.Strings("architectures"));
        Assert.Equal((1536.0, 42.0), (function.Input("memorySize"), function.Input("timeout")));
        Assert.Equal(new Dictionary<string, object> { ["team"] = "shop" }, function.Object("tags"));
        var logging = function.Object("loggingConfig");
        Assert.Equal(("JSON", "WARN", "INFO", "/shop/orders"), (logging["logFormat"], logging["applicationLogLevel"], logging["systemLogLevel"], logging["logGroup"]));
        Assert.Equal(14.0, mocks.Single("aws-native:logs:LogGroup").Input("retentionInDays"));
    }

    [Fact]
    public async Task TheFunctionsOwnVariablesStandNextToTheTracingOnesAndWin()
    {
        var mocks = new StackMocks();
        await Run(mocks, Orders(builder => builder.Environment = new InputMap<string> { ["ORDERS_TABLE"] = "orders", ["OTEL_SERVICE_NAME"] = "checkout" }));
        var variables = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(mocks.Single("aws:lambda/function:Function").Object("environment")["variables"]);
        Assert.Equal("orders", variables["ORDERS_TABLE"]);
        Assert.Equal("checkout", variables["OTEL_SERVICE_NAME"]);
        Assert.Equal("/opt/otel-instrument", variables["AWS_LAMBDA_EXEC_WRAPPER"]);
    }

    [Fact]
    public async Task AnArm64FunctionGetsTheArm64Layer()
    {
        // The legacy layers are per architecture: aws-otel-python-arm64-ver-… (https://aws-otel.github.io/docs/getting-started/lambda/lambda-python).
        var mocks = new StackMocks();
        await Run(mocks, Orders(builder => builder.Flavor = "legacy"));
        Assert.Contains(":layer:aws-otel-python-arm64-ver-", Assert.Single(mocks.Single("aws:lambda/function:Function").Strings("layers")));
    }

    [Fact]
    public async Task StatementsTakeOtherResourcesOutputsAndTheTracingPolicyIsCores()
    {
        var mocks = new StackMocks();
        await Run(mocks, Orders(builder => builder.Statements =
            [FunctionStatement.Allow("Write", ["dynamodb:PutItem"], Output.Create($"arn:aws:dynamodb:us-west-2:{Account}:table/orders"))]));
        var role = mocks.Single("aws-native:iam:Role");
        var policies = role.List("policies").Cast<ImmutableDictionary<string, object>>().ToDictionary(policy => (string)policy["policyName"], policy => Statement.Of(policy["policyDocument"]));
        Assert.Equal([Statement.Allow("Write", ["dynamodb:PutItem"], $"arn:aws:dynamodb:us-west-2:{Account}:table/orders")], policies["function-access"]);
        // The X-Ray actions the ADOT layer and Lambda need (https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html).
        Assert.Contains(policies["xray-tracing"], statement => statement.Actions.Contains("xray:PutTraceSegments", StringComparison.Ordinal));
        Assert.Equal($"arn:aws:iam::{Account}:role/shop-orders-role", mocks.Single("aws:lambda/function:Function").String("role"));
    }

    [Fact]
    public async Task AQueueSourceIsAMappingWithTheStatementLambdasPollerNeeds()
    {
        var mocks = new StackMocks();
        var queueArn = $"arn:aws:sqs:us-west-2:{Account}:orders";
        await Run(mocks, Orders(builder => builder.QueueSources = [new QueueSource { Key = "orders", QueueArn = Output.Create(queueArn), BatchSize = 7, BatchingWindowSeconds = 2 }]));
        var mapping = mocks.Single("aws:lambda/eventSourceMapping:EventSourceMapping");
        Assert.Equal((queueArn, "shop-orders", 7.0), (mapping.String("eventSourceArn"), mapping.String("functionName"), mapping.Input("batchSize")));
        Assert.Equal(["ReportBatchItemFailures"], mapping.Strings("functionResponseTypes"));
        Assert.Equal(2.0, mapping.Input("maximumBatchingWindowInSeconds"));
        var role = mocks.Single("aws-native:iam:Role");
        var access = role.List("policies").Cast<ImmutableDictionary<string, object>>().Single(policy => (string)policy["policyName"] == "function-access");
        // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html: ReceiveMessage, DeleteMessage, GetQueueAttributes.
        var consume = Assert.Single(Statement.Of(access["policyDocument"]));
        Assert.Equal(queueArn, consume.Resources);
        Assert.All(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"], action => Assert.Contains(action, consume.Actions, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLogGroupIsGuardedAsAsked()
    {
        var run = await ComponentRun<TracedFunction>.RunAsync(options => new TracedFunction("orders", Orders(), options));
        var options = run.OptionsOf("orders-logs");
        Assert.Equal((true, true), (options.Protect, options.RetainOnDelete));
    }

    [Fact]
    public async Task TheFunctionLogsToTheLogGroupResourceNotToACopyOfItsName()
    {
        // With the log group's outputs unknown, a logging configuration wired to the resource is unknown too (the
        // SDK sends an object holding an unknown value as unknown as a whole); one given the name as a plain
        // string would be sent, and Lambda could create the group itself before the stack does.
        var mocks = new StackMocks { UnknownOutputs = new HashSet<string> { "aws-native:logs:LogGroup" } };
        await Run(mocks, Orders());
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Null(function.Input("loggingConfig"));
        Assert.Equal("orders.handle", function.String("handler"));
    }

    [Fact]
    public async Task ARuntimeWithoutAnAdotLayerFailsNamingTheInputs()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => Run(new StackMocks(), Orders(builder => builder.Runtime = "ruby3.3")));
        Assert.Contains("ruby3.3", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains("inputs runtime, architecture", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownChoiceIsRefusedWithWhatIsAllowed()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => Run(new StackMocks(), Orders(builder => builder.Architecture = "sparc")));
        Assert.Contains("architecture: 'sparc' is not allowed; allowed: x86_64, arm64.", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputsAreWhatLambdaReturns()
    {
        var mocks = new StackMocks();
        var component = await Run(mocks, Orders());
        Assert.Equal("shop-orders", await OutputUtilities.GetValueAsync(component.FunctionName));
        Assert.Equal($"arn:aws:lambda:us-west-2:{Account}:function:shop-orders", await OutputUtilities.GetValueAsync(component.FunctionArn));
        Assert.Contains(mocks.OutputsRegistered, urn => urn.EndsWith("adot-tracing:lambda:TracedFunction::orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InAPreviewTheRoleArnIsUnknownAndEverythingElseIsSent()
    {
        var mocks = new StackMocks(isPreview: true);
        var component = await Run(mocks, Orders());
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Null(function.Input("role"));
        Assert.Equal(1536.0, function.Input("memorySize"));
        Assert.False(await OutputUtilities.GetIsKnownAsync(component.FunctionArn));
    }

    /// <summary>Values no default uses, so a component that ignores one fails.</summary>
    private sealed class TracedFunctionArgsBuilder
    {
        public string Runtime { get; set; } = "python3.12";

        public string Architecture { get; set; } = "arm64";

        public string Flavor { get; set; } = "distro";

        public InputMap<string> Environment { get; set; } = [];

        public List<FunctionStatement> Statements { get; set; } = [];

        public List<QueueSource> QueueSources { get; set; } = [];

        public TracedFunctionArgs Build() => new()
        {
            Runtime = Runtime,
            Handler = "orders.handle",
            CodePath = "orders-code",
            FunctionName = "shop-orders",
            Description = "Takes orders",
            Architecture = Architecture,
            Flavor = Flavor,
            MemorySize = 1536,
            TimeoutSeconds = 42,
            Environment = Environment,
            Statements = Statements,
            QueueSources = QueueSources,
            Region = "us-west-2",
            AccountId = Account,
            LogGroupName = "/shop/orders",
            LogRetentionDays = 14,
            ApplicationLogLevel = "WARN",
            SystemLogLevel = "INFO",
            ProtectLogGroup = true,
            RetainLogGroupOnDelete = true,
            Tags = Tags,
        };
    }
}
