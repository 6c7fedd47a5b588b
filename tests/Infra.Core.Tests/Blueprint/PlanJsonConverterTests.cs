using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Core.Blueprint;
using Infra.Core.Iam;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Blueprint;

/// <summary>A record with the shapes the plan's records may take: a nullable and a required enum with wire names.</summary>
internal sealed record StrategyChoice(SchedulingStrategy? Preferred, SchedulingStrategy Current);

/// <summary>
/// The plan JSON's converters and schema, on their own. A JSON Schema (draft 2020-12) instance validates against
/// <c>enum</c> only when it equals one of its values, and against <c>type</c> only when its type is listed, so a value
/// that may be null needs null in both (https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1).
/// </summary>
public class PlanJsonConverterTests
{
    [Fact]
    public void ANullableEnumIsDescribedWithNullInItsTypeAndItsValues()
    {
        var properties = PlanJson.SchemaOf(typeof(StrategyChoice))["properties"]!;
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"type":["string","null"],"enum":["DAEMON","REPLICA",null]}"""), properties["preferred"]),
            properties["preferred"]!.ToJsonString());
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"type":"string","enum":["DAEMON","REPLICA"]}"""), properties["current"]),
            properties["current"]!.ToJsonString());
    }

    [Fact]
    public void ANullableEnumIsWrittenAsNullOrItsWireName()
    {
        Assert.Equal(
            """{"preferred":null,"current":"DAEMON"}""",
            JsonNode.Parse(JsonSerializer.Serialize(new StrategyChoice(null, SchedulingStrategy.Daemon), PlanJson.Options))!.ToJsonString());
        Assert.Equal(
            """{"preferred":"REPLICA","current":"REPLICA"}""",
            JsonNode.Parse(JsonSerializer.Serialize(new StrategyChoice(SchedulingStrategy.Replica, SchedulingStrategy.Replica), PlanJson.Options))!.ToJsonString());
    }

    [Fact]
    public void AWireNameReadsBackAsItsValue() =>
        Assert.Equal(IamMode.LeastPrivilege, JsonSerializer.Deserialize<IamMode>("\"least-privilege\"", PlanJson.Options));

    [Theory]
    [InlineData("\"LeastPrivilege\"", "'LeastPrivilege' is not one of least-privilege, seed")]
    [InlineData("null", "'' is not one of least-privilege, seed")]
    public void AnythingElseIsRefusedWithTheNamesThatWouldDo(string json, string message) =>
        Assert.Equal(message, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IamMode>(json, PlanJson.Options)).Message);

    [Fact]
    public void AnEnumWithoutWireNamesIsWrittenInCamelCaseAndNeverAsANumber()
    {
        Assert.Equal("\"fallback\"", JsonSerializer.Serialize(RuleKind.Fallback, PlanJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((RuleKind)99, PlanJson.Options));
    }

    [Fact]
    public void PolicyDocumentsAreNeverReadBack()
    {
        var error = Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<PolicyDocument>("""{"Version":"2012-10-17","Statement":[]}""", PlanJson.Options));
        // System.Text.Json appends the path and type to the converter's message.
        Assert.StartsWith("the plan is written, never read back", error.Message, StringComparison.Ordinal);
    }
}
