using System.Collections;
using System.Globalization;
using System.Text.Json;
using Infra.Core.App;

namespace Infra.Core.Settings;

/// <summary>
/// One key the program reads, described for the configuration reference (docs/configuration.md, which is generated
/// from these descriptions and Pulumi.yaml).
/// </summary>
/// <param name="Path">The key below its namespace: <c>collector.minSize</c>; <c>[]</c> stands for every item of a list
/// (<c>sampling.rules[].priority</c>) and <c>&lt;name&gt;</c> for any entry of a map (<c>traffic.&lt;METHOD /path&gt;</c>).
/// A provider's key keeps its namespace (<c>aws:region</c>).</param>
/// <param name="Type">What the key holds: string, integer, number, boolean, object, list of ..., map of ....</param>
/// <param name="Allowed">The values accepted, in Markdown; empty when the type says it all.</param>
/// <param name="Description">What the key does, briefly, in Markdown.</param>
/// <param name="Example">A value the settings accept, as JSON.</param>
/// <param name="Default">The key's effective default, read from a stack resolved without it (formatted with
/// <see cref="SettingFormat"/>); null when it has none, which <see cref="Unset"/> explains.</param>
public sealed record SettingDescription(string Path, string Type, string Allowed, string Description, string Example, Func<ResolvedStack, string?> Default)
{
    /// <summary>What leaving the key out means when there is no default value ("required", "none: the account's default VPC").</summary>
    public string? Unset { get; init; }

    /// <summary>Where a limit in <see cref="Allowed"/> comes from, when AWS or Pulumi sets it.</summary>
    public IReadOnlyList<SourceLink> Sources { get; init; } = [];

    /// <summary>Whether the profile decides the default (the reference then shows every profile's).</summary>
    public bool ProfileDecides { get; init; }

    /// <summary>Other keys (path to JSON value) the example needs beside it to be valid, e.g. a VPC for subnets.</summary>
    public IReadOnlyDictionary<string, string> ExampleNeeds { get; init; } = new Dictionary<string, string>();

    /// <summary>For a key without a default value: <see cref="Unset"/> says what leaving it out means.</summary>
    public static Func<ResolvedStack, string?> NoDefault => _ => null;
}

/// <summary>A page that states a limit: AWS's documentation, Pulumi's, or a source file of theirs.</summary>
public sealed record SourceLink(string Title, string Url);

/// <summary>A stack's settings as the parser resolved them, and the app it declares with them.</summary>
public sealed record ResolvedStack(StackSettings Settings, AppDeclaration App);

/// <summary>Values as the configuration reference shows them: YAML's flow style, invariant culture.</summary>
public static class SettingFormat
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IEnumerable<KeyValuePair<string, string>> map => $"{{{string.Join(", ", map.Select(pair => $"{pair.Key}: {pair.Value}"))}}}",
        IEnumerable list => $"[{string.Join(", ", list.Cast<object?>().Select(item => Of(item)))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A JSON value (an example) in the same style.</summary>
    public static string FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    private static string Of(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => $"{{{string.Join(", ", element.EnumerateObject().Select(property => $"{property.Name}: {Of(property.Value)}"))}}}",
        JsonValueKind.Array => $"[{string.Join(", ", element.EnumerateArray().Select(Of))}]",
        JsonValueKind.String => element.GetString()!,
        _ => element.GetRawText(),
    };
}
