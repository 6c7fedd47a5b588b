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
        // The project's target: a mutation score of at least 85 % (README, "scripts/mutation").
        var path = Path.Combine(Repo.Root, "tests", "Infra.Core.Tests", "stryker-config.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var thresholds = config.RootElement.GetProperty("stryker-config").GetProperty("thresholds");
        Assert.Equal(85, thresholds.GetProperty("break").GetInt32());
    }
}
