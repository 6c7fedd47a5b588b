namespace Delivery.Tests;

/// <summary>deploy.yml: main is promoted dev -> staging -> prod, one update per stack at a time, each verified.</summary>
public sealed class DeployWorkflowPolicy
{
    private static readonly string[] Order = ["dev", "staging", "prod"];

    private static Workflow Deploy => Workflow.Load("deploy.yml");

    public static TheoryData<string> DeployStacks => new(Order);

    private static Job JobFor(string stack)
    {
        var jobs = Deploy.Jobs.Values.Where(j => j.StepsUsing("pulumi/actions").Any(s => s.With.GetValueOrDefault("stack-name") == stack)).ToList();
        Assert.True(jobs.Count == 1, $"deploy.yml must have exactly one job running pulumi up for {stack}");
        return jobs[0];
    }

    [Fact]
    public void DeployRunsOnPushToMainAndOnDemand()
    {
        var triggers = Deploy.Triggers;
        Assert.Equal(["push", "workflow_dispatch"], triggers.Order(StringComparer.Ordinal));
        var branches = Deploy.Trigger("push").Get("branches");
        Assert.Equal(["main"], Assert.IsType<YamlDotNet.RepresentationModel.YamlSequenceNode>(branches).Children.Select(c => c.Str()));
    }

    [Fact]
    public void DeployPromotesDevThenStagingThenProd()
    {
        Assert.Empty(JobFor("dev").Needs);
        Assert.Equal([JobFor("dev").Id], JobFor("staging").Needs);
        Assert.Equal([JobFor("staging").Id], JobFor("prod").Needs);
    }

    [Theory]
    [MemberData(nameof(DeployStacks))]
    public void EveryDeployJobTargetsTheEnvironmentOfItsStack(string stack)
    {
        Assert.Equal(stack, JobFor(stack).Environment);
    }

    [Theory]
    [MemberData(nameof(DeployStacks))]
    public void DeployNeverRunsTwoDeploysOfOneStackAtOnce(string stack)
    {
        var concurrency = JobFor(stack).Concurrency;
        Assert.NotNull(concurrency);
        Assert.Equal($"deploy-{stack}", concurrency.Get("group").Str());
        Assert.Equal("false", concurrency.Get("cancel-in-progress").Str());
    }

    [Theory]
    [MemberData(nameof(DeployStacks))]
    public void DeployRunsPulumiUpForItsStack(string stack)
    {
        var up = Assert.Single(JobFor(stack).StepsUsing("pulumi/actions"));
        Assert.Equal("up", up.With["command"]);
        Assert.Equal(".", up.With["work-dir"]);
    }

    [Theory]
    [MemberData(nameof(DeployStacks))]
    public void DeployVerifiesTracesAfterEveryUp(string stack)
    {
        var job = JobFor(stack);
        var up = job.StepsUsing("pulumi/actions").Single();
        var verify = job.StepsRunning($@"^\s*scripts/verify-traces\s+{stack}(\s|$)").ToList();
        Assert.True(verify.Count == 1, $"the {stack} job must run `scripts/verify-traces {stack}`");
        Assert.True(verify[0].Index > up.Index, "verify-traces must run after pulumi up");
        Assert.Null(verify[0].Node.Get("continue-on-error"));
    }

    [Theory]
    [MemberData(nameof(DeployStacks))]
    public void DeployAuthenticatesToAwsThroughOidcBeforeTheUpdate(string stack)
    {
        var job = JobFor(stack);
        var aws = Assert.Single(job.StepsUsing("aws-actions/configure-aws-credentials"));
        Assert.Equal("${{ vars.AWS_ROLE_ARN }}", aws.With["role-to-assume"]);
        Assert.StartsWith("${{ vars.", aws.With["aws-region"], StringComparison.Ordinal);
        Assert.True(aws.Index < job.StepsUsing("pulumi/actions").Single().Index);
        var idToken = job.Permissions.Get("id-token").Str() ?? Deploy.Permissions.Get("id-token").Str();
        Assert.Equal("write", idToken);
    }

    [Theory]
    [MemberData(nameof(DeployStacks))]
    public void DeployChecksTheOfflinePlanBeforeTouchingTheCloud(string stack)
    {
        var job = JobFor(stack);
        var plan = Assert.Single(job.StepsRunning($@"^\s*scripts/plan\s+{stack}\s*$"));
        var aws = job.StepsUsing("aws-actions/configure-aws-credentials").Single();
        Assert.True(plan.Index < aws.Index, "the offline plan must pass before credentials are requested");
    }

    [Fact]
    public void DeployAsksOnlyForThePermissionsItNeeds()
    {
        var expected = new Dictionary<string, string> { ["contents"] = "read", ["id-token"] = "write" };
        Assert.Equal(expected, Deploy.Permissions.AsStringMap());
    }
}
