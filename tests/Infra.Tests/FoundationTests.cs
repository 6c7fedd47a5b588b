using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Sampling;
using Infra.Core.Settings;
using Pulumi;

namespace Infra.Tests;

/// <summary>
/// The foundation layer: a fresh account deploys foundation first, then apps. The shapes follow the CloudFormation
/// schemas: AWS::ApiGateway::Account has the one property CloudWatchRoleArn
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-account.html);
/// AWS::XRay::TransactionSearchConfig has IndexingPercentage, 0 to 100
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-xray-transactionsearchconfig.html).
/// </summary>
[Collection(PulumiCollection.Name)]
public class FoundationTests
{
    private const string Account = "aws-native:apigateway:Account";

    private static Task<StackRun> Foundation(params (string Key, string Value)[] extra)
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("foundation"));
        foreach (var (key, value) in extra)
        {
            config[$"adot-tracing:{key}"] = value;
        }

        return StackRun.RunAsync("foundation", config);
    }

    [Fact]
    public async Task TheFoundationAlarmsOnTheCollectorItRuns()
    {
        var run = await Foundation();
        var alarms = run.Mocks.OfType("aws-native:cloudwatch:Alarm").Select(alarm => alarm.String("alarmName")).Order(StringComparer.Ordinal);
        Assert.Equal(["adot-tracing-foundation-collector-cpu", "adot-tracing-foundation-collector-memory", "adot-tracing-foundation-collector-running-tasks"], alarms);
        Assert.Single(run.Mocks.OfType("aws-native:sns:Topic"));
    }

    [Fact]
    public async Task TheFoundationAndDevTogetherHoldEverythingTheStagesAccessLoggingNeeds()
    {
        var foundation = await Foundation();
        var account = foundation.Mocks.Single(Account);
        Assert.Equal(["cloudWatchRoleArn"], account.Inputs.Keys);
        var role = foundation.Mocks.OfType("aws-native:iam:Role").Single(role => account.String("cloudWatchRoleArn")!.EndsWith($":role/{role.String("roleName")}", StringComparison.Ordinal));
        Assert.Contains("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs", role.Strings("managedPolicyArns"));
        var trust = (ImmutableDictionary<string, object>)role.Object("assumeRolePolicyDocument")["Statement"].As<ImmutableArray<object>>()[0];
        Assert.Equal("apigateway.amazonaws.com", ((ImmutableDictionary<string, object>)trust["Principal"])["Service"]);

        var dev = await StackRun.RunAsync("dev", StackRun.CommittedConfig("dev"));
        Assert.Empty(dev.Mocks.OfType(Account));
        var stage = dev.Mocks.Single("aws-native:apigateway:Stage");
        Assert.NotNull(stage.Object("accessLogSetting")["destinationArn"]);
        Assert.Equal(StackMocks.DefaultFoundationOutputs["apiGatewayCloudWatchRoleArn"], await dev.OutputAsync<object>("apiGatewayCloudWatchRoleArn"));
    }

    [Fact]
    public async Task DevWithoutAFoundationTurnsAccessLoggingOffInsteadOfFailing()
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("dev")) { ["adot-tracing:foundation"] = "" };
        var mocks = new StackMocks { FoundationOutputs = null };
        var dev = await StackRun.RunAsync("dev", config, mocks: mocks);
        Assert.Null(dev.Mocks.Single("aws-native:apigateway:Stage").Input("accessLogSetting"));
        Assert.DoesNotContain(dev.Mocks.OfType("aws-native:logs:LogGroup"), group => group.String("logGroupName")!.Contains("access", StringComparison.Ordinal));
        Assert.Empty(dev.Mocks.OfType("pulumi:pulumi:StackReference"));
        Assert.Empty(dev.Mocks.OfType(Account));
    }

    [Fact]
    public async Task AnAppStackWhoseFoundationIsNotDeployedFails()
    {
        var mocks = new StackMocks { FoundationOutputs = null };
        await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("dev", StackRun.CommittedConfig("dev"), mocks: mocks));
    }

    [Fact]
    public async Task TheCollectorsEndpointReachesAppStacksFromTheFoundationsOutputs()
    {
        var foundation = await Foundation();
        var endpoint = await foundation.OutputAsync<object>("collectorEndpoint");
        var ports = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(endpoint)["ports"]);
        Assert.Equal(4317, ports["4317/tcp"]); // OTLP gRPC, the collector's default receiver port

        var mocks = new StackMocks
        {
            FoundationOutputs = new Dictionary<string, object>(StackMocks.DefaultFoundationOutputs) { ["collectorEndpoint"] = "from-the-foundation" },
        };
        var dev = await StackRun.RunAsync("dev", StackRun.CommittedConfig("dev"), mocks: mocks);
        Assert.Equal("from-the-foundation", await dev.OutputAsync<object>("collectorEndpoint"));
        Assert.Equal("foundation", (string)dev.Mocks.Single("pulumi:pulumi:StackReference").Inputs["name"]);
    }

    [Fact]
    public async Task EachEnvironmentsStacksTogetherProvisionEveryPartOfTheArticle()
    {
        var foundation = await Foundation();
        foreach (var environment in new[] { "dev", "staging", "prod" })
        {
            var app = await StackRun.RunAsync(environment, StackRun.CommittedConfig(environment));
            var types = foundation.Mocks.Resources.Concat(app.Mocks.Resources).Select(resource => resource.Type).ToHashSet();
            Assert.Superset(new HashSet<string>
            {
                "aws-native:ecs:Cluster", "aws-native:ecs:Service", "aws-native:iam:ManagedPolicy", "aws-native:iam:InstanceProfile",
                "aws:lambda/function:Function", "aws-native:apigateway:Stage", "aws-native:sqs:Queue", "aws-native:xray:SamplingRule",
            }, types);
            Assert.Empty(app.Mocks.OfType("aws-native:ecs:Cluster"));
        }
    }

    [Fact]
    public async Task TheArticleProfileStillReproducesTheArticleInOneStack()
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("dev"))
        {
            ["adot-tracing:profile"] = "article", ["adot-tracing:foundation"] = "", ["adot-tracing:collector"] = "{}",
        };
        var run = await StackRun.RunAsync("dev", config, mocks: new StackMocks { FoundationOutputs = null });
        var types = run.Mocks.Resources.Select(resource => resource.Type).ToHashSet();
        Assert.Superset(new HashSet<string> { "aws-native:ecs:Cluster", "aws:lambda/function:Function", "aws-native:apigateway:Stage", "aws-native:sqs:Queue", "aws-native:xray:SamplingRule" }, types);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, StackMocks.Account)]
    public async Task TransactionSearchIsAdoptedWhenAlreadyOnAndKeptOnAtDestroy(bool adopt, string? importId)
    {
        var options = new List<(string Type, CustomResourceOptions Options)>();
        var spec = new TransactionSearchSpec(true, 5, "adot-tracing-foundation-transaction-search",
            new Infra.Core.Iam.PolicyDocument([Infra.Core.Iam.PolicyStatement.Allow("TransactionSearchXRayAccess", ["logs:PutLogEvents"], "arn:aws:logs:us-west-2:123456789012:log-group:aws/spans:*")]));
        var mocks = new StackMocks();
        await ComponentRun.RunAsync(mocks, () => new TransactionSearch("search", new TransactionSearchArgs { Spec = spec, AdoptAccountId = adopt ? StackMocks.Account : null },
            new ComponentResourceOptions
            {
                ResourceTransformations =
                {
                    args =>
                    {
                        if (args.Options is CustomResourceOptions custom)
                        {
                            options.Add((args.Resource.GetResourceType(), custom));
                        }

                        return null;
                    },
                },
            }));
        var config = options.Single(option => option.Type == "aws-native:xray:TransactionSearchConfig").Options;
        Assert.Equal(importId, config.ImportId);
        Assert.True(config.RetainOnDelete);
        var indexing = Convert.ToDouble(mocks.Single("aws-native:xray:TransactionSearchConfig").Input("indexingPercentage"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(indexing, 0, 100);
        Assert.Equal(5, indexing);
    }

    [Fact]
    public async Task TheProgramRefusesWhatThePlanRefusesWithTheSameMessage()
    {
        var directory = Directory.CreateTempSubdirectory("siblings").FullName;
        try
        {
            var root = Infra.Core.ProjectRoot.Find(AppContext.BaseDirectory);
            File.Copy(Path.Combine(root, "Pulumi.yaml"), Path.Combine(directory, "Pulumi.yaml"));
            var owner = "config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n  adot-tracing:kind: foundation\n  adot-tracing:environment: prod\n";
            File.WriteAllText(Path.Combine(directory, "Pulumi.foundation.yaml"), owner);
            File.WriteAllText(Path.Combine(directory, "Pulumi.foundation2.yaml"), owner);

            var settings = StackSettingsParser.Parse(Infra.Core.StackFiles.StackFolder.Load(directory, "foundation").Config!, new Infra.App.ChatbotApp()).GetOrThrow();
            var expected = Assert.Single(SiblingStacks.Check(directory, settings, new Infra.App.ChatbotApp()).Errors);
            Assert.Equal(ConfigKeys.Full(ConfigKeys.Kind), expected.Key);

            var config = new Dictionary<string, string>(Infra.Core.StackFiles.StackFolder.Load(directory, "foundation").Config!.Values);
            System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", StackMocks.ConfigJson(config));
            try
            {
                var mocks = new StackMocks();
                var exception = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(
                    mocks.Mock.Object,
                    new Pulumi.Testing.TestOptions { StackName = "foundation", ProjectName = "adot-tracing" },
                    () => AdotTracingProgram.RunAsync(new Infra.App.ChatbotApp(), null, directory)));
                Assert.Contains(expected.ToString(), exception.Message, StringComparison.Ordinal);
            }
            finally
            {
                System.Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

internal static class ObjectExtensions
{
    public static T As<T>(this object value) => (T)value;
}
