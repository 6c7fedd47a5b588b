using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Api;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>TracedRestApi alone: the spec reaches the stage, the deployment follows the document, ARNs and URLs follow the partition.</summary>
[Collection(PulumiCollection.Name)]
public class TracedRestApiTests
{
    private const string ChatbotName = "chatbot-fn";

    /// <summary>What the mocks return as the REST API's id (StackMocks).</summary>
    private const string ApiId = "a1b2c3d4e5";

    /// <summary>The function ARNs the routes get: not what any name would predict, as a real deployment's may not be.</summary>
    private static readonly Dictionary<string, string> FunctionArns = new()
    {
        ["chatbot"] = $"arn:aws:lambda:{StackMocks.Region}:{StackMocks.Account}:function:{ChatbotName}",
        ["sqs-consumer"] = $"arn:aws:lambda:{StackMocks.Region}:{StackMocks.Account}:function:consumer-fn",
    };

    /// <summary>A spec the plan shows, given as the arguments a program writes for it.</summary>
    private static Task<ComponentRun<TracedRestApi>> Run(ApiSpec spec, AwsContext? aws = null, bool isPreview = false, bool? accessLogs = null) =>
        ComponentRun<TracedRestApi>.RunAsync(options => new TracedRestApi("chat", new TracedRestApiArgs
        {
            Name = spec.Name,
            Routes = spec.Routes
                .Select(route => route.FunctionKey is { } key ? TracedRoute.Lambda(route.Method, route.Path, FunctionArns[key]) : TracedRoute.Mock(route.Method, route.Path))
                .ToList(),
            StageName = spec.StageName,
            ThrottlingRateLimit = spec.Throttling.RateLimit,
            ThrottlingBurstLimit = spec.Throttling.BurstLimit,
            AccessLogGroupName = spec.AccessLogs.LogGroupName,
            AccessLogRetentionDays = spec.AccessLogs.RetentionDays,
            AccessLogClass = spec.AccessLogs.LogGroupClass.Wire(),
            ProtectAccessLogs = spec.AccessLogs.Protection.Protect,
            RetainAccessLogsOnDelete = spec.AccessLogs.Protection.RetainOnDelete,
            AccessLogs = accessLogs,
            Region = (aws ?? AwsContext.For(StackMocks.Region, StackMocks.Account)).Region,
            AccountId = StackMocks.Account,
            Tags = new Dictionary<string, string> { ["stack"] = "test" },
        }, options), isPreview);

    private static ApiSpec Spec(string stack) => Blueprints.For(stack).Api;

    private static ImmutableDictionary<string, object> MethodSettings(Registered stage) =>
        Assert.IsType<ImmutableDictionary<string, object>>(Assert.Single(stage.List("methodSettings")));

    [Fact]
    public async Task ThrottlingAndMetricsReachEveryMethodOfTheStage()
    {
        var run = await Run(Spec("dev") with { Throttling = new ThrottlingSpec(RateLimit: 123.5, BurstLimit: 77) });
        var settings = MethodSettings(run.Mocks.Single("aws-native:apigateway:Stage"));
        Assert.Equal(123.5, settings["throttlingRateLimit"]);
        Assert.Equal(77.0, settings["throttlingBurstLimit"]);
        Assert.Equal(true, settings["metricsEnabled"]);
        Assert.Equal(("*", "/*"), ((string)settings["httpMethod"], (string)settings["resourcePath"]));
    }

