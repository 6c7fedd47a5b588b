using Infra.Core.Collector;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// The presets as the docs state them: the per-environment tables of docs/configuration.md (collector,
/// lambda, app, api, sampling, traffic) and the table of "Profiles". A stack that sets nothing gets exactly these.
/// </summary>
public class DocumentedPresetTests
{
    [Theory]
    [InlineData("dev", 1, 1, 1, 1, 7)]
    [InlineData("staging", 1, 2, 1, 1, 30)]
    [InlineData("prod", 2, 4, 2, 2, 90)]
    public void CollectorPerEnvironment(string stack, int min, int max, int desired, int desiredCount, int retention)
    {
        var collector = TestStacks.Settings(stack).Collector;
        Assert.Equal(
            new CollectorSettings(
                Enabled: true, InstanceType: "t3.medium", MinSize: min, MaxSize: max, DesiredCapacity: desired, VpcId: null, SubnetIds: collector.SubnetIds,
                SchedulingStrategy: SchedulingStrategy.Daemon, DesiredCount: desiredCount, ImageTag: "v0.49.0", Cpu: 1024, Memory: 2048,
                LogRetentionDays: retention, Config: new CollectorConfigSettings(CollectorConfigSource.Custom, "/etc/ecs/ecs-default-config.yaml")),
            collector);
        Assert.Empty(collector.SubnetIds);
    }

    [Theory]
    [InlineData("dev", 256, 10, 7)]
    [InlineData("staging", 512, 10, 30)]
    [InlineData("prod", 512, 15, 30)]
    public void LambdaPerEnvironment(string stack, int memory, int timeout, int retention)
    {
        var lambda = TestStacks.Settings(stack).Lambda;
        Assert.Equal((LayerFlavor.Distro, LambdaArchitecture.X86_64, (string?)null, memory, timeout, retention),
            (lambda.Flavor, lambda.Architecture, lambda.LayerArn, lambda.MemorySize, lambda.TimeoutSeconds, lambda.LogRetentionDays));
        Assert.Empty(lambda.Versions);
    }

    [Theory]
    [InlineData("dev", 3)]
    [InlineData("staging", 3)]
    [InlineData("prod", 5)]
    public void AppPerEnvironment(string stack, int maxReceiveCount) =>
        Assert.Equal(new AppView(SimulateFailure: false, KnowledgeBaseId: null, MaxReceiveCount: maxReceiveCount, BatchSize: 10), TestStacks.AppOf(stack));

    [Theory]
    [InlineData("dev", 10, 20, 7)]
    [InlineData("staging", 50, 100, 30)]
    [InlineData("prod", 200, 400, 90)]
    public void ApiPerEnvironment(string stack, double rate, int burst, int retention) =>
        Assert.Equal(new ApiSettings(ApiType.Rest, stack, rate, burst, retention), TestStacks.Settings(stack).Api);

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void SamplingPathsAreTheSameInEveryEnvironment(string stack)
    {
        var sampling = TestStacks.Settings(stack).Sampling;
        Assert.Equal(["/chat*"], sampling.CriticalPaths);
        Assert.Equal(["/health*", "/static/*", "/favicon.ico"], sampling.RoutinePaths);
        Assert.Empty(sampling.Rules);
    }

    [Fact]
    public void PresetTrafficIsSizedPerEnvironmentOnTheApisRoutes()
    {
        // docs/sampling-and-cost.md, "Monthly cost": dev 0.2/s on each route, staging 5/s, prod 50/s chat and 45/s health.
        Assert.Equal([new RouteTraffic("POST", "/chat", 0.2), new RouteTraffic("GET", "/health", 0.2)], TestStacks.Settings("dev").Traffic);
        Assert.Equal([new RouteTraffic("POST", "/chat", 5), new RouteTraffic("GET", "/health", 5)], TestStacks.Settings("staging").Traffic);
        Assert.Equal([new RouteTraffic("POST", "/chat", 50), new RouteTraffic("GET", "/health", 45)], TestStacks.Settings("prod").Traffic);
        Assert.Equal(TrafficSource.Preset, TestStacks.Settings("prod").TrafficSource);
    }

