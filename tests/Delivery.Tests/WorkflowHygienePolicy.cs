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

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();

    [Theory]
    [MemberData(nameof(RequiredWorkflows))]
    public void RequiredWorkflowExistsAndParses(string fileName)
    {
        var workflow = Workflow.Load(fileName);
        Assert.False(string.IsNullOrWhiteSpace(workflow.Root.Get("name").Str()), $"{fileName} needs a name");
        Assert.NotEmpty(workflow.Triggers);
        Assert.NotEmpty(workflow.Jobs);
        Assert.All(workflow.Jobs.Values, j => Assert.Equal("ubuntu-latest", j.Node.Get("runs-on").Str()));
    }

    [Theory]
    [MemberData(nameof(AllWorkflows))]
    public void EveryActionIsPinnedToAVersionTag(string fileName)
    {
        var workflow = Workflow.Load(fileName);
        var uses = workflow.Root.AllEntries().Where(e => e.Key == "uses").Select(e => e.Value.Str() ?? string.Empty).ToList();
        Assert.NotEmpty(uses);
        foreach (var use in uses.Where(u => !u.StartsWith("./", StringComparison.Ordinal)))
        {
            Assert.Matches(PinnedAction(), use);
            Assert.DoesNotMatch(@"@(main|master|latest|HEAD)$", use);
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
        foreach (var entry in workflow.Root.AllEntries().Where(e => PulumiSecrets.Contains(e.Key)))
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
