namespace Delivery.Tests;

/// <summary>ci.yml: every change is tested and every stack's settings are checked offline.</summary>
public sealed class CiWorkflowPolicy
{
    private static Workflow Ci => Workflow.Load("ci.yml");

    [Fact]
    public void CiRunsOnPullRequestsAndPushes()
    {
        Assert.Contains("pull_request", Ci.Triggers);
        Assert.Contains("push", Ci.Triggers);
    }

    [Fact]
    public void CiSetsUpTheSdkOfTheTargetFrameworkThePythonOfTheFunctionsAndTheNodeOfThePolicyPack()
    {
        var steps = Ci.AllSteps.ToList();
        var dotnet = Assert.Single(steps, s => s.Uses?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal(Toolchains.DotnetSdkVersion, dotnet.With["dotnet-version"]);
        var python = Assert.Single(steps, s => s.Uses?.StartsWith("actions/setup-python@", StringComparison.Ordinal) == true);
        Assert.Equal(Toolchains.FunctionsPythonVersion, python.With["python-version"]);
        var node = Assert.Single(steps, s => s.Uses?.StartsWith("actions/setup-node@", StringComparison.Ordinal) == true);
        Assert.Equal(Toolchains.PolicyNodeVersion, node.With["node-version"]);
        Assert.Contains(steps, s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void CiRunsTheOneTestCommand()
    {
        var job = Assert.Single(Ci.Jobs.Values, j => j.StepsRunning(@"^\s*scripts/test\s*$").Any());
        var setup = job.Steps.Where(s => s.Uses?.StartsWith("actions/setup-", StringComparison.Ordinal) == true).Max(s => s.Index);
        Assert.True(job.StepsRunning(@"^\s*scripts/test\s*$").First().Index > setup, "scripts/test must run after the toolchains are set up");
    }

    [Fact]
    public void CiFailsInsteadOfSkippingThePulumiProjects()
    {
        // scripts/test skips the Pulumi projects where their packages do not restore unless REQUIRE_PULUMI is 1
        // (scripts/tests/test_scripts_test.py); on GitHub they restore from nuget.org, so a skip there would hide a failure.
        var job = Assert.Single(Ci.Jobs.Values, j => j.StepsRunning(@"^\s*scripts/test\s*$").Any());
        var test = job.StepsRunning(@"^\s*scripts/test\s*$").First();
        var env = job.Env.Concat(test.Env).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value);
        Assert.Equal("1", env.GetValueOrDefault("REQUIRE_PULUMI"));
    }

    [Fact]
    public void CiPlansEveryStackOfflineAndFailsOnInvalidSettings()
    {
        var job = Assert.Single(Ci.Jobs.Values, j => j.StepsRunning(@"^\s*scripts/test\s*$").Any());
        var testIndex = job.StepsRunning(@"^\s*scripts/test\s*$").First().Index;
        foreach (var stack in Repo.Stacks)
        {
            var plan = job.StepsRunning($@"^\s*scripts/plan\s+{stack}\s*$").ToList();
            Assert.True(plan.Count == 1, $"ci.yml must run `scripts/plan {stack}` in its own step");
            Assert.True(plan[0].Index > testIndex, $"`scripts/plan {stack}` must run after scripts/test");
            Assert.Null(plan[0].Node.Get("continue-on-error"));
            Assert.DoesNotContain("|| true", plan[0].Run, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CiNeedsNoCloudCredentials()
    {
        var permissions = Ci.Permissions.AsStringMap();
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" }, permissions);
        Assert.DoesNotContain(Ci.AllSteps, s => s.Uses?.StartsWith("aws-actions/", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Ci.AllSteps, s => s.Uses?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("secrets.", Ci.Text, StringComparison.Ordinal);
    }
}
