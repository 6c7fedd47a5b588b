using Infra.Core.Collector;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// profile: article reproduces the article (the project's source article, "Implementing AWS X-Ray for Tracing and
/// Debugging Your Application", 2024-09-30); the default profile follows AWS's current recommendation
/// (https://aws-otel.github.io/docs/getting-started/lambda). Explicit keys win over either.
/// </summary>
public class ProfileTests
{
    private static readonly (string, string) Article = ("profile", "article");

    [Fact]
    public void ArticleProfileAttachesTheArticlesPythonLayer()
    {
        // Step 2b: arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1; Step 2c: /opt/otel-instrument.
        var blueprint = TestStacks.Blueprint("dev", Article);
        Assert.Equal(2, blueprint.Functions.Count);
        Assert.All(blueprint.Functions, function =>
        {
            Assert.Equal(["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1"], function.Layers);
            Assert.Equal("/opt/otel-instrument", function.Environment["AWS_LAMBDA_EXEC_WRAPPER"]);
            Assert.Equal("Active", function.TracingMode);
        });
    }

    [Fact]
    public void ArticleProfileRunsTheCollectorOnT2Medium() =>
        // Step 1e: "my ASG is using the t2.medium instance type with 2 vCPU and 4GB memory".
        Assert.Equal("t2.medium", TestStacks.Blueprint("dev", Article).Collector!.LaunchTemplate.InstanceType);

    [Fact]
    public void ArticleProfileStartsTheCollectorWithTheBundledDefaultConfig()
    {
        // Step 1e: "--config=/etc/ecs/ecs-default-config.yaml", no config of our own.
        var collector = TestStacks.Blueprint("dev", Article).Collector!;
        Assert.Equal(["--config=/etc/ecs/ecs-default-config.yaml"], collector.Task.Container.Command);
        Assert.Empty(collector.Task.Container.Secrets);
        Assert.Null(collector.Config.ParameterName);
    }

    [Fact]
    public void ArticleProfileExportsTracesWithAwsxray()
    {
        // aws-observability/aws-otel-collector@v0.49.0:config/ecs/ecs-default-config.yaml, traces pipeline: exporters: [awsxray].
        var collector = TestStacks.Blueprint("dev", Article).Collector!;
        Assert.Contains("awsxray", BundledConfigs.Of(collector.Config.BundledPath!).Exporters);
    }