    [Fact]
    public void DevRecordsEveryRequest()
    {
        // docs/sampling-and-cost.md, the rates table: dev 1/s + 100 % for every class of path, no Insights.
        var dev = EnvironmentPresets.For(DeploymentEnvironment.Dev);
        var all = new RuleRate(ReservoirSize: 1, FixedRate: 1.0);
        Assert.Equal(new SamplingRates(all, all, all), dev.Rates);
        Assert.False(dev.GroupInsights);
    }

    [Fact]
    public void StagingSamplesEachClassAtItsOwnRate()
    {
        // docs/sampling-and-cost.md, the rates table: critical 2/s + 20 %, routine 0/s + 1 %, fallback 1/s + 5 %, no Insights.
        var staging = EnvironmentPresets.For(DeploymentEnvironment.Staging);
        Assert.Equal(new SamplingRates(new RuleRate(2, 0.2), new RuleRate(0, 0.01), new RuleRate(1, 0.05)), staging.Rates);
        Assert.False(staging.GroupInsights);
    }

    [Fact]
    public void ProdKeepsOneCriticalTraceASecondAndInsights()
    {
        // CHANGELOG.md 0.0.2 and docs/sampling-and-cost.md: critical paths at 1 trace/s + 0.5 %; "sampling": routine
        // 0/s + 0 %, fallback 0/s + 1 %, Insights on.
        var prod = EnvironmentPresets.For(DeploymentEnvironment.Prod);
        Assert.Equal(new SamplingRates(new RuleRate(1, 0.005), new RuleRate(0, 0.0), new RuleRate(0, 0.01)), prod.Rates);
        Assert.True(prod.GroupInsights);
    }

    [Fact]
    public void OnlyProdProtectsItsData()
    {
        Assert.Equal(DataProtection.None, EnvironmentPresets.For(DeploymentEnvironment.Dev).Protection);
        Assert.Equal(DataProtection.None, EnvironmentPresets.For(DeploymentEnvironment.Staging).Protection);
        var prod = EnvironmentPresets.For(DeploymentEnvironment.Prod).Protection;
        Assert.Equal((true, true, true, true, true), (prod.Table.Protect, prod.Queues.Protect, prod.LogGroups.Protect, prod.TableDeletionProtection, prod.PointInTimeRecovery));
    }

    [Fact]
    public void NoProtectionIsNothing() =>
        Assert.Equal(
            new DataProtection(new ResourceProtection(false, false), new ResourceProtection(false, false), new ResourceProtection(false, false), false, false),
            DataProtection.None);

    [Fact]
    public void AnEnvironmentOutsideTheEnumHasNoPreset() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EnvironmentPresets.For((DeploymentEnvironment)7));

    [Fact]
    public void RecommendedProfile()
    {
        // docs/profiles.md: distro layers with no pin, Application Signals where the environment's preset has it (none),
        // t3.medium hosts, the rendered (custom) config, least-privilege IAM.
        var settings = TestStacks.Settings("staging");
        Assert.Equal(Profile.Recommended, settings.Profile);
        Assert.Equal(IamMode.LeastPrivilege, settings.IamMode);
        Assert.Equal("t3.medium", settings.Collector.InstanceType);
        Assert.Equal(CollectorConfigSource.Custom, settings.Collector.Config.Source);
        Assert.Equal(LayerFlavor.Distro, settings.Lambda.Flavor);
        Assert.Empty(settings.Lambda.Versions);
        Assert.False(settings.ApplicationSignals.Enabled);
    }

    [Fact]
    public void ArticleProfile()
    {
        // docs/profiles.md: the legacy Python layer 1.25.0, no Application Signals, t2.medium hosts, the bundled
        // /etc/ecs/ecs-default-config.yaml, iamMode seed.
        var settings = TestStacks.Settings("dev", ("profile", "article"));
        Assert.Equal(Profile.Article, settings.Profile);
        Assert.Equal(IamMode.Seed, settings.IamMode);
        Assert.Equal("t2.medium", settings.Collector.InstanceType);
        Assert.Equal(new CollectorConfigSettings(CollectorConfigSource.Bundled, "/etc/ecs/ecs-default-config.yaml"), settings.Collector.Config);
        Assert.Equal(LayerFlavor.Legacy, settings.Lambda.Flavor);
        Assert.Equal(new Dictionary<string, string> { ["python"] = "1.25.0" }, settings.Lambda.Versions);
        Assert.False(settings.ApplicationSignals.Enabled);
    }

    [Fact]
    public void AProfileOutsideTheEnumHasNoPreset() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProfilePresets.For((Profile)7));
}

