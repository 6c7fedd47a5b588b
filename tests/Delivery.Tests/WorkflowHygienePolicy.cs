using System.Text.RegularExpressions;

namespace Delivery.Tests;

/// <summary>Rules every workflow file follows.</summary>
public sealed partial class WorkflowHygienePolicy
{
    private static readonly string[] LongLivedKeyInputs = ["aws-access-key-id", "aws-secret-access-key", "aws-session-token"];

    private static readonly string[] LongLivedKeyEnv = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    private static readonly string[] PulumiSecrets = ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"];

    public static TheoryData<string> RequiredWorkflows => new(["ci.yml", "preview.yml", "deploy.yml"]);

    public static TheoryData<string> AllWorkflows => new(Workflow.AllFileNames());

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void EveryActionIsPinnedToTheCommitOfARecordedRelease(string fileName)
    {
        var workflow = Workflow.Load(fileName);
        var uses = workflow.Root.AllEntries().Where(e => e.Key == "uses").Select(e => e.Value.Str() ?? string.Empty)
            .Where(u => !u.StartsWith("./", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(uses);
        var lines = ActionReleases.UsesLine().Matches(workflow.Text).Where(m => !m.Groups["ref"].Value.StartsWith("./", StringComparison.Ordinal)).ToList();
        Assert.Equal(uses, lines.Select(m => m.Groups["ref"].Value));
        foreach (var line in lines)
        {
            var reference = line.Groups["ref"].Value;
            var pin = ActionReleases.Pin(reference);
            Assert.True(pin is not null, $"{fileName}: {reference} is not pinned to a full commit SHA");
            Assert.True(ActionReleases.Known.TryGetValue(pin.Value.Action, out var release), $"{fileName}: {pin.Value.Action} is not a recorded release");
            Assert.Equal(release.Commit, pin.Value.Commit);
            Assert.Equal(release.Version, line.Groups["comment"].Value);
        }
    }

    [Theory]
    [InlineData("actions/checkout@v4")]
    [InlineData("actions/checkout@v4.4.0")]
    [InlineData("actions/checkout@main")]
    [InlineData("actions/checkout@11d5960")]
    [InlineData("actions/checkout@11D5960A326750D5838078E36CF38B85AF677262")]
    [InlineData("actions/checkout@11d5960a326750d5838078e36cf38b85af677262x")]
    public void ATagABranchOrAShortShaIsNotAPin(string reference) => Assert.Null(ActionReleases.Pin(reference));

    [Theory]
    [InlineData("actions/checkout@11d5960a326750d5838078e36cf38b85af677262", "actions/checkout")]
    [InlineData("github/codeql-action/init@11d5960a326750d5838078e36cf38b85af677262", "github/codeql-action")]
    public void AFullCommitShaIsAPin(string reference, string action) =>
        Assert.Equal((action, "11d5960a326750d5838078e36cf38b85af677262"), ActionReleases.Pin(reference));

    [Theory]
    [MemberData(nameof(RequiredWorkflows))]
    public void EveryJobBuildsWithTheProjectsToolchains(string fileName)
    {
        var workflow = Workflow.Load(fileName);
        Assert.NotEmpty(workflow.Jobs);
        foreach (var job in workflow.Jobs.Values)
        {
            var dotnet = Assert.Single(job.StepsUsing("actions/setup-dotnet"));
            Assert.Equal(Toolchains.DotnetSdkVersion, dotnet.With.GetValueOrDefault("dotnet-version"));
            var python = Assert.Single(job.StepsUsing("actions/setup-python"));
            Assert.Equal(Toolchains.FunctionsPythonVersion, python.With.GetValueOrDefault("python-version"));
        }
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void NoWorkflowUsesLongLivedAwsKeys(string fileName)
    {
        var workflow = Workflow.Load(fileName);
        var keys = workflow.Root.AllEntries().Select(e => e.Key).ToList();
        foreach (var forbidden in LongLivedKeyInputs.Concat(LongLivedKeyEnv))
        {
            Assert.DoesNotContain(forbidden, keys, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(forbidden, workflow.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void EveryAwsLoginAssumesTheEnvironmentRoleThroughOidc(string fileName)
    {
        var workflow = Workflow.Load(fileName);

        // Only the jobs that run Pulumi talk to AWS, and each of them logs in once.
        Assert.Equal(
            workflow.Jobs.Values.Where(job => job.StepsUsing("pulumi/actions").Any()).Select(job => job.Id),
            workflow.Jobs.Values.SelectMany(job => job.StepsUsing("aws-actions/configure-aws-credentials")).Select(step => step.Job.Id));
        foreach (var job in workflow.Jobs.Values)
        {
            foreach (var step in job.StepsUsing("aws-actions/configure-aws-credentials"))
            {
                Assert.Equal("${{ vars.AWS_ROLE_ARN }}", step.With.GetValueOrDefault("role-to-assume"));
                Assert.StartsWith("${{ vars.", step.With.GetValueOrDefault("aws-region") ?? string.Empty, StringComparison.Ordinal);
                Assert.True(job.Environment is not null, $"{fileName}/{job.Id}: AWS_ROLE_ARN is a per-environment variable, so the job needs an environment");
                var idToken = job.Permissions.Get("id-token").Str() ?? workflow.Permissions.Get("id-token").Str();
                Assert.True(idToken == "write", $"{fileName}/{job.Id}: OIDC needs permissions id-token: write");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void PulumiRunsAgainstTheConfiguredBackendWithSecretsFromSecrets(string fileName)
    {
        var workflow = Workflow.Load(fileName);
        var pulumiJobs = workflow.Jobs.Values.Count(job => job.StepsUsing("pulumi/actions").Any());
        var secretEntries = workflow.Root.AllEntries().Where(e => PulumiSecrets.Contains(e.Key)).ToList();
        Assert.Equal(pulumiJobs * PulumiSecrets.Length, secretEntries.Count);
        foreach (var entry in secretEntries)
        {
            Assert.Matches(@"^\$\{\{\s*secrets\.[A-Z_]+\s*\}\}$", entry.Value.Str() ?? string.Empty);
        }

        foreach (var job in workflow.Jobs.Values)
        {
            foreach (var step in job.StepsUsing("pulumi/actions"))
            {
                Assert.Equal("${{ vars.PULUMI_BACKEND_URL }}", step.With.GetValueOrDefault("cloud-url"));
                var env = job.Env.Concat(step.Env).ToDictionary(kv => kv.Key, kv => kv.Value);
                foreach (var secret in PulumiSecrets)
                {
                    Assert.True(env.ContainsKey(secret), $"{fileName}/{job.Id}: {secret} must be passed from secrets");
                }
            }
        }
    }
}
