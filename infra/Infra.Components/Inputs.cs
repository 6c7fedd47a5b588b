using System.Text.Json.Nodes;
using Infra.Core.Iam;
using Infra.Core.Settings;
using Pulumi;
using NativeTag = Pulumi.AwsNative.Inputs.TagArgs;

namespace Infra.Components;

/// <summary>Conversions from Core's plain values to provider inputs.</summary>
internal static class Inputs
{
    /// <summary>JSON-typed provider properties (policy documents, OpenAPI bodies) take plain maps and lists.</summary>
    public static object Json(JsonNode? node) => ToPlain(node) ?? new Dictionary<string, object?>();

    public static object Policy(PolicyDocument document) => Json(document.ToJson());

    /// <summary>A policy document, passed as a secret when it holds one (a resource ARN built from a secret id).</summary>
    public static Input<object> Policy(PolicyDocument document, SecretValues secrets) =>
        Strings(document.ToJson()).Any(secrets.Holds) ? Output.CreateSecret(Policy(document)) : Output.Create(Policy(document));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject json => json.SelectMany(pair => Strings(pair.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    /// <summary>Text, passed as a secret when it holds one.</summary>
    public static Input<string> Text(string value, SecretValues secrets) => secrets.Holds(value) ? Output.CreateSecret(value) : Output.Create(value);

    /// <summary>Options of a child resource that holds data: parented to its component and guarded as Core decided.</summary>
    public static CustomResourceOptions Guarded(Resource parent, ResourceProtection protection) => new()
    {
        Parent = parent,
        Protect = protection.Protect,
        RetainOnDelete = protection.RetainOnDelete,
    };

    public static InputList<NativeTag> Tags(IReadOnlyDictionary<string, string> tags)
    {
        var list = new InputList<NativeTag>();
        foreach (var (key, value) in tags)
        {
            list.Add(new NativeTag { Key = key, Value = value });
        }

        return list;
    }

    public static InputMap<string> Map(IReadOnlyDictionary<string, string> values) => Map(values, SecretValues.None);

    /// <summary>A map whose values holding a secret are passed as secrets, each on its own (the names are not secret).</summary>
    public static InputMap<string> Map(IReadOnlyDictionary<string, string> values, SecretValues secrets)
    {
        var map = new InputMap<string>();
        foreach (var (key, value) in values)
        {
            map.Add(key, Text(value, secrets));
        }

        return map;
    }

    /// <summary>
    /// The provider enum value whose wire form is <paramref name="wire"/> (Pulumi enums are structs with one static
    /// property per allowed value), so Core can state the value as the AWS API spells it.
    /// </summary>
    public static T Enum<T>(string wire)
        where T : struct
    {
        foreach (var property in typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (property.PropertyType == typeof(T) && property.GetValue(null) is T value && value.ToString() == wire)
            {
                return value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(wire), wire, $"not a value of {typeof(T).Name}");
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject json => json.ToDictionary(pair => pair.Key, pair => ToPlain(pair.Value)),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<int>(out var integer) => integer,
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        _ => node.ToJsonString(),
    };
}