    [Fact]
    public async Task AccessLogsGoToTheComponentsLogGroupInTheSpecsFormat()
    {
        var spec = Spec("dev");
        var run = await Run(spec with { AccessLogs = spec.AccessLogs with { LogGroupName = "/test/access", RetentionDays = 14 } });
        var group = run.Mocks.Single("aws-native:logs:LogGroup");
        Assert.Equal("/test/access", group.String("logGroupName"));
        Assert.Equal(14.0, group.Input("retentionInDays"));
        var setting = run.Mocks.Single("aws-native:apigateway:Stage").Object("accessLogSetting");
        // The mocks give a log group the ARN CloudFormation reports: arn:...:log-group:<name>:*.
        Assert.Equal($"arn:aws:logs:{StackMocks.Region}:{StackMocks.Account}:log-group:/test/access:*", setting["destinationArn"]);
        // Each line carries the request's X-Ray trace id ($context.xrayTraceId, API Gateway's access log variables).
        Assert.Contains("$context.xrayTraceId", (string)setting["format"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task AccessLogsAreOnUnlessTurnedOff(bool? accessLogs, bool logged)
    {
        // A stage's access log setting needs API Gateway's account-level CloudWatch Logs role; without one, off.
        var run = await Run(Spec("dev"), accessLogs: accessLogs);
        Assert.Equal(logged ? 1 : 0, run.Mocks.OfType("aws-native:logs:LogGroup").Count);
        Assert.Equal(logged, run.Mocks.Single("aws-native:apigateway:Stage").Input("accessLogSetting") is not null);
    }

    [Theory]
    [InlineData(LogGroupClass.InfrequentAccess, "INFREQUENT_ACCESS")]
    [InlineData(LogGroupClass.Standard, "STANDARD")]
    public async Task TheAccessLogGroupHasTheSpecsClass(LogGroupClass logClass, string expected)
    {
        // AWS::Logs::LogGroup LogGroupClass: STANDARD | INFREQUENT_ACCESS
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html).
        var spec = Spec("prod");
        var run = await Run(spec with { AccessLogs = spec.AccessLogs with { LogGroupClass = logClass } });
        Assert.Equal(expected, run.Mocks.Single("aws-native:logs:LogGroup").String("logGroupClass"));
    }

    [Fact]
    public async Task RestApiIsRegionalRefusesWarningsAndServesEveryRoute()
    {
        var spec = Spec("dev");
        var run = await Run(spec);
        var api = run.Mocks.Single("aws-native:apigateway:RestApi");
        Assert.Equal(spec.Name, api.String("name"));
        Assert.Equal(true, api.Input("failOnWarnings"));
        Assert.Equal(["REGIONAL"], api.Object("endpointConfiguration")["types"] is ImmutableArray<object> types ? types.Cast<string>() : []);
        var paths = api.Object("body")["paths"];
        Assert.Equal(spec.OpenApi["paths"]!.AsObject().Select(pair => pair.Key).Order(), ((ImmutableDictionary<string, object>)paths).Keys.Order());
    }

    [Fact]
    public async Task TheIntegrationInvokesTheFunctionsRealArn()
    {
        // A Lambda proxy integration's uri is arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
        var run = await Run(Spec("dev"));
        var body = run.Mocks.Single("aws-native:apigateway:RestApi").Object("body");
        var chat = (ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)((ImmutableDictionary<string, object>)body["paths"])["/chat"])["post"];
        var integration = (ImmutableDictionary<string, object>)chat["x-amazon-apigateway-integration"];
        Assert.Equal($"arn:aws:apigateway:{StackMocks.Region}:lambda:path/2015-03-31/functions/{FunctionArns["chatbot"]}/invocations", integration["uri"]);
    }

    [Fact]
    public async Task StageTracesWithXRay()
    {
        var run = await Run(Spec("prod"));
        var stage = run.Mocks.Single("aws-native:apigateway:Stage");
        Assert.Equal(true, stage.Input("tracingEnabled"));
        Assert.Equal("prod", stage.String("stageName"));
    }

    [Fact]
    public async Task ANewDocumentIsANewDeploymentAndTheSameDocumentIsNot()
    {
        var spec = Spec("dev");
        var first = (await Run(spec)).Mocks.Single("aws-native:apigateway:Deployment").Name;
        var again = (await Run(Spec("dev"))).Mocks.Single("aws-native:apigateway:Deployment").Name;
        var settings = Blueprints.For("dev").Settings;
        var changedSpec = ApiBuilder.Build(settings, StackNames.For(settings), AwsContext.For(settings.Region, StackMocks.Account),
            [.. spec.Routes, RouteSpec.Mock("GET", "/status")]);
        var changed = (await Run(changedSpec)).Mocks.Single("aws-native:apigateway:Deployment").Name;

        // Pulumi identifies a resource by its URN, built from type, parent and name: a new name is a new resource,
        // which Pulumi creates before deleting the old one (https://www.pulumi.com/docs/iac/concepts/resources/names/).
        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public async Task AChangedIntegrationAloneIsANewDeployment()
    {
        // The same routes pointed at another function: the document the stage serves changes only in the function's
        // ARN, which is an output; the deployment's description carries the document's hash and replaces it.
        var settings = Blueprints.For("dev").Settings;
        ApiSpec Build(string chatTarget) => ApiBuilder.Build(settings, StackNames.For(settings), AwsContext.For(settings.Region, StackMocks.Account),
            [RouteSpec.Lambda("POST", "/chat", chatTarget), RouteSpec.Mock("GET", "/health")]);
        var toChatbot = await Run(Build("chatbot"));
        var toConsumer = await Run(Build("sqs-consumer"));
        var first = toChatbot.Mocks.Single("aws-native:apigateway:Deployment");
        Assert.NotEqual(first.String("description"), toConsumer.Mocks.Single("aws-native:apigateway:Deployment").String("description"));
        Assert.Contains("description", toChatbot.OptionsOf(first.Name).ReplaceOnChanges);
    }

    [Fact]
    public async Task InvokePermissionIsScopedToTheRouteOfThisStage()
    {
        var run = await Run(Spec("dev"));
        var permission = run.Mocks.Single("aws:lambda/permission:Permission");
        Assert.Equal(FunctionArns["chatbot"], permission.String("function"));
        Assert.Equal("lambda:InvokeFunction", permission.String("action"));
        Assert.Equal("apigateway.amazonaws.com", permission.String("principal"));
        Assert.Equal($"arn:aws:execute-api:{StackMocks.Region}:{StackMocks.Account}:{ApiId}/dev/POST/chat", permission.String("sourceArn"));
    }

    [Fact]
    public async Task ChinaRegionsGetChinaArnsAndEndpoints()
    {
        // Endpoints in the China regions end in amazonaws.com.cn (https://docs.amazonaws.cn/en_us/general/latest/gr/rande.html),
        // ARNs use the aws-cn partition; service principals keep amazonaws.com.
        var run = await Run(Spec("dev"), AwsContext.For("cn-north-1", StackMocks.Account));
        Assert.Equal($"https://{ApiId}.execute-api.cn-north-1.amazonaws.com.cn/dev", await OutputUtilities.GetValueAsync(run.Component.InvokeUrl));
        Assert.Equal($"arn:aws-cn:apigateway:cn-north-1::/restapis/{ApiId}/stages/dev", await OutputUtilities.GetValueAsync(run.Component.StageArn));
        var permission = run.Mocks.Single("aws:lambda/permission:Permission");
        Assert.Equal($"arn:aws-cn:execute-api:cn-north-1:{StackMocks.Account}:{ApiId}/dev/POST/chat", permission.String("sourceArn"));
        Assert.Equal("apigateway.amazonaws.com", permission.String("principal"));
    }

    [Fact]
    public async Task StandardRegionsGetAmazonawsDotCom()
    {
        var run = await Run(Spec("dev"));
        Assert.Equal($"https://{ApiId}.execute-api.{StackMocks.Region}.amazonaws.com/dev", await OutputUtilities.GetValueAsync(run.Component.InvokeUrl));
        Assert.Equal($"arn:aws:apigateway:{StackMocks.Region}::/restapis/{ApiId}/stages/dev", await OutputUtilities.GetValueAsync(run.Component.StageArn));
    }

    [Fact]
    public async Task ProdProtectsTheAccessLogGroupAndDevDoesNot()
    {
        var prod = await Run(Spec("prod"));
        Assert.True(prod.OptionsOf("chat-access-logs").Protect);
        var dev = await Run(Spec("dev"));
        Assert.NotEqual(true, dev.OptionsOf("chat-access-logs").Protect);
    }

    [Fact]
    public async Task PreviewRegistersWhatAnUpdateRegisters()
    {
        var update = await Run(Spec("prod"));
        var preview = await Run(Spec("prod"), isPreview: true);
        var names = update.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order().ToList();
        Assert.True(names.Count >= 4, string.Join(", ", names));
        Assert.Equal(names, preview.Mocks.Resources.Select(resource => (resource.Type, resource.Name)).Order().ToList());
        Assert.Equal(update.Options.Keys.Order(), preview.Options.Keys.Order());
        Assert.All(update.Options, pair => Assert.Equal(pair.Value.Protect, preview.Options[pair.Key].Protect));
    }
}
