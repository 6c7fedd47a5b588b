using System.Text.Json;

namespace Delivery.Tests;

/// <summary>mutation.yml: the mutation score of Infra.Core is measured weekly and on demand, and fails below the project's target.</summary>
public sealed class MutationWorkflowPolicy
{
    private static Workflow Mutation => Workflow.Load("mutation.yml");

    [Fact]
    public void MutationTestingRunsWeeklyAndOnDemandButNotOnPullRequests()
    {
        Assert.Equal(["schedule", "workflow_dispatch"], Mutation.Triggers.Order(StringComparer.Ordinal));
        var cron = Assert.IsType<YamlDotNet.RepresentationModel.YamlSequenceNode>(Mutation.Trigger("schedule"));
        Assert.Single(cron.Children);
    }

    [Fact]
    public void MutationTestingRunsTheScriptAfterTheSdkIsSetUp()
    {
        var job = Assert.Single(Mutation.Jobs.Values);
        var run = Assert.Single(job.StepsRunning(@"^\s*scripts/mutation\b"));
        var dotnet = Assert.Single(job.StepsUsing("actions/setup-dotnet"));
        Assert.Equal(Toolchains.DotnetSdkVersion, dotnet.With["dotnet-version"]);
        Assert.True(run.Index > dotnet.Index, "scripts/mutation must run after the SDK is set up");
        Assert.Null(run.Node.Get("continue-on-error"));
        Assert.DoesNotContain("|| true", run.Run, StringComparison.Ordinal);
    }

    [Fact]
    public void MutationTestingNeedsNoCredentials()
    {
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" }, Mutation.Permissions.AsStringMap());
        Assert.DoesNotContain("secrets.", Mutation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AScoreBelowTheTargetFailsTheRun()
    {
        // The project's target: a mutation score of at least 85 % (docs/testing.md, "scripts/mutation").
        Assert.Equal(85, Thresholds().Break);
    }

    [Fact]
    public void StrykerAcceptsTheCommittedThresholds()
    {
        // Stryker refuses an invalid combination before it mutates anything, so the weekly run would fail without a score.
        var (high, low, @break) = Thresholds();
        Assert.Empty(StrykerThresholds.Errors(high, low, @break));
    }

    [Theory]
    // The combination the weekly run failed on, with the message Stryker printed.
    [InlineData(85, 70, 85, "Threshold low must be more than or equal to threshold break. Current low: 70, break: 85.")]
    [InlineData(80, 90, 0, "Threshold high must be higher than or equal to threshold low. Current high: 80, low: 90.")]
    [InlineData(101, 60, 0, "Threshold high must be between 0 and 100.")]
    [InlineData(null, 60, 61, "Threshold low must be more than or equal to threshold break. Current low: 60, break: 61.")]
    public void TheRuleRefusesWhatStrykerRefuses(int? high, int? low, int? @break, string message)
    {
        Assert.Contains(message, StrykerThresholds.Errors(high, low, @break));
    }

    [Theory]
    [InlineData(85, 85, 85)]
    [InlineData(null, null, 85)]
    [InlineData(80, 60, 0)]
    public void TheRuleAcceptsWhatStrykerAccepts(int? high, int? low, int? @break)
    {
        Assert.Empty(StrykerThresholds.Errors(high, low, @break));
    }

    private static (int? High, int? Low, int? Break) Thresholds()
    {
        var path = Path.Combine(Repo.Root, "tests", "Infra.Core.Tests", "stryker-config.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var thresholds = config.RootElement.GetProperty("stryker-config").GetProperty("thresholds");
        int? Read(string name) => thresholds.TryGetProperty(name, out var value) ? value.GetInt32() : null;
        return (Read("high"), Read("low"), Read("break"));
    }
}
