using System.Text.Json;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// adot-tracing:collector: each key falls back to the preset, wrong values are reported with the full key, and the
/// checks across keys (group sizes, task size, instance size, VPC and config file) name the key the user set.
/// </summary>
public class CollectorSettingsReaderTests
{
    private const string Key = "adot-tracing:collector";

    /// <summary>
    /// Task sizes ECS accepts (the Fargate table every launch type accepts):
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size
    /// </summary>
    private const string CpuSizes = "cpu must be one of 256, 512, 1024, 2048, 4096";

    /// <summary>Image tags of the collector are releases, e.g. v0.49.0 (https://github.com/aws-observability/aws-otel-collector/releases).</summary>
    private const string ImageTagHint = "use a version tag such as v0.49.0 (never latest)";

    private static readonly CollectorSettings Preset = new(
        Enabled: true,
        InstanceType: "t3.medium",
        MinSize: 1,
        MaxSize: 3,
        DesiredCapacity: 2,
        VpcId: null,
        SubnetIds: [],
        SchedulingStrategy: SchedulingStrategy.Daemon,
        DesiredCount: 1,
        ImageTag: "v0.40.0",
        Cpu: 1024,
        Memory: 2048,
        LogRetentionDays: 7,
        Config: new CollectorConfigSettings(CollectorConfigSource.Bundled, "/etc/ecs/ecs-default-config.yaml"));

    private readonly ErrorSink _errors = new();

    private CollectorSettings Read(string json, CollectorSettings? preset = null, DeploymentEnvironment? environment = DeploymentEnvironment.Dev) =>
        CollectorSettingsReader.Read(new ObjectReader(Key, JsonDocument.Parse(json).RootElement.Clone(), _errors), preset ?? Preset, environment, _errors);

    private void Expect(params (string Key, string Message)[] errors) =>
        Assert.Equal(errors.Select(error => new SettingsError($"{Key}.{error.Key}", error.Message)), _errors.Errors);

    [Fact]
    public void AnEmptySectionIsThePreset()
    {
        Assert.Equal(Preset, Read("{}"));
        Assert.Empty(_errors.Errors);
    }

    [Fact]
    public void EveryKeyIsRead()
    {
        var settings = Read("""
            {"enabled":false,"instanceType":"m5.large","minSize":2,"maxSize":4,"desiredCapacity":3,"vpcId":"vpc-12345678",
             "subnetIds":["subnet-0123456789abcdef0"],"schedulingStrategy":"REPLICA","desiredCount":3,"imageTag":"v1.2.3",
             "cpu":2048,"memory":4096,"logRetentionDays":30,"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}
            """);
        Assert.Empty(_errors.Errors);
        Assert.Equal(
            new CollectorSettings(false, "m5.large", 2, 4, 3, "vpc-12345678", settings.SubnetIds, SchedulingStrategy.Replica, 3, "v1.2.3", 2048, 4096, 30,
                new CollectorConfigSettings(CollectorConfigSource.Bundled, "/etc/ecs/ecs-xray.yaml")),
            settings);
        Assert.Equal(["subnet-0123456789abcdef0"], settings.SubnetIds);
    }

    [Fact]
    public void UnknownKeysAreReportedAtBothLevels()
    {
        Read("""{"cpus":1024,"config":{"sorce":"bundled"}}""");
        Assert.Equal([$"{Key}.config.sorce", $"{Key}.cpus"], _errors.Errors.Select(error => error.Key));
        Assert.StartsWith($"unknown key '{Key}.config.sorce'. Did you mean 'source'?", _errors.Errors[0].Message);
        Assert.StartsWith($"unknown key '{Key}.cpus'. Did you mean 'cpu'?", _errors.Errors[1].Message);
    }

    [Fact]
    public void AnInstanceTypeMustBeAnOfferedOne()
    {
        Assert.Equal("t3.medium", Read("""{"instanceType":"t3.nano"}""").InstanceType);
        Assert.Single(_errors.Errors);
        Assert.Equal($"{Key}.instanceType", _errors.Errors[0].Key);
        Assert.StartsWith("'t3.nano' is not allowed; allowed: t3.small, t3.medium, ", _errors.Errors[0].Message);
    }

