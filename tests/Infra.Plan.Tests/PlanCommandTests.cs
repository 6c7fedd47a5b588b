using System.Text.Json.Nodes;
using Infra.Core;

namespace Infra.Plan.Tests;

public sealed class PlanCommandTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("plan-tests").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void EveryCommittedStackPlansCleanly(string stack)
    {
        var (code, stdout, stderr) = Run(stack, "--json", "--dir", RepoRoot());
        Assert.True(code == PlanCommand.Ok, stderr);
        var plan = JsonNode.Parse(stdout)!.AsObject();
        foreach (var key in new[] { "stack", "environment", "region", "iam", "collector", "functions", "api", "queues", "sampling", "cost" })
        {
            Assert.True(plan.ContainsKey(key), $"missing top-level key {key}");
        }

        Assert.Equal(stack, (string?)plan["stack"]);
        Assert.Equal(stack, (string?)plan["environment"]);
    }

    [Fact]
    public void TablesNameEverySection()
    {
        var (code, stdout, _) = Run("dev", "--dir", RepoRoot());
        Assert.Equal(PlanCommand.Ok, code);
        foreach (var section in new[] { "IAM", "Collector", "Functions", "API", "Queues and tables", "Sampling", "Cost (traces recorded)" })
        {
            Assert.Contains($"\n{section}\n", stdout.Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void BrokenStackListsEveryErrorAndExitsTwo()
    {
        WriteProject();
        File.WriteAllText(Path.Combine(_scratch, "Pulumi.broken.yaml"), """
            config:
              aws:region: us-west-2
              aws-native:region: eu-west-1
              adot-tracing:environment: qa
              adot-tracing:iamMode: admin
              adot-tracing:colector:
                enabled: true
              adot-tracing:api:
                type: http
            """);
        var (code, stdout, stderr) = Run("broken", "--dir", _scratch);
        Assert.Equal(PlanCommand.InvalidSettings, code);
        Assert.Equal("", stdout);
        Assert.Contains("aws-native:region", stderr);
        Assert.Contains("adot-tracing:environment", stderr);
        Assert.Contains("adot-tracing:iamMode", stderr);
        Assert.Contains("Did you mean 'collector'?", stderr);
        Assert.Contains("adot-tracing:api.type", stderr);
    }

    [Fact]
    public void MissingStackFileListsTheStacksFound()
    {
        var (code, _, stderr) = Run("qa", "--dir", RepoRoot());
        Assert.Equal(PlanCommand.Unreadable, code);
        Assert.Contains("stacks found: dev, prod, staging", stderr);
    }

    [Fact]
    public void ProjectDefaultsApplyAndStackValuesOverride()
    {
        WriteProject();
        File.WriteAllText(Path.Combine(_scratch, "Pulumi.dev.yaml"), """
            config:
              aws:region: eu-west-1
              aws-native:region: eu-west-1
              adot-tracing:collector:
                maxSize: 3
                enabled: true
                subnetIds: []
            """);
        var raw = Infra.Core.StackFiles.StackFolder.Load(_scratch, "dev").Config!;
        Assert.Equal("least-privilege", raw.Get("adot-tracing:iamMode"));
        Assert.Equal("""{"enabled":true,"maxSize":3,"subnetIds":[]}""", raw.Get("adot-tracing:collector"));
        Assert.Equal("eu-west-1", raw.Get("aws:region"));
    }

    [Fact]
    public void TransactionSearchMayBeOnInOneStackOnly()
    {
        WriteProject();
        foreach (var stack in new[] { "dev", "prod" })
        {
            File.WriteAllText(Path.Combine(_scratch, $"Pulumi.{stack}.yaml"), """
                config:
                  aws:region: us-west-2
                  aws-native:region: us-west-2
                  adot-tracing:transactionSearch:
                    enabled: true
                """);
        }

        var (code, _, stderr) = Run("prod", "--dir", _scratch);
        Assert.Equal(PlanCommand.InvalidSettings, code);
        Assert.Contains("adot-tracing:transactionSearch.enabled", stderr);
        Assert.Contains("one stack only", stderr);
    }

    private void WriteProject() => File.WriteAllText(Path.Combine(_scratch, "Pulumi.yaml"), """
        name: adot-tracing
        runtime: dotnet
        config:
          iamMode:
            type: string
            default: least-privilege
          collector:
            type: object
            default: {}
            description: collector settings
        """);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => Plan.Run(args);

    private static string RepoRoot() => RepositoryRoot.Path;
}
