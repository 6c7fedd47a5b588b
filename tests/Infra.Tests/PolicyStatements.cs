using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Tests;

/// <summary>
/// One IAM statement as IAM reads it: Action and Resource may be a string or a list, and their order does not
/// matter (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html), so both
/// are kept as sorted sets. The condition block is kept as compact JSON.
/// </summary>
public sealed record Statement(string? Sid, string Effect, string Actions, string Resources, string? Principal = null, string? Condition = null)
{
    public static Statement Allow(string sid, string[] actions, params string[] resources) =>
        new(sid, "Allow", Join(actions), Join(resources));

    /// <summary>The statements of a policy document the program sent as a resource input.</summary>
    public static IReadOnlyList<Statement> Of(object document)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(document)) ?? throw new InvalidOperationException("empty policy document");
        Assert.Equal("2012-10-17", json["Version"]?.GetValue<string>());
        var statements = Assert.IsType<JsonArray>(json["Statement"]);
        Assert.NotEmpty(statements);
        return statements.Select(node => new Statement(
            node!["Sid"]?.GetValue<string>(),
            node["Effect"]!.GetValue<string>(),
            Join(Values(node["Action"])),
            Join(Values(node["Resource"])),
            node["Principal"]?.ToJsonString(),
            node["Condition"]?.ToJsonString())).ToList();
    }

    private static string Join(IEnumerable<string> values) => string.Join(" ", values.Order(StringComparer.Ordinal));

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => item!.GetValue<string>()),
        _ => [node.GetValue<string>()],
    };
}
