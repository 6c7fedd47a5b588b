using Infra.Core.StackFiles;
using Pulumi;

namespace Infra.Tests;

/// <summary>
/// Each committed stack, run as the engine would pass its config: Pulumi.yaml's defaults merged with the committed
/// Pulumi.&lt;stack&gt;.yaml by the same reader scripts/plan uses. So the prod CI previews is the prod tested here.
/// </summary>
[Collection(PulumiCollection.Name)]
public class CommittedStackTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task CommittedStackDeploysWithOnlyTheCommittedFiles(string stack)
    {
        var config = StackRun.CommittedConfig(stack);
        Assert.Equal("{}", config["adot-tracing:lambda"]);
        var run = await StackRun.RunAsync(stack, config);
        Assert.Equal(stack, run.Outputs["environment"]);
        Assert.Equal("us-west-2", run.Outputs["region"]);
        Assert.NotEmpty(run.Mocks.OfType("aws:lambda/function:Function"));
    }

    [Fact]
    public async Task CommittedProdSamplesOnlyPathsOfItsApiOrThePresetsRoutinePaths()
    {
        // Issue 18 item 6: the API serves POST /chat and GET /health; prod samples /chat as critical, no /checkout.
        var run = await StackRun.RunAsync("prod", StackRun.CommittedConfig("prod"));
        var paths = run.Mocks.OfType("aws-native:xray:SamplingRule")
            .Select(rule => (string)rule.Object("samplingRule")["urlPath"])
            .ToList();
        Assert.Contains("/chat*", paths);
        Assert.DoesNotContain("/checkout*", paths);
    }

    [Fact]
    public async Task CommittedStagingRendersItsCollectorConfigIntoSsm()
    {
        var run = await StackRun.RunAsync("staging", StackRun.CommittedConfig("staging"));
        Assert.Single(run.Mocks.OfType("aws-native:ssm:Parameter"));
    }

    [Fact]
    public async Task InvalidSettingsStopWithARunExceptionSoPulumiPrintsNoStackTrace()
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("dev")) { ["adot-tracing:collector"] = """{"cpu":3}""" };
        var exception = await Assert.ThrowsAsync<RunException>(() => StackRun.RunAsync("dev", config));
        Assert.Contains("adot-tracing:collector.cpu", exception.Message, StringComparison.Ordinal);
    }
}
