namespace Delivery.Tests;

/// <summary>preview.yml: every pull request shows the pulumi preview of every stack.</summary>
public sealed class PreviewWorkflowPolicy
{
    private static Workflow Preview => Workflow.Load("preview.yml");

    private static Job PreviewJob => Assert.Single(Preview.Jobs.Values, j => j.StepsUsing("pulumi/actions").Any());

    [Fact]
    public void PreviewRunsOnPullRequests()
    {
        Assert.Equal(["pull_request"], Preview.Triggers);
    }

    [Fact]
    public void PreviewRunsForEveryStack()
    {
        var job = PreviewJob;
        var stacks = job.MatrixValues("stack");
        foreach (var stack in Repo.Stacks)
        {
            Assert.Contains(stack, stacks);
        }

        var pulumi = Assert.Single(job.StepsUsing("pulumi/actions"));
        Assert.Equal("${{ matrix.stack }}", pulumi.With["stack-name"]);
        Assert.Equal("false", job.Node.Get("strategy").Get("fail-fast").Str());
    }

    [Fact]
    public void PreviewRunsPulumiPreviewAndCommentsOnThePullRequest()
    {
        var pulumi = Assert.Single(PreviewJob.StepsUsing("pulumi/actions"));
        Assert.Equal("preview", pulumi.With["command"]);
        Assert.Equal("true", pulumi.With["comment-on-pr"]);
        Assert.Equal(".", pulumi.With["work-dir"]);
    }

    [Fact]
    public void PreviewAuthenticatesToAwsThroughOidcBeforePreviewing()
    {
        var job = PreviewJob;
        var aws = Assert.Single(job.StepsUsing("aws-actions/configure-aws-credentials"));
        Assert.Equal("${{ vars.AWS_ROLE_ARN }}", aws.With["role-to-assume"]);
        Assert.StartsWith("${{ vars.", aws.With["aws-region"], StringComparison.Ordinal);
        Assert.Equal("write", Preview.Permissions.Get("id-token").Str());
        Assert.True(aws.Index < job.StepsUsing("pulumi/actions").Single().Index, "credentials must be configured before pulumi preview");
        Assert.NotNull(job.Environment);
    }

    [Fact]
    public void PreviewAsksOnlyForThePermissionsItNeeds()
    {
        var expected = new Dictionary<string, string>
        {
            ["contents"] = "read",
            ["pull-requests"] = "write",
            ["id-token"] = "write",
        };
        Assert.Equal(expected, Preview.Permissions.AsStringMap());
        Assert.NotEmpty(Preview.Jobs);
        Assert.All(Preview.Jobs.Values, j => Assert.Null(j.Permissions));
    }

    [Fact]
    public void PreviewPublishesTheOfflinePlanInTheJobSummary()
    {
        var job = PreviewJob;
        var summary = Assert.Single(job.Steps, s => s.Run is not null && s.Run.Contains("scripts/plan", StringComparison.Ordinal));
        Assert.Contains("GITHUB_STEP_SUMMARY", summary.Run, StringComparison.Ordinal);
        Assert.Contains("```", summary.Run, StringComparison.Ordinal);
        Assert.True(
            summary.Run!.Contains("${{ matrix.stack }}", StringComparison.Ordinal)
            || (summary.Run.Contains("$STACK", StringComparison.Ordinal) && job.Env.GetValueOrDefault("STACK") == "${{ matrix.stack }}"),
            "the summary step must plan the matrix stack");
    }

    [Fact]
    public void PreviewNeverWaitsForADeployApproval()
    {
        // Previews use their own environments (read-only role, no reviewers), never the deploy ones.
        var environment = PreviewJob.Environment;
        Assert.NotNull(environment);
        Assert.DoesNotContain(environment, Repo.Stacks);
        Assert.NotEqual("${{ matrix.stack }}", environment);
    }
}
