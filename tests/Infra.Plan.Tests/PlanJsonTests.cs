using System.Text.Json.Nodes;
using Infra.Core.Blueprint;

namespace Infra.Plan.Tests;

/// <summary>`scripts/plan --json` is the blueprint's records, serialised, under the keys docs/plan.md documents.</summary>
public sealed class PlanJsonTests : IDisposable
{
    /// <summary>docs/plan.md's list ("--json prints one object with the keys ..."), in its order.</summary>
    private static readonly string[] DocumentedKeys =
        ["stack", "environment", "profile", "region", "account", "iam", "collector", "functions", "api", "queues", "tables", "sampling", "applicationSignals", "cost", "monthlyCost", "monitoring", "tags", "warnings"];

    private readonly ScratchProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void TopLevelKeysAreTheDocumentedOnes(string stack)
    {
        var plan = Json(Plan.Committed(stack, "--json"));
        Assert.Equal(DocumentedKeys, plan.Select(pair => pair.Key));
    }

    [Fact]
    public void SchemaRequiresEveryDocumentedKey()
    {
        var schema = JsonNode.Parse(PlanJson.Schema())!;
        Assert.Equal(DocumentedKeys, schema["required"]!.AsArray().Select(key => (string?)key));
    }

    [Fact]
    public void EnumsAreWrittenAsStackFilesSpellThem()
    {
        // The values below are the spellings Pulumi.yaml documents for these keys.
        _project.WithStack("qa", """
            config:
              aws:region: eu-west-1
              aws-native:region: eu-west-1
              adot-tracing:environment: staging
              adot-tracing:iamMode: seed
              adot-tracing:collector:
                schedulingStrategy: REPLICA
                desiredCount: 2
              adot-tracing:lambda:
                architecture: arm64
            """);
        var plan = Json(_project.Plan("qa", "--json"));
        Assert.Equal("staging", (string?)plan["environment"]);
        Assert.Equal("seed", (string?)plan["iam"]!["mode"]);
        Assert.Equal("REPLICA", (string?)plan["collector"]!["service"]!["schedulingStrategy"]);
        Assert.All(plan["functions"]!.AsArray(), function => Assert.Equal("arm64", (string?)function!["architecture"]));
        Assert.Equal(2, plan["functions"]!.AsArray().Count);
    }

    [Fact]
    public void PolicyDocumentsAreWrittenInIamGrammar()
    {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
        var document = Json(Plan.Committed("dev", "--json", "--config", "adot-tracing:collector={}"))["iam"]!["collectorPolicy"]!["document"]!;
        Assert.Equal("2012-10-17", (string?)document["Version"]);
        var statement = document["Statement"]!.AsArray()[0]!.AsObject();
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.True(statement.ContainsKey("Action"), statement.ToJsonString());
        Assert.True(statement.ContainsKey("Resource"), statement.ToJsonString());
    }

    [Fact]
    public void KeysAreCamelCase()
    {
        var function = Json(Plan.Committed("dev", "--json"))["functions"]![0]!.AsObject();
        Assert.True(function.ContainsKey("functionName"), string.Join(", ", function.Select(pair => pair.Key)));
        Assert.True(function.ContainsKey("logGroupName"), string.Join(", ", function.Select(pair => pair.Key)));
        Assert.False(function.ContainsKey("FunctionName"));
    }

    [Fact]
    public void OnlyWhatARecordHoldsIsWrittenNotWhatItDerives()
    {
        // FunctionSpec.Policy repeats role.inlinePolicies and ArchitectureName repeats architecture.
        var function = Json(Plan.Committed("dev", "--json"))["functions"]![0]!.AsObject();
        Assert.True(function.ContainsKey("role"));
        Assert.True(function.ContainsKey("architecture"));
        Assert.False(function.ContainsKey("policy"));
        Assert.False(function.ContainsKey("architectureName"));
    }

    [Fact]
    public void StackWithoutCollectorKeepsItsKeysAsNull()
    {
        _project.WithStack("qa", """
            config:
              aws:region: us-west-2
              aws-native:region: us-west-2
              adot-tracing:environment: dev
              adot-tracing:collector:
                enabled: false
            """);
        var plan = Json(_project.Plan("qa", "--json"));
        Assert.Equal(DocumentedKeys, plan.Select(pair => pair.Key));
        Assert.Null(plan["collector"]);
        Assert.Null(plan["iam"]);
        Assert.NotEmpty(plan["functions"]!.AsArray());
    }

    [Fact]
    public void WarningsAreInTheJsonAndOnStderr()
    {
        // Above 29 s the API Gateway integration times out first (the program warns; the consumer still gets it).
        _project.WithStack("qa", """
            config:
              aws:region: us-west-2
              aws-native:region: us-west-2
              adot-tracing:environment: dev
              adot-tracing:foundation: foundation
              adot-tracing:lambda:
                timeoutSeconds: 120
            """);
        var (code, stdout, stderr) = _project.Plan("qa", "--json");
        Assert.Equal(PlanCommand.Ok, code);
        var warning = Assert.Single(Json((code, stdout, stderr))["warnings"]!.AsArray());
        Assert.Contains("timeoutSeconds", (string?)warning);
        Assert.Contains($"warning: {(string?)warning}", stderr);
    }

    [Fact]
    public void PlaceholderAccountIsWrittenReadably()
    {
        var (_, stdout, _) = Plan.Committed("dev", "--json");
        Assert.Contains("\"account\": \"<account-id>\"", stdout);
    }

    [Fact]
    public void AccountOptionFillsTheArns()
    {
        var plan = Json(Plan.Committed("dev", "--json", "--account", "123456789012", "--config", "adot-tracing:collector={}"));
        Assert.Equal("123456789012", (string?)plan["account"]);
        Assert.Equal("arn:aws:iam::123456789012:policy/adot-tracing-dev-AWSDistroOpenTelemetryPolicy", (string?)plan["iam"]!["collectorPolicy"]!["arn"]);
    }

    private static JsonObject Json((int Code, string Stdout, string Stderr) run)
    {
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }
}