    [Theory]
    [InlineData("minSize", 0, 20)]
    [InlineData("maxSize", 1, 20)]
    [InlineData("desiredCapacity", 0, 20)]
    [InlineData("desiredCount", 1, 20)]
    public void GroupSizesHaveTheirRange(string name, int min, int max)
    {
        Read($$"""{"{{name}}":{{min - 1}}}""");
        Read($$"""{"{{name}}":{{max + 1}}}""");
        Expect(
            (name, $"{min - 1} is out of range; allowed: {min} to {max}."),
            (name, $"{max + 1} is out of range; allowed: {min} to {max}."));
    }

    [Fact]
    public void TheGroupSizeBoundsAreAllowed()
    {
        var smallest = Read("""{"minSize":0,"maxSize":1,"desiredCapacity":0,"desiredCount":1}""");
        var largest = Read("""{"minSize":20,"maxSize":20,"desiredCapacity":20,"desiredCount":20}""");
        Assert.Empty(_errors.Errors);
        Assert.Equal((0, 1, 0, 1), (smallest.MinSize, smallest.MaxSize, smallest.DesiredCapacity, smallest.DesiredCount));
        Assert.Equal((20, 20, 20, 20), (largest.MinSize, largest.MaxSize, largest.DesiredCapacity, largest.DesiredCount));
    }

    [Fact]
    public void MinSizeAboveMaxSizeIsReportedOnMinSizeWhenBothAreSet()
    {
        Read("""{"minSize":3,"maxSize":2}""");
        Expect(("minSize", "3 is greater than collector.maxSize 2; minSize must not exceed maxSize."));
    }

    [Fact]
    public void MinSizeAboveThePresetsMaxSizeNamesThePreset()
    {
        Read("""{"minSize":5}""");
        Expect(("minSize", "5 is greater than the dev preset's collector.maxSize 3; minSize must not exceed maxSize."));
    }

    [Fact]
    public void WithoutAnEnvironmentThePresetIsNamedPlainly()
    {
        Read("""{"minSize":5}""", environment: null);
        Expect(("minSize", "5 is greater than the preset's collector.maxSize 3; minSize must not exceed maxSize."));
    }

    [Fact]
    public void MaxSizeBelowThePresetsMinSizeIsReportedOnMaxSize()
    {
        Read("""{"maxSize":1}""", Preset with { MinSize = 2 }, DeploymentEnvironment.Prod);
        Expect(("maxSize", "1 is less than the prod preset's collector.minSize 2; maxSize must not be below minSize."));
    }

    [Fact]
    public void APresetWithMinAboveMaxIsReportedOnMinSize()
    {
        Read("{}", Preset with { MinSize = 4, DesiredCapacity = 4 }, DeploymentEnvironment.Staging);
        Expect(("minSize", "4 is greater than the staging preset's collector.maxSize 3; minSize must not exceed maxSize."));
    }

