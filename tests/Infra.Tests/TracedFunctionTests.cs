using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Iam;
using Infra.Core.Lambda;
using Infra.Core.Settings;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>
/// TracedFunction alone: a pure mapping of the FunctionSpec it is given. The spec here is written by hand with
/// values no preset uses, so a component that ignores a field, or decides one itself, fails.
/// </summary>
[Collection(PulumiCollection.Name)]
public class TracedFunctionTests
{
    private const string Account = StackMocks.Account;
    private const string LogGroup = "/aws/lambda/shop-test-orders";

    private static readonly FunctionSpec Spec = new(
        Key: "orders",
        FunctionName: "shop-test-orders",
        Description: "Takes orders",
        Runtime: "python3.13",
        Handler: "orders.handle",
        Code: Infra.Core.App.FunctionCode.Folder("functions/orders"),
        Architecture: LambdaArchitecture.Arm64,
        MemorySize: 1536,
        TimeoutSeconds: 42,
        TracingMode: "PassThrough",
        Layers: ["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-arm64-ver-1-32-0:2"],
        Environment: new Dictionary<string, string>
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument",
            ["OTEL_PROPAGATORS"] = "tracecontext,baggage,xray-lambda",
            ["ORDERS_TABLE"] = "orders",
        },
        Statements: [],
        Links: [],
        LogGroupName: LogGroup,
        LogFormat: "Text",
        LogRetentionDays: 14,
        Role: new RoleSpec(
            "shop-test-orders-role",
            "Runs the orders function",
            new PolicyDocument([PolicyStatement.AssumeRole("lambda.amazonaws.com")]),
            ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
            [
                new InlinePolicy("tracing", new PolicyDocument([PolicyStatement.Allow("Trace", ["xray:PutTraceSegments"], "*")])),
                new InlinePolicy("orders", new PolicyDocument([PolicyStatement.Allow("Write", ["dynamodb:PutItem"], $"arn:aws:dynamodb:us-west-2:{Account}:table/orders")])),
            ]),
        LogGroupProtection: new ResourceProtection(Protect: true, RetainOnDelete: true));

    private static readonly Dictionary<string, string> Tags = new() { ["team"] = "shop" };

    private static Task<TracedFunction> Run(StackMocks mocks) => ComponentRun.RunAsync(mocks, () =>
        new TracedFunction("orders", new TracedFunctionArgs { Spec = Spec, CodePath = "orders-code", Tags = Tags }));

    [Fact]
    public async Task TheLogGroupIsProtectedAsItsSpecSays()
    {
        var run = await ComponentRun<TracedFunction>.RunAsync(options =>
            new TracedFunction("orders", new TracedFunctionArgs { Spec = Spec, CodePath = "orders-code", Tags = Tags }, options));
        var options = run.OptionsOf("orders-logs");
        Assert.Equal((true, true), (options.Protect, options.RetainOnDelete));
    }

    [Fact]
    public async Task TheFunctionCarriesEveryValueOfItsSpec()
    {
        var mocks = new StackMocks();
        await Run(mocks);
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Equal("shop-test-orders", function.String("name"));
        Assert.Equal("Takes orders", function.String("description"));
        Assert.Equal("python3.13", function.String("runtime"));
        Assert.Equal("orders.handle", function.String("handler"));
        Assert.Equal(["arm64"], function.Strings("architectures"));
        Assert.Equal(1536.0, function.Input("memorySize"));
        Assert.Equal(42.0, function.Input("timeout"));
        Assert.Equal("PassThrough", function.Object("tracingConfig")["mode"]);
        Assert.Equal(["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-arm64-ver-1-32-0:2"], function.Strings("layers"));
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/otel-instrument",
                ["OTEL_PROPAGATORS"] = "tracecontext,baggage,xray-lambda",
                ["ORDERS_TABLE"] = "orders",
            },
            Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(function.Object("environment")["variables"]));
        Assert.Equal(new Dictionary<string, object> { ["team"] = "shop" }, function.Object("tags"));
    }

    [Fact]
    public async Task LogsGoToItsOwnLogGroupInTheSpecsFormatAndRetention()
    {
        var mocks = new StackMocks();
        await Run(mocks);
        var logGroup = mocks.Single("aws-native:logs:LogGroup");
        Assert.Equal(LogGroup, logGroup.String("logGroupName"));
        Assert.Equal(14.0, logGroup.Input("retentionInDays"));
        var logging = mocks.Single("aws:lambda/function:Function").Object("loggingConfig");
        Assert.Equal("Text", logging["logFormat"]);
        Assert.Equal(LogGroup, logging["logGroup"]);
    }

    [Fact]
    public async Task TheFunctionLogsToTheLogGroupResourceNotToACopyOfItsName()
    {
        // With the log group's outputs unknown, a logging configuration wired to the resource is unknown too (the
        // SDK sends an object holding an unknown value as unknown as a whole); one given the name as a plain
        // string would be sent, and Lambda could create the group itself before the stack does.
        var mocks = new StackMocks { UnknownOutputs = new HashSet<string> { "aws-native:logs:LogGroup" } };
        await Run(mocks);
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Null(function.Input("loggingConfig"));
        Assert.Equal("orders.handle", function.String("handler"));
    }

    [Fact]
    public async Task TheRoleIsTheSpecsRoleAndTheFunctionRunsAsIt()
    {
        var mocks = new StackMocks();
        var component = await Run(mocks);
        var role = mocks.Single("aws-native:iam:Role");
        Assert.Equal("shop-test-orders-role", role.String("roleName"));
        Assert.Equal("Runs the orders function", role.String("description"));
        Assert.Equal(
            [new Statement(null, "Allow", "sts:AssumeRole", "", """{"Service":"lambda.amazonaws.com"}""")],
            Statement.Of(role.Object("assumeRolePolicyDocument")));
        Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"], role.Strings("managedPolicyArns"));
        var policies = role.List("policies").Cast<ImmutableDictionary<string, object>>().ToDictionary(policy => (string)policy["policyName"], policy => Statement.Of(policy["policyDocument"]));
        Assert.Equal(["orders", "tracing"], policies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Statement.Allow("Trace", ["xray:PutTraceSegments"], "*")], policies["tracing"]);
        Assert.Equal([Statement.Allow("Write", ["dynamodb:PutItem"], $"arn:aws:dynamodb:us-west-2:{Account}:table/orders")], policies["orders"]);

        var roleArn = $"arn:aws:iam::{Account}:role/shop-test-orders-role";
        Assert.Equal(roleArn, mocks.Single("aws:lambda/function:Function").String("role"));
        Assert.Equal(roleArn, await OutputUtilities.GetValueAsync(component.RoleArn));
    }

    [Fact]
    public async Task OutputsAreWhatLambdaReturns()
    {
        var mocks = new StackMocks();
        var component = await Run(mocks);
        Assert.Equal("shop-test-orders", await OutputUtilities.GetValueAsync(component.FunctionName));
        Assert.Equal($"arn:aws:lambda:us-west-2:{Account}:function:shop-test-orders", await OutputUtilities.GetValueAsync(component.FunctionArn));
        Assert.Contains(mocks.OutputsRegistered, urn => urn.EndsWith("adot-tracing:lambda:TracedFunction::orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InAPreviewTheRoleArnIsUnknownAndEverythingElseIsSent()
    {
        var mocks = new StackMocks(isPreview: true);
        var component = await Run(mocks);
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Null(function.Input("role"));
        Assert.Equal(1536.0, function.Input("memorySize"));
        Assert.False(await OutputUtilities.GetIsKnownAsync(component.FunctionArn));
    }
}
