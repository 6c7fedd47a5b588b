using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

public class PresetTests
{
    [Fact]
    public void PresetsDifferPerEnvironment()
    {
        var dev = EnvironmentPresets.For(DeploymentEnvironment.Dev);
        var staging = EnvironmentPresets.For(DeploymentEnvironment.Staging);
        var prod = EnvironmentPresets.For(DeploymentEnvironment.Prod);

        Assert.True(dev.Collector.LogRetentionDays < staging.Collector.LogRetentionDays);
        Assert.True(staging.Collector.LogRetentionDays < prod.Collector.LogRetentionDays);
        Assert.True(prod.Collector.MinSize > dev.Collector.MinSize);
        Assert.True(prod.Api.ThrottlingRateLimit > staging.Api.ThrottlingRateLimit);
        Assert.True(staging.Api.ThrottlingRateLimit > dev.Api.ThrottlingRateLimit);
        Assert.Equal(1.0, dev.Rates.Critical.FixedRate);
        Assert.True(prod.Rates.Critical.FixedRate < staging.Rates.Critical.FixedRate);
        Assert.True(prod.GroupInsights);
        Assert.False(dev.GroupInsights);
    }

    [Fact]
    public void EveryPresetIsValidAsIs()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            var result = TestStacks.Parse(stack);
            Assert.True(result.IsValid, $"{stack}: {string.Join(" | ", result.Errors)}");
        }
    }

    [Fact]
    public void StageDefaultsToTheEnvironmentName() =>
        Assert.Equal("staging", TestStacks.Settings("staging").Api.StageName);

    [Fact]
    public void CollectorImageIsPinnedToAVersionTag() =>
        Assert.Matches(@"^v\d+\.\d+\.\d+$", EnvironmentPresets.CollectorImageTag);
}