    // Auto Scaling: DesiredCapacity must be at least MinSize and at most MaxSize
    // (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html).
    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void WithCrossedBoundsADesiredCapacityOutsideBothIsReportedToo(int desired)
    {
        Read($$"""{"minSize":5,"maxSize":2,"desiredCapacity":{{desired}}}""");
        Assert.Equal(["minSize", "desiredCapacity"], _errors.Errors.Select(error => error.Key[(error.Key.LastIndexOf('.') + 1)..]));
        Assert.Contains($"{desired} lies outside both", _errors.Errors[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void WithCrossedBoundsADesiredCapacityBetweenThemIsLeftToTheBoundsError(int desired)
    {
        Read($$"""{"minSize":5,"maxSize":2,"desiredCapacity":{{desired}}}""");
        Assert.Equal(["minSize"], _errors.Errors.Select(error => error.Key[(error.Key.LastIndexOf('.') + 1)..]));
    }

    [Fact]
    public void MinAboveMaxKeepsThePresetsDesiredCapacity() =>
        Assert.Equal(2, Read("""{"minSize":5,"maxSize":4}""").DesiredCapacity);

    [Theory]
    [InlineData("""{"minSize":3,"maxSize":5}""", 3)] // raised to the new minimum
    [InlineData("""{"minSize":0,"maxSize":1}""", 1)] // lowered to the new maximum
    [InlineData("""{"minSize":0,"maxSize":5}""", 2)] // kept when it still fits
    [InlineData("""{"minSize":3,"maxSize":3}""", 3)] // a fixed size
    public void ThePresetsDesiredCapacityIsClampedIntoTheGroupSize(string json, int expected)
    {
        Assert.Equal(expected, Read(json).DesiredCapacity);
        Assert.Empty(_errors.Errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AnExplicitDesiredCapacityMustLieInTheGroupSize(int desired)
    {
        Read($$"""{"desiredCapacity":{{desired}}}""");
        Expect(("desiredCapacity", $"{desired} must lie between collector.minSize 1 and collector.maxSize 3."));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ADesiredCapacityAtTheGroupsBoundsIsAllowed(int desired)
    {
        Assert.Equal(desired, Read($$"""{"desiredCapacity":{{desired}}}""").DesiredCapacity);
        Assert.Empty(_errors.Errors);
    }

    /// <summary>VPC and subnet ids: the prefix and 8 or 17 lower-case hex digits (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ids.html style ids as EC2 returns them).</summary>
    [Theory]
    [InlineData("vpc-12345678")]
    [InlineData("vpc-0123456789abcdef0")]
    public void VpcIdsOfEightOrSeventeenHexDigitsAreAccepted(string vpcId)
    {
        Assert.Equal(vpcId, Read($$"""{"vpcId":"{{vpcId}}"}""").VpcId);
        Assert.Empty(_errors.Errors);
    }

    [Theory]
    [InlineData("vpc-1234567")]
    [InlineData("vpc-123456789")]
    [InlineData("vpc-0123456789ABCDEF0")]
    [InlineData("vpc-0123456789abcdef")]
    [InlineData("subnet-12345678")]
    [InlineData(" vpc-12345678")]
    [InlineData("vpc-12345678x")]
    public void OtherVpcIdsAreRefused(string vpcId)
    {
        Read($$"""{"vpcId":"{{vpcId}}"}""");
        Expect(("vpcId", $"'{vpcId}' is not a VPC id (expected vpc- followed by 8 or 17 hex digits)."));
    }

    [Fact]
    public void EverySubnetIdIsCheckedWithItsIndex()
    {
        var settings = Read("""{"vpcId":"vpc-12345678","subnetIds":["subnet-abcdef01","subnet-xyz","subnet-0123456789abcdef0","subnet-ABCDEF01"]}""");
        Expect(
            ("subnetIds[1]", "'subnet-xyz' is not a subnet id (expected subnet- followed by 8 or 17 hex digits)."),
            ("subnetIds[3]", "'subnet-ABCDEF01' is not a subnet id (expected subnet- followed by 8 or 17 hex digits)."));
        Assert.Equal(4, settings.SubnetIds.Count);
    }

    [Theory]
    [InlineData("subnet-1234567")]
    [InlineData("subnet-123456789")]
    [InlineData("vpc-12345678")]
    [InlineData("subnet-12345678 ")]
    [InlineData("xsubnet-12345678")]
    public void OtherSubnetIdsAreRefused(string subnetId)
    {
        Read($$"""{"vpcId":"vpc-12345678","subnetIds":["{{subnetId}}"]}""");
        Expect(("subnetIds[0]", $"'{subnetId}' is not a subnet id (expected subnet- followed by 8 or 17 hex digits)."));
    }

    [Fact]
    public void SubnetsNeedTheirVpc()
    {
        Read("""{"subnetIds":["subnet-12345678"]}""");
        Expect(("vpcId", "required when collector.subnetIds is set: the security group is created in that VPC and opened to its CIDR."));
    }

    [Fact]
    public void AVpcWithoutSubnetsAndNeitherAreFine()
    {
        Assert.Equal("vpc-12345678", Read("""{"vpcId":"vpc-12345678"}""").VpcId);
        Assert.Null(Read("""{"subnetIds":[]}""").VpcId);
        Assert.Empty(_errors.Errors);
    }

    [Theory]
    [InlineData("v0.49.0")]
    [InlineData("v10.200.3000")]
    public void PinnedReleaseTagsAreAccepted(string tag)
    {
        Assert.Equal(tag, Read($$"""{"imageTag":"{{tag}}"}""").ImageTag);
        Assert.Empty(_errors.Errors);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("0.49.0")]
    [InlineData("v0.49")]
    [InlineData("v0.49.0-rc1")]
    [InlineData("xv0.49.0")]
    [InlineData("v0.x.0")]
    [InlineData("")]
    public void OtherImageTagsAreRefused(string tag)
    {
        Read($$"""{"imageTag":"{{tag}}"}""");
        Expect(("imageTag", $"'{tag}' is not a pinned release tag; {ImageTagHint}."));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(4097)]
    public void CpuOutsideTheTaskRangeIsOutOfRange(int cpu)
    {
        Read($$"""{"cpu":{{cpu}}}""");
        Expect(("cpu", $"{cpu} is out of range; allowed: 256 to 4096."));
    }

    [Theory]
    [InlineData(511)]
    [InlineData(30721)]
    public void MemoryOutsideTheTaskRangeIsOutOfRange(int memory)
    {
        Read($$"""{"memory":{{memory}}}""");
        Expect(("memory", $"{memory} is out of range; allowed: 512 to 30720."));
    }

    [Fact]
    public void TheSmallestTaskSizeIsAccepted()
    {
        var settings = Read("""{"cpu":256,"memory":512}""");
        Assert.Empty(_errors.Errors);
        Assert.Equal((256, 512), (settings.Cpu, settings.Memory));
    }

    [Fact]
    public void TheLargestTaskSizeIsReadButNoOfferedInstanceTypeFitsIt()
    {
        var settings = Read("""{"instanceType":"t3.xlarge","cpu":4096,"memory":30720}""");
        Assert.Equal((4096, 30720), (settings.Cpu, settings.Memory));
        Expect(("instanceType", "t3.xlarge (4 vCPU, 16384 MiB) is too small for the collector task (4096 CPU units, 30720 MiB plus 256 MiB the ECS agent keeps); "
            + "no offered instance type of that architecture fits: lower collector.cpu or collector.memory."));
    }

    [Fact]
    public void ACpuSizeEcsDoesNotOfferIsRefused()
    {
        Read("""{"cpu":300}""");
        Expect(("cpu", $"300 is not a task CPU size ECS accepts; {CpuSizes}."));
    }

    [Fact]
    public void AMemorySizeThatDoesNotGoWithTheCpuIsRefused()
    {
        Read("""{"memory":1024}""");
        Expect(("memory", "1024 with cpu 1024 is not a task size ECS accepts; with cpu 1024, memory must be one of 2048..8192 in steps of 1024 MiB."));
    }

    [Fact]
    public void AnInstanceTooSmallSuggestsTheSmallestOfItsFamily()
    {
        // t3.small has 2048 MiB; the task needs 2048 + 256. t3.medium (4096 MiB) is the smallest t3 that fits.
        Read("""{"instanceType":"t3.small"}""");
        Expect(("instanceType", "t3.small (2 vCPU, 2048 MiB) is too small for the collector task (1024 CPU units, 2048 MiB plus 256 MiB the ECS agent keeps); choose e.g. t3.medium."));
    }

    [Fact]
    public void WhenNoTypeOfItsFamilyFitsTheSuggestionIsTheSmallestOfAnotherInNameOrder()
    {
        // c5.large has 4096 MiB; of the 8192 MiB types that fit, m5.large comes first by name.
        Read("""{"instanceType":"c5.large","memory":4096}""");
        Expect(("instanceType", "c5.large (2 vCPU, 4096 MiB) is too small for the collector task (1024 CPU units, 4096 MiB plus 256 MiB the ECS agent keeps); choose e.g. m5.large."));
    }

    [Fact]
    public void AGravitonTypeIsOnlyOfferedAnotherGravitonType()
    {
        Read("""{"instanceType":"c7g.large","memory":4096}""");
        Expect(("instanceType", "c7g.large (2 vCPU, 4096 MiB) is too small for the collector task (1024 CPU units, 4096 MiB plus 256 MiB the ECS agent keeps); choose e.g. m7g.large."));
    }

    [Fact]
    public void TooFewVCpusIsTooSmallAsWell()
    {
        // 4096 CPU units need 4 vCPUs: of the x86 types only t3.xlarge has them.
        Read("""{"instanceType":"t3.large","cpu":4096,"memory":8192}""");
        Expect(("instanceType", "t3.large (2 vCPU, 8192 MiB) is too small for the collector task (4096 CPU units, 8192 MiB plus 256 MiB the ECS agent keeps); choose e.g. t3.xlarge."));
    }

    [Fact]
    public void ATaskUsingEveryVCpuFits()
    {
        // t3.large: 2 vCPU = 2048 CPU units.
        var settings = Read("""{"instanceType":"t3.large","cpu":2048,"memory":4096}""");
        Assert.Empty(_errors.Errors);
        Assert.Equal(("t3.large", 2048), (settings.InstanceType, settings.Cpu));
    }

    private static readonly CollectorSettings TightPreset = Preset with { InstanceType = "t3.large", Cpu = 1024, Memory = 8192 };

    [Fact]
    public void ATooLargeTaskIsReportedOnTheMemoryTheUserSet()
    {
        Read("""{"memory":8192}""", Preset with { InstanceType = "t3.medium" });
        Expect(("memory", "t3.medium (2 vCPU, 4096 MiB) is too small for the collector task (1024 CPU units, 8192 MiB plus 256 MiB the ECS agent keeps); choose e.g. t3.xlarge."));
    }

    [Fact]
    public void ATooLargeTaskIsReportedOnTheCpuTheUserSet()
    {
        Read("""{"cpu":2048}""", TightPreset);
        Expect(("cpu", "t3.large (2 vCPU, 8192 MiB) is too small for the collector task (2048 CPU units, 8192 MiB plus 256 MiB the ECS agent keeps); choose e.g. t3.xlarge."));
    }

    [Fact]
    public void WhenCpuAndMemoryAreBothSetTheMemoryIsNamed()
    {
        Read("""{"cpu":2048,"memory":8192}""", TightPreset);
        Assert.Equal($"{Key}.memory", Assert.Single(_errors.Errors).Key);
    }

    [Fact]
    public void APresetThatDoesNotFitIsReportedOnTheInstanceType()
    {
        Read("{}", TightPreset);
        Assert.Equal($"{Key}.instanceType", Assert.Single(_errors.Errors).Key);
    }

    [Fact]
    public void ABundledConfigMustBeOneTheImageShips()
    {
        // The files under config/ecs/ of aws-observability/aws-otel-collector@v0.49.0 that the program offers.
        var settings = Read("""{"config":{"bundledPath":"/etc/ecs/ecs-amp.yaml"}}""");
        Assert.Equal(Preset.Config.BundledPath, settings.Config.BundledPath);
        Expect(("config.bundledPath", "'/etc/ecs/ecs-amp.yaml' is not a config file the collector image ships; allowed: "
            + "/etc/ecs/ecs-default-config.yaml, /etc/ecs/ecs-xray.yaml, /etc/ecs/ecs-cloudwatch-xray.yaml."));
    }

    [Fact]
    public void ABundledPathBesideACustomSourceIsAnError()
    {
        Read("""{"config":{"source":"custom","bundledPath":"/etc/ecs/ecs-xray.yaml"}}""");
        Expect(("config.bundledPath", "'/etc/ecs/ecs-xray.yaml' is used only with a bundled config, and collector.config.source is custom: "
            + "set collector.config.source to bundled as well, or remove bundledPath."));
    }

    [Fact]
    public void ABundledPathBesideTheProfilesCustomSourceSaysWhereCustomComesFrom()
    {
        Read("""{"config":{"bundledPath":"/etc/ecs/ecs-xray.yaml"}}""", Preset with { Config = new CollectorConfigSettings(CollectorConfigSource.Custom, "/etc/ecs/ecs-default-config.yaml") });
        Expect(("config.bundledPath", "'/etc/ecs/ecs-xray.yaml' is used only with a bundled config, and the profile's collector.config.source is custom: "
            + "set collector.config.source to bundled as well, or remove bundledPath."));
    }

    [Fact]
    public void ACustomSourceAloneIsFine()
    {
        var settings = Read("""{"config":{"source":"custom"}}""");
        Assert.Empty(_errors.Errors);
        Assert.Equal(new CollectorConfigSettings(CollectorConfigSource.Custom, "/etc/ecs/ecs-default-config.yaml"), settings.Config);
    }

    [Fact]
    public void ACustomPresetDoesNotCheckItsUnusedBundledPath()
    {
        var settings = Read("{}", Preset with { Config = new CollectorConfigSettings(CollectorConfigSource.Custom, "/not/shipped.yaml") });
        Assert.Empty(_errors.Errors);
        Assert.Equal(CollectorConfigSource.Custom, settings.Config.Source);
    }
}
