using Infra.Core.Collector;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Collector;

/// <summary>Limits of the services the collector is built on, and what the program says when one is passed.</summary>
public class CollectorBuilderLimitsTests
{
    [Fact]
    public void AConfigTooLargeForAnyParameterTierSaysItsSizeAndTheLimit()
    {
        // Advanced SSM parameters hold at most 8 KB:
        // https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
        var error = Assert.Throws<InvalidOperationException>(() => CollectorBuilder.ParameterTier(8193));
        Assert.Equal("The rendered collector config is 8193 bytes; an SSM parameter holds at most 8192.", error.Message);
    }

    [Theory]
    [InlineData("DAEMON")]
    [InlineData("REPLICA")]
    public void TasksTakeTheirTagsFromTheService(string strategy)
    {
        // propagateTags: SERVICE | TASK_DEFINITION | NONE
        // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html); the service carries the stack's tags.
        var service = TestStacks.Blueprint("dev", ("collector", $$"""{"schedulingStrategy":"{{strategy}}"}""")).Collector!.Service;
        Assert.Equal("SERVICE", service.PropagateTags);
        Assert.Equal(EnumNames.SchedulingStrategies[strategy], service.SchedulingStrategy);
    }

    [Fact]
    public void ABundledConfigNeedsNoParameter()
    {
        var config = TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"bundled","bundledPath":"/etc/ecs/ecs-xray.yaml"}}""")).Collector!.Config;
        Assert.Equal(
            new CollectorConfigSpec(CollectorConfigSource.Bundled, "/etc/ecs/ecs-xray.yaml", null, null, null),
            config);
    }

    [Fact]
    public void TheCustomConfigParameterSaysWhatReadsIt() =>
        Assert.Equal(
            "ADOT collector configuration, passed to the container as AOT_CONFIG_CONTENT",
            TestStacks.Blueprint("dev", ("collector", """{"config":{"source":"custom"}}""")).Collector!.Config.ParameterDescription);
}