    [Fact]
    public void ArticleProfileUsesTheArticlesIamExactly()
    {
        var iam = TestStacks.Blueprint("dev", Article).CollectorIam!;
        Assert.Equal(IamMode.Seed, iam.Mode);
        // Step 1a, AWSDistroOpenTelemetryPolicy, on "*".
        string[] article =
        [
            "logs:PutLogEvents", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:DescribeLogGroups",
            "logs:PutRetentionPolicy", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
            "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries", "cloudwatch:PutMetricData", "ec2:DescribeVolumes",
            "ec2:DescribeTags", "ssm:GetParameters",
        ];
        var statement = Assert.Single(iam.CollectorPolicy.Document.Statements);
        Assert.Equal(article.Order(StringComparer.Ordinal), statement.Actions.Order(StringComparer.Ordinal));
        Assert.Equal(["*"], statement.Resources);
        // Step 1c: the TaskExecutionRole's three managed policies.
        Assert.Equal(
            ["arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess", "arn:aws:iam::aws:policy/CloudWatchLogsFullAccess", "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
            iam.ExecutionRole.ManagedPolicyArns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ArticleProfileGivesTheFunctionsTheArticlesXRayStatement()
    {
        // Step 2d: xray:PutTelemetryRecords and xray:PutTraceSegments on "*", nothing else for tracing.
        var blueprint = TestStacks.Blueprint("dev", Article);
        Assert.All(blueprint.Functions, function =>
        {
            var xray = Assert.Single(function.Policy.Statements, statement => statement.Actions.Any(action => action.StartsWith("xray:", StringComparison.Ordinal)));
            Assert.Equal(["xray:PutTelemetryRecords", "xray:PutTraceSegments"], xray.Actions.Order(StringComparer.Ordinal));
            Assert.Equal(["*"], xray.Resources);
        });
    }

    [Fact]
    public void ArticleProfileHasNoApplicationSignals()
    {
        var blueprint = TestStacks.Blueprint("dev", Article);
        Assert.False(blueprint.ApplicationSignals.FunctionsEnabled);
        Assert.Empty(blueprint.ApplicationSignals.Services);
        Assert.All(blueprint.Functions, function =>
        {
            Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"], function.Role.ManagedPolicyArns);
            Assert.False(function.Environment.ContainsKey("OTEL_AWS_APPLICATION_SIGNALS_ENABLED"));
        });
    }

    [Fact]
    public void RecommendedIsTheDefaultProfile()
    {
        var settings = TestStacks.Settings("staging");
        Assert.Equal(Profile.Recommended, settings.Profile);
        Assert.Equal(IamMode.LeastPrivilege, settings.IamMode);
        Assert.Equal(LayerFlavor.Distro, settings.Lambda.Flavor);
        Assert.False(settings.ApplicationSignals.Enabled); // no environment's preset turns it on
        Assert.Equal(CollectorConfigSource.Custom, settings.Collector.Config.Source);
    }

    [Fact]
    public void RecommendedProfileAttachesTheDistroLayer()
    {
        // AWSOpenTelemetryDistroPython, published by 615299751070 in us-west-2 (src/config/lambdaLayerArns.js of
        // aws-otel/aws-otel.github.io, the table on https://aws-otel.github.io/docs/getting-started/lambda).
        var blueprint = TestStacks.Blueprint("dev");
        Assert.All(blueprint.Functions, function =>
        {
            var layer = Assert.Single(function.Layers);
            Assert.StartsWith("arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:", layer);
            Assert.True(int.Parse(layer[(layer.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        });
    }

    [Fact]
    public void RecommendedProfileRunsCurrentGenerationHostsWithARenderedConfig()
    {
        var collector = TestStacks.Blueprint("prod").Collector!;
        Assert.Equal("t3.medium", collector.LaunchTemplate.InstanceType);
        Assert.Equal(CollectorConfigSource.Custom, collector.Config.Source);
        Assert.Empty(collector.Task.Container.Command);
    }

    [Fact]
    public void AnExplicitKeyWinsOverTheProfileAndTheRestStays()
    {
        var settings = TestStacks.Settings("dev", Article, ("collector", """{"instanceType":"t3.large"}"""), ("iamMode", "least-privilege"));
        Assert.Equal("t3.large", settings.Collector.InstanceType);
        Assert.Equal(IamMode.LeastPrivilege, settings.IamMode);
        Assert.Equal(CollectorConfigSource.Bundled, settings.Collector.Config.Source);
        Assert.Equal(LayerFlavor.Legacy, settings.Lambda.Flavor);
        Assert.Equal("1.25.0", settings.Lambda.Versions["python"]);
    }

    [Fact]
    public void EnvironmentPresetStillSizesTheProfile()
    {
        var prod = TestStacks.Settings("prod", Article);
        var preset = EnvironmentPresets.For(DeploymentEnvironment.Prod);
        Assert.Equal((preset.Collector.MinSize, preset.Collector.MaxSize, preset.Lambda.MemorySize), (prod.Collector.MinSize, prod.Collector.MaxSize, prod.Lambda.MemorySize));
        Assert.Equal("t2.medium", prod.Collector.InstanceType);
    }

    [Fact]
    public void PinningAnotherLanguageKeepsTheArticlesPythonRelease()
    {
        var settings = TestStacks.Settings("dev", Article, ("lambda", """{"versions":{"nodejs":"1.30.2"}}"""));
        Assert.Equal("1.25.0", settings.Lambda.Versions["python"]);
        Assert.Equal("1.30.2", settings.Lambda.Versions["nodejs"]);
    }

    [Fact]
    public void ExplicitPythonReleaseReplacesTheArticles()
    {
        var blueprint = TestStacks.Blueprint("dev", Article, ("lambda", """{"versions":{"python":"1.32.0"}}"""));
        Assert.Equal(["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-32-0:2"], blueprint.Function(ChatbotApp.Chatbot).Layers);
    }

    [Fact]
    public void DistroFlavorOnTheArticleProfileDropsTheLegacyPinAndKeepsApplicationSignalsOff()
    {
        // A legacy release (1.25.0) is not a distro layer version; the pin belongs to the profile's flavor only.
        var result = TestStacks.Parse("dev", Article, ("lambda", """{"flavor":"distro"}"""));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        var settings = result.Settings!;
        Assert.Empty(settings.Lambda.Versions);
        Assert.False(settings.ApplicationSignals.Enabled);
        var blueprint = TestStacks.Blueprint("dev", Article, ("lambda", """{"flavor":"distro"}"""));
        Assert.Equal("false", blueprint.Function(ChatbotApp.Chatbot).Environment["OTEL_AWS_APPLICATION_SIGNALS_ENABLED"]);
    }

    [Fact]
    public void LegacyFlavorOnTheRecommendedProfileTurnsApplicationSignalsOffWithoutAnError()
    {
        var settings = TestStacks.Settings("dev", ("lambda", """{"flavor":"legacy"}"""));
        Assert.False(settings.ApplicationSignals.Enabled);
    }

    [Fact]
    public void ApplicationSignalsWithTheLegacyLayersIsRefused()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("lambda", """{"flavor":"legacy"}"""), ("applicationSignals", """{"enabled":true}""")),
            "adot-tracing:applicationSignals.enabled");
        Assert.Contains("distro", error.Message);
    }

    [Fact]
    public void ApplicationSignalsOnTheArticleProfileIsRefusedUnlessTheFlavorIsDistro() =>
        TestStacks.Single(TestStacks.Errors("dev", Article, ("applicationSignals", """{"enabled":true}""")), "adot-tracing:applicationSignals.enabled");

    [Fact]
    public void ABundledFileNextToTheProfilesCustomConfigIsRefused()
    {
        var error = TestStacks.Single(
            TestStacks.Errors("dev", ("collector", """{"config":{"bundledPath":"/etc/ecs/ecs-xray.yaml"}}""")),
            "adot-tracing:collector.config.bundledPath");
        Assert.Contains("source", error.Message);
    }

    [Fact]
    public void ABundledFileWithTheArticleProfileNeedsNoSource() =>
        Assert.Equal(
            ["--config=/etc/ecs/ecs-xray.yaml"],
            TestStacks.Blueprint("dev", Article, ("collector", """{"config":{"bundledPath":"/etc/ecs/ecs-xray.yaml"}}""")).Collector!.Task.Container.Command);

    [Fact]
    public void UnknownProfileNamesTheKeyAndTheNearestProfile()
    {
        var error = TestStacks.Single(TestStacks.Errors("dev", ("profile", "artcle")), "adot-tracing:profile");
        Assert.Contains("'artcle'", error.Message);
        Assert.Contains("recommended, article", error.Message);
        Assert.Contains("Did you mean 'article'?", error.Message);
    }

    [Fact]
    public void TheProfileListsWhereTheStackDepartsFromIt()
    {
        Assert.Empty(ProfileSpec.Of(TestStacks.Settings("dev", Article)).Overrides);
        Assert.Empty(ProfileSpec.Of(TestStacks.Settings("prod")).Overrides);
        var spec = ProfileSpec.Of(TestStacks.Settings("dev", Article, ("collector", """{"instanceType":"t3.large"}"""), ("lambda", """{"versions":{"python":"1.32.0"}}""")));
        Assert.Equal(Profile.Article, spec.Name);
        Assert.Equal(["collector.instanceType: t3.large", "lambda.versions.python: 1.32.0"], spec.Overrides);
    }
}
