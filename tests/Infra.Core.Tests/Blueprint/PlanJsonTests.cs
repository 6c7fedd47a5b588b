using System.Text.Json.Nodes;
using Infra.Core.Blueprint;

namespace Infra.Core.Tests.Blueprint;

/// <summary>
/// The plan's JSON straight from Core's serialiser: record fields only, camelCase, enums spelled as stack files spell
/// them, IAM documents in IAM's grammar (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html),
/// and a schema that requires every top-level key.
/// </summary>
public class PlanJsonTests
{
    private static JsonObject Serialized(string stack, params (string Key, string Value)[] config) =>
        JsonNode.Parse(PlanJson.Serialize(TestStacks.Blueprint(stack, config), ["a warning"]))!.AsObject();

    [Fact]
    public void TopLevelKeysAreTheDocumentedOnesInOrder() =>
        Assert.Equal(
            ["stack", "environment", "profile", "region", "account", "iam", "collector", "functions", "api", "queues", "tables", "sampling", "applicationSignals", "cost", "monthlyCost", "monitoring", "tags", "warnings"],
            Serialized("dev").Select(pair => pair.Key));

    [Fact]
    public void EnumsAreWrittenAsTheStackFilesSpellThem()
    {
        var plan = Serialized("staging",
            ("profile", "article"),
            ("collector", """{"schedulingStrategy":"REPLICA","desiredCount":2}"""),
            ("lambda", """{"architecture":"arm64"}"""));
        Assert.Equal("staging", (string?)plan["environment"]);
        Assert.Equal("seed", (string?)plan["iam"]!["mode"]);
        Assert.Equal("REPLICA", (string?)plan["collector"]!["service"]!["schedulingStrategy"]);
        Assert.Equal("bundled", (string?)plan["collector"]!["config"]!["source"]);
        var functions = plan["functions"]!.AsArray();
        Assert.Equal(2, functions.Count);
        Assert.All(functions, function => Assert.Equal("arm64", (string?)function!["architecture"]));
        Assert.Equal(["a warning"], plan["warnings"]!.AsArray().Select(warning => (string?)warning));
    }

    [Fact]
    public void PolicyDocumentsUseIamsGrammarWithPrincipalsAndConditions()
    {
        var trust = Serialized("dev")["functions"]![0]!["role"]!["trustPolicy"]!;
        Assert.Equal("2012-10-17", (string?)trust["Version"]);
        var statement = Assert.Single(trust["Statement"]!.AsArray())!.AsObject();
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal("lambda.amazonaws.com", (string?)statement["Principal"]!["Service"]);
        Assert.Equal("sts:AssumeRole", (string?)statement["Action"]);
        Assert.Equal(TestStacks.Account, (string?)statement["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
        Assert.False(statement.ContainsKey("Resource"));
    }

    [Fact]
    public void RecordsAreWrittenByTheirFieldsInCamelCaseNotByWhatTheyDerive()
    {
        var function = Serialized("dev")["functions"]![0]!.AsObject();
        Assert.Equal("adot-tracing-dev-chatbot", (string?)function["functionName"]);
        Assert.True(function.ContainsKey("logGroupName"));
        Assert.False(function.ContainsKey("FunctionName"));
        Assert.False(function.ContainsKey("policy"));
        Assert.False(function.ContainsKey("architectureName"));
    }

    [Fact]
    public void AStackWithoutCollectorKeepsTheKeysAsNull()
    {
        var plan = Serialized("dev", ("collector", """{"enabled":false}"""));
        Assert.True(plan.ContainsKey("collector") && plan.ContainsKey("iam"));
        Assert.Null(plan["collector"]);
        Assert.Null(plan["iam"]);
    }

    [Fact]
    public void TheSchemaRequiresEveryTopLevelKeyAndListsEnumSpellings()
    {
        var schema = JsonNode.Parse(PlanJson.Schema())!;
        Assert.Equal(Serialized("dev").Select(pair => pair.Key), schema["required"]!.AsArray().Select(key => (string?)key));
        var text = schema.ToJsonString();
        Assert.Contains("\"least-privilege\"", text, StringComparison.Ordinal);
        Assert.Contains("\"DAEMON\"", text, StringComparison.Ordinal);
        Assert.Contains("\"2012-10-17\"", text, StringComparison.Ordinal);
    }
}
