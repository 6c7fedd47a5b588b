using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Api;
using Infra.Core.Naming;
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

    private static Task<ComponentRun<TracedRestApi>> Run(ApiSpec spec, AwsContext? aws = null, bool isPreview = false) =>
        ComponentRun<TracedRestApi>.RunAsync(options => new TracedRestApi("chat", new TracedRestApiArgs
        {
            Spec = spec,
            FunctionNames = new Dictionary<string, Input<string>> { ["chatbot"] = ChatbotName, ["sqs-consumer"] = "consumer-fn" },
            Aws = aws ?? AwsContext.For(StackMocks.Region, StackMocks.Account),
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
        var run = await Run(spec with { AccessLogs = spec.AccessLogs with { LogGroupName = "/test/access", RetentionDays = 14, Format = "{\"id\":\"$context.requestId\"}" } });
        var group = run.Mocks.Single("aws-native:logs:LogGroup");
        Assert.Equal("/test/access", group.String("logGroupName"));
        Assert.Equal(14.0, group.Input("retentionInDays"));
        var setting = run.Mocks.Single("aws-native:apigateway:Stage").Object("accessLogSetting");
        // The mocks give a log group the ARN CloudFormation reports: arn:...:log-group:<name>:*.
        Assert.Equal($"arn:aws:logs:{StackMocks.Region}:{StackMocks.Account}:log-group:/test/access:*", setting["destinationArn"]);
        Assert.Equal("{\"id\":\"$context.requestId\"}", setting["format"]);
    }

    [Fact]
    public async Task RestApiIsTheSpecsDocumentAndSettings()
    {
        var spec = Spec("dev") with { Description = "described", EndpointType = "PRIVATE", FailOnWarnings = false };
        var run = await Run(spec);
        var api = run.Mocks.Single("aws-native:apigateway:RestApi");
        Assert.Equal(spec.Name, api.String("name"));
        Assert.Equal("described", api.String("description"));
        Assert.Equal(false, api.Input("failOnWarnings"));
        Assert.Equal(["PRIVATE"], api.Object("endpointConfiguration")["types"] is ImmutableArray<object> types ? types.Cast<string>() : []);
        var paths = api.Object("body")["paths"];
        Assert.Equal(spec.OpenApi["paths"]!.AsObject().Select(pair => pair.Key).Order(), ((ImmutableDictionary<string, object>)paths).Keys.Order());
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
        var settings = Blueprints.For("dev").Settings;
        ApiSpec Build(string chatTarget) => ApiBuilder.Build(settings, StackNames.For(settings), AwsContext.For(settings.Region, StackMocks.Account),
            [RouteSpec.Lambda("POST", "/chat", chatTarget), RouteSpec.Mock("GET", "/health")]);
        var toChatbot = (await Run(Build("chatbot"))).Mocks.Single("aws-native:apigateway:Deployment");
        var toConsumer = (await Run(Build("sqs-consumer"))).Mocks.Single("aws-native:apigateway:Deployment");
        Assert.NotEqual(toChatbot.Name, toConsumer.Name);
        Assert.NotEqual(toChatbot.String("description"), toConsumer.String("description"));
    }

    [Fact]
    public async Task InvokePermissionIsScopedToTheRouteOfThisStage()
    {
        var run = await Run(Spec("dev"));
        var permission = run.Mocks.Single("aws:lambda/permission:Permission");
        Assert.Equal(ChatbotName, permission.String("function"));
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
