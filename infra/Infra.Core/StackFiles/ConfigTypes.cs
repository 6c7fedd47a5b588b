using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Core.StackFiles;

/// <summary>
/// The CLI's type check of a config value against its declaration (pulumi/pulumi
/// sdk/go/common/workspace/project.go, ValidateConfigValue), on the values the CLI checks: a stack value that is
/// a scalar is text; a stack value that is a mapping or list is its JSON, decoded as Go's encoding/json does
/// (numbers become floats); a project default is what the YAML decoder produced.
/// </summary>
internal static class ConfigTypes
{
    public static readonly IReadOnlyDictionary<string, ConfigType> Names = new Dictionary<string, ConfigType>(StringComparer.Ordinal)
    {
        ["string"] = ConfigType.String,
        ["integer"] = ConfigType.Integer,
        ["boolean"] = ConfigType.Boolean,
        ["array"] = ConfigType.Array,
        ["object"] = ConfigType.Object,
    };

    /// <summary>A value as the CLI holds it: text, a whole number, a float, a boolean, a map, a list or nothing.</summary>
    public abstract record Content;

    public sealed record Text(string Value) : Content;

    public sealed record WholeNumber(long Value) : Content;

    public sealed record Float(double Value) : Content;

    public sealed record Flag(bool Value) : Content;

    public sealed record Map : Content;

    public sealed record List(IReadOnlyList<Content> Items) : Content;

    public sealed record Nothing : Content;

    public static bool Accepts(ConfigDeclaration declaration, Content content) =>
        Accepts(declaration.Type ?? ConfigType.String, declaration.Items, content);

    private static bool Accepts(ConfigType type, ConfigDeclaration? items, Content content) => type switch
    {
        ConfigType.String => content is Text,
        ConfigType.Integer => content switch
        {
            WholeNumber => true,
            Float number => number.Value == Math.Truncate(number.Value),
            Text text => IsGoInteger(text.Value),
            _ => false,
        },
        ConfigType.Boolean => content is Flag or Text { Value: "true" or "false" },
        ConfigType.Object => content is Map,
        _ => content is List list && items is not null && list.Items.All(item => Accepts(items.Type ?? ConfigType.String, items.Items, item)),
    };

    /// <summary>Go's strconv.Atoi: an optional sign and decimal digits that fit in 64 bits.</summary>
    private static bool IsGoInteger(string text)
    {
        // long.TryParse alone would also take trailing NUL characters, which Atoi refuses.
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        return digits.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>A value in Pulumi.yaml as the YAML decoder produced it.</summary>
    public static Content FromProjectValue(JsonNode? node) => node switch
    {
        null => new Nothing(),
        JsonObject => new Map(),
        JsonArray array => new List(array.Select(FromProjectValue).ToList()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new Text(value.GetValue<string>()),
            JsonValueKind.True => new Flag(true),
            JsonValueKind.False => new Flag(false),
            JsonValueKind.Number when value.TryGetValue<long>(out var whole) => new WholeNumber(whole),
            JsonValueKind.Number => new Float(value.GetValue<double>()),
            _ => new Nothing(),
        },
        _ => new Nothing(),
    };

    /// <summary>A stack value as validateStackConfigValue sees it: scalars are text, objects their decoded JSON.</summary>
    public static Content FromStackValue(StackValue value) => value.IsObject ? FromJson(JsonNode.Parse(value.Text)) : new Text(value.Text);

    private static Content FromJson(JsonNode? node) => node switch
    {
        null => new Nothing(),
        JsonObject => new Map(),
        JsonArray array => new List(array.Select(FromJson).ToList()),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new Text(value.GetValue<string>()),
            JsonValueKind.True => new Flag(true),
            JsonValueKind.False => new Flag(false),
            JsonValueKind.Number => new Float(value.GetValue<double>()),
            _ => new Nothing(),
        },
        _ => new Nothing(),
    };
}