/// <summary>
/// Where a stack departs from its profile (docs/profiles.md: scripts/plan shows the profile and every key in which the
/// stack departs from it, each as "key: value").
/// </summary>
public class ProfileOverrideTests
{
    private static IReadOnlyList<string> Overrides(string stack, params (string Key, string Value)[] values) =>
        ProfileSpec.Of(TestStacks.Settings(stack, values)).Overrides;

    [Fact]
    public void AStackThatSetsNothingDepartsInNothing()
    {
        Assert.Empty(Overrides("dev"));
        Assert.Empty(Overrides("staging", ("profile", "article")));
    }

    [Fact]
    public void IamMode() =>
        Assert.Equal(["iamMode: seed"], Overrides("dev", ("iamMode", "seed")));

    [Fact]
    public void ConfigSource() =>
        Assert.Equal(["collector.config.source: custom"], Overrides("dev", ("profile", "article"), ("collector", """{"config":{"source":"custom"}}""")));

    [Fact]
    public void BundledPathWhileTheSourceIsBundled() =>
        Assert.Equal(
            ["collector.config.bundledPath: /etc/ecs/ecs-xray.yaml"],
            Overrides("dev", ("profile", "article"), ("collector", """{"config":{"bundledPath":"/etc/ecs/ecs-xray.yaml"}}""")));

    [Fact]
    public void BundledSourceOnTheRecommendedProfile() =>
        Assert.Equal(["collector.config.source: bundled"], Overrides("dev", ("collector", """{"config":{"source":"bundled"}}""")));

    [Fact]
    public void LegacyFlavorOnTheRecommendedProfileAndApplicationSignalsFollowingIt() =>
        Assert.Equal(["lambda.flavor: legacy"], Overrides("dev", ("lambda", """{"flavor":"legacy"}""")));

    [Fact]
    public void DistroFlavorOnTheArticleProfileWithApplicationSignals() =>
        Assert.Equal(
            ["lambda.flavor: distro", "applicationSignals.enabled: true"],
            Overrides("dev", ("profile", "article"), ("lambda", """{"flavor":"distro"}"""), ("applicationSignals", """{"enabled":true}""")));

    [Fact]
    public void ApplicationSignalsTurnedOn() =>
        Assert.Equal(["applicationSignals.enabled: true"], Overrides("staging", ("applicationSignals", """{"enabled":true}""")));

    [Fact]
    public void VersionsBeyondTheProfilesPinsInLanguageOrder() =>
        Assert.Equal(
            ["lambda.versions.java-wrapper: 1.32.0", "lambda.versions.nodejs: 1.18.1"],
            Overrides("dev", ("profile", "article"), ("lambda", """{"versions":{"nodejs":"1.18.1","java-wrapper":"1.32.0"}}""")));

    [Fact]
    public void AVersionOnAProfileWithoutPins() =>
        Assert.Equal(["lambda.versions.python: 7"], Overrides("dev", ("lambda", """{"versions":{"python":"7"}}""")));
}
