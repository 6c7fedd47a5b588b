using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Core.Settings;

namespace Infra.Core.Blueprint;

/// <summary>
/// Where a secret may go: only into inputs the Pulumi program passes as secrets (a function's environment
/// variables and inline policies, an alert subscription's endpoint). Anywhere else (a name, a tag, an ARN the stack
/// outputs, a sampling rule) it would be written in plain text, so a stack that would put one there is refused.
/// The places are paths of the plan's JSON, which holds every value the blueprint gives a resource.
/// </summary>
public static partial class SecretPlacement
{
    /// <summary>What the components keep secret, in words for messages.</summary>
    public const string SecretPlaces = "a function's environment variables and IAM policies, and an alert subscription's endpoint";

    public static IReadOnlyList<SettingsError> Check(StackBlueprint blueprint)
    {
        var secrets = blueprint.Settings.Secrets;
        if (secrets.IsEmpty)
        {
            return [];
        }

        var misplaced = new Dictionary<string, string>(StringComparer.Ordinal);
        var plan = JsonSerializer.SerializeToNode(PlanDocument.Of(blueprint, []), PlanJson.Options);
        foreach (var (path, text) in Strings(plan, ""))
        {
            if (KeepsSecrets().IsMatch(path))
            {
                continue;
            }

            foreach (var entry in secrets.Entries.Where(entry => text.Contains(entry.Text, StringComparison.Ordinal)))
            {
                misplaced.TryAdd(entry.Path, path);
            }
        }

        return misplaced.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new SettingsError(pair.Key,
                $"holds a secret, which would be written in plain text to {pair.Value} of the plan; only {SecretPlaces} keep a secret. "
                + "Any secret in a key makes all of its text secret. Store this value in plain text, or move the secret to a place that keeps it."))
            .ToList();
    }

    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject map => map.SelectMany(pair => Strings(pair.Value, path.Length == 0 ? pair.Key : $"{path}.{pair.Key}")),
        JsonArray list => list.SelectMany((item, index) => Strings(item, $"{path}[{index}]")),
        JsonValue value when value.TryGetValue<string>(out var text) => [(path, text)],
        _ => [],
    };

    // A function's statements are the plan's view of its role's inline policy (FunctionSpec.Policy): the program writes them only there.
    [GeneratedRegex(@"^(functions\[\d+\]\.(environment\.[^.\[]+|statements(\.|\[|$).*|role\.inlinePolicies\[\d+\]\.document(\.|\[|$).*)|monitoring\.subscriptions\[\d+\]\.endpoint)$", RegexOptions.Singleline)]
    private static partial Regex KeepsSecrets();
}
