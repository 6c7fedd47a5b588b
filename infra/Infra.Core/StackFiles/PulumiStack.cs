using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Core.Settings;

namespace Infra.Core.StackFiles;

/// <summary>
/// A config value as the engine hands it to the program: text, whether it is an object (a mapping or a list,
/// passed as JSON), and whether the stack file holds it encrypted (`secure:`).
/// pulumi/pulumi sdk/go/common/resource/config/value.go.
/// </summary>
/// <param name="EncryptedPaths">Inside an object, the paths of encrypted values; each stands in as [secret].</param>
internal sealed record StackValue(string Text, bool IsObject, bool IsSecure = false, IReadOnlyList<string>? EncryptedPaths = null)
{
    public IReadOnlyList<string> EncryptedPaths { get; } = EncryptedPaths ?? [];
}

/// <summary>A key the offline plan cannot see, and where its value may come from.</summary>
public sealed record HiddenKey(string Key, string Source);

/// <summary>
/// A stack file merged with its project's declarations: the config, the Pulumi ESC environments it imports (which
/// the offline plan cannot read), the keys whose value it cannot see and has nothing to stand in for, and the keys
/// given on the command line.
/// </summary>
public sealed record MergedStack(RawStackConfig Config, IReadOnlyList<string> Environments, IReadOnlyList<HiddenKey> Hidden, IReadOnlyList<string> FromCommandLine);

/// <summary>
/// Reads Pulumi.&lt;stack&gt;.yaml and merges it with the project's config declarations the way the CLI does before
/// `pulumi preview` or `pulumi up` (pulumi/pulumi pkg/workspace/config.go, mergeConfig and
/// validateStackConfigValues; sdk/go/common/workspace/loaders.go, LoadProjectStackBytes):
/// project defaults and values fill keys the stack does not set, a project key with neither a default nor a value
/// that the stack does not set is missing, a stack value must match the declared type, and a value declared
/// `secret: true` must be encrypted in the stack file.
/// Beyond the CLI, it refuses what the CLI would ignore silently: unknown top-level keys, a second document, values
/// that are not set.
/// </summary>
public static class PulumiStack
{
    /// <summary>The top-level keys of a stack file (sdk/go/common/workspace/project.go, ProjectStack).</summary>
    public static readonly IReadOnlyList<string> TopLevelKeys = ["config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt"];

    public static string FileName(string stack) => $"Pulumi.{stack}.yaml";

    /// <summary>The config values the engine would pass to the program, or every error the files hold.</summary>
    public static RawStackConfig? Merge(PulumiProject project, string stack, string stackText, ErrorSink errors) =>
        Read(project, stack, stackText, errors)?.Config;

    /// <summary>
    /// The stack file merged with the project's declarations, with what cannot be seen offline set apart: values
    /// held encrypted (<c>secure:</c>, at any depth) and the Pulumi ESC environments the file imports.
    /// </summary>
    /// <param name="overrides">Values given on the command line (key to text, objects as JSON); they stand in for what
    /// the plan cannot see and win over the stack file.</param>
    public static MergedStack? Read(PulumiProject project, string stack, string stackText, ErrorSink errors, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var file = FileName(stack);
        var before = errors.Errors.Count;
        var read = ReadStackValues(project, file, stackText, errors);
        if (read is null)
        {
            return null;
        }

        var (values, environments) = read.Value;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rawKey, text) in overrides ?? new Dictionary<string, string>())
        {
            var key = project.Qualify(rawKey);
            values[key] = FromCommandLine(text);
            given.Add(key);
        }

        var importNote = environments.Count == 0 ? null : FromEnvironments(file, environments);
        var hidden = new List<HiddenKey>();
        var encrypted = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var declaration in project.Config)
        {
            var key = project.Qualify(declaration.Key);
            if (values.TryGetValue(key, out var stackValue) && !(stackValue.IsSecure && !stackValue.IsObject && (declaration.HasValue || declaration.HasDefault)))
            {
                if (declaration.IsExplicitlyTyped)
                {
                    CheckSecretAndType(declaration, key, stackValue, given.Contains(key), stack, file, errors);
                }

                continue;
            }

            if (stackValue is not null)
            {
                // Encrypted whole: offline it cannot be read, so the plan stands in the declared default for it.
                encrypted.Add(key);
            }

            if (declaration.HasValue || declaration.HasDefault)
            {
                // The CLI merges the project's plain default in before it checks secrets, so it refuses it too, unless an
                // imported environment may set the key or the stack file holds it encrypted.
                if (declaration.IsExplicitlyTyped && declaration.Secret && importNote is null && stackValue is null)
                {
                    AddNotEncrypted(declaration, key, stack, $"{file} does not set it, so its default from Pulumi.yaml would be used in plain text", errors);
                }

                values[key] = ToStackValue((declaration.Default ?? declaration.Value)!, key);
            }
            else if (project.OwnsKey(declaration.Key))
            {
                if (importNote is not null)
                {
                    hidden.Add(new HiddenKey(key, importNote));
                }
                else
                {
                    missing.Add(declaration.Key);
                }
            }
        }

        foreach (var key in missing.Order(StringComparer.Ordinal))
        {
            errors.Add(project.Qualify(key), $"required: Pulumi.yaml declares it with no default and {file} does not set it (the Pulumi CLI stops with "
                + $"\"Stack '{stack}' is missing configuration value '{key}'\"). Set it with: pulumi config set {key} <value>");
        }

        if (errors.Errors.Count > before)
        {
            return null;
        }

        foreach (var (key, value) in values.Where(pair => pair.Value.IsSecure && !pair.Value.IsObject && !encrypted.Contains(pair.Key)))
        {
            // Encrypted whole and nothing to stand in for it: the plan needs it from the command line.
            hidden.Add(new HiddenKey(key, $"{file} holds it encrypted (secure:), and the offline plan cannot decrypt it"));
        }

        var config = new RawStackConfig(stack, values.ToDictionary(pair => pair.Key, pair => pair.Value.Text, StringComparer.Ordinal))
        {
            SecretKeys = values.Where(pair => pair.Value.IsSecure).Select(pair => pair.Key).Concat(encrypted).ToHashSet(StringComparer.Ordinal),
            EncryptedPaths = values.SelectMany(pair => pair.Value.EncryptedPaths).Concat(encrypted).ToHashSet(StringComparer.Ordinal),
        };
        return new MergedStack(config, environments, hidden.OrderBy(key => key.Key, StringComparer.Ordinal).ToList(), given.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Where a key the stack file does not set may come from, when it imports environments.</summary>
    public static string FromEnvironments(string file, IReadOnlyList<string> environments) =>
        $"{file} does not set it; it may come from the imported Pulumi ESC environment{(environments.Count == 1 ? "" : "s")} {string.Join(", ", environments)}, "
        + "which the offline plan cannot read";

    private static (Dictionary<string, StackValue> Values, IReadOnlyList<string> Environments)? ReadStackValues(PulumiProject project, string file, string text, ErrorSink errors)
    {
        var values = new Dictionary<string, StackValue>(StringComparer.Ordinal);
        var before = errors.Errors.Count;
        var root = YamlTree.Parse(text, file, errors, out var empty);
        if (errors.Errors.Count > before)
        {
            return null;
        }

        if (empty)
        {
            return (values, []);
        }

        if (root is not JsonObject stack)
        {
            errors.Add(file, $"must be a mapping with a 'config:' section, not {DescribeNonMapping(root)} (the Pulumi CLI: \"expected project to be an object\").");
            return null;
        }

        foreach (var unknown in stack.Select(pair => pair.Key).Where(key => !TopLevelKeys.Contains(key)))
        {
            errors.Add($"{file}: {unknown}", KeySuggestion.Describe(unknown, unknown, TopLevelKeys.ToList()).Replace("unknown key", "unknown top-level key", StringComparison.Ordinal)
                + " The Pulumi CLI ignores it silently, so the settings under it would not apply.");
        }

        switch (stack["config"])
        {
            case null when !stack.ContainsKey("config"):
                break;
            case JsonObject config:
                foreach (var (rawKey, node) in config)
                {
                    var key = project.Qualify(rawKey);
                    if (rawKey.Count(character => character == ':') > 1 && !IsOldStyleKey(rawKey))
                    {
                        errors.Add($"{file}: config.{rawKey}", "is not a config key; write <namespace>:<name> (the Pulumi CLI: \"could not parse as a configuration key\").");
                        continue;
                    }

                    if (node is null)
                    {
                        errors.Add(key, $"has no value in {file}; remove the line to use the default, or give it a value (the Pulumi CLI warns \"No value for configuration key\").");
                        continue;
                    }

                    var fullKey = IsOldStyleKey(rawKey) ? OldStyleToKey(rawKey) : key;
                    values[fullKey] = ToStackValue(node, fullKey);
                }

                break;
            default:
                errors.Add($"{file}: config", $"must be a mapping of config keys to values, not {DescribeNonMapping(stack["config"])}.");
                break;
        }

        var environments = ReadEnvironments(stack, file, errors);
        return errors.Errors.Count > before ? null : (values, environments);
    }

    /// <summary>
    /// The Pulumi ESC environments a stack file imports under <c>environment:</c>: a list of names, or an inline
    /// environment definition whose <c>imports:</c> name them (each a name, or a mapping from a name to its options)
    /// and whose own <c>values:</c> count as one more source (pulumi/pulumi sdk/go/common/workspace/project.go,
    /// Environment: UnmarshalYAML, Definition and Imports).
    /// </summary>
    private static IReadOnlyList<string> ReadEnvironments(JsonObject stack, string file, ErrorSink errors)
    {
        const string Shape = "must be a list of Pulumi ESC environment names (environment: [aws-dev]) or an environment definition with imports: (pulumi/pulumi project.go, Environment)";
        switch (stack["environment"])
        {
            case null:
                return [];
            case JsonArray list when list.All(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String):
                return list.Select(item => item!.GetValue<string>()).ToList();
            case JsonObject definition when definition["imports"] is null or JsonArray:
                var names = new List<string>();
                foreach (var item in definition["imports"] as JsonArray ?? [])
                {
                    switch (item)
                    {
                        case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                            names.Add(value.GetValue<string>());
                            break;
                        case JsonObject { Count: 1 } named:
                            names.Add(named.First().Key);
                            break;
                        default:
                            errors.Add($"{file}: environment.imports", $"{Shape}; each import is a name or a mapping from one name to its options.");
                            return [];
                    }
                }

                if (definition["values"] is not null)
                {
                    names.Add($"the values under environment: in {file}");
                }

                return names;
            default:
                errors.Add($"{file}: environment", $"{Shape}.");
                return [];
        }
    }

    private static void AddNotEncrypted(ConfigDeclaration declaration, string key, string stack, string why, ErrorSink errors) =>
        errors.Add(key, $"is declared secret in Pulumi.yaml, but {why} (the Pulumi CLI stops with "
            + $"\"Stack '{stack}' with configuration key '{declaration.Key}' must be encrypted as it's secret\"). "
            + $"Set it with: pulumi config set --secret {declaration.Key} <value>");

    /// <summary>"aws:config:region" is the older spelling of "aws:region" that the CLI still reads (config/key.go, ParseKey).</summary>
    private static bool IsOldStyleKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" && parts[0].Length > 0 && parts[2].Length > 0;
    }

    private static string OldStyleToKey(string key)
    {
        var parts = key.Split(':');
        return $"{parts[0]}:{parts[2]}";
    }

    /// <summary>
    /// validateStackConfigValue (pkg/workspace/config.go): a key declared secret must be encrypted, and the
    /// decrypted value must have the declared type. Offline there is no key to decrypt with, so the type of an
    /// encrypted value is left to the CLI.
    /// </summary>
    private static void CheckSecretAndType(ConfigDeclaration declaration, string key, StackValue value, bool fromCommandLine, string stack, string file, ErrorSink errors)
    {
        if (declaration.Secret && !value.IsSecure && !fromCommandLine)
        {
            AddNotEncrypted(declaration, key, stack, $"{file} holds it in plain text", errors);
        }
        else if (!value.IsSecure && !ConfigTypes.Accepts(declaration, ConfigTypes.FromStackValue(value)))
        {
            var shown = value.Text.Length > 60 ? $"{value.Text[..57]}..." : value.Text;
            errors.Add(key, $"'{shown}' {(fromCommandLine ? "from --config" : $"in {file}")} is not of the declared type '{declaration.TypeName}' (Pulumi.yaml; the Pulumi CLI stops with "
                + $"\"must be of type '{declaration.TypeName}'\").");
        }
    }

    /// <summary>
    /// Scalars are passed as text, objects and lists as JSON. The CLI writes that JSON with Go's encoding/json, which
    /// orders the keys of every map, so the same order is used here. A value encrypted whole stays opaque; an object
    /// holding encrypted values at any depth is secret as a whole, as the engine sees it, and each of them stands in
    /// as [secret] (pulumi/pulumi sdk/go/common/resource/config/object.go: unmarshalObject, isSecureValue, Secure).
    /// </summary>
    private static StackValue ToStackValue(JsonNode node, string key)
    {
        if (IsSecureValue(node))
        {
            return new StackValue(SecretValues.Shown, false, IsSecure: true);
        }

        if (node is JsonObject or JsonArray)
        {
            var encrypted = new List<string>();
            var json = Sorted(node, key, encrypted)!.ToJsonString();
            return new StackValue(json, true, IsSecure: encrypted.Count > 0, encrypted);
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? new StackValue(value.GetValue<string>(), false)
            : new StackValue(node.ToJsonString(), false);
    }

    /// <summary>isSecureValue: a mapping with the one key "secure" whose value is a string.</summary>
    private static bool IsSecureValue(JsonNode? node) =>
        node is JsonObject { Count: 1 } map && map["secure"] is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static JsonNode? Sorted(JsonNode? node, string path, List<string> encrypted)
    {
        if (IsSecureValue(node))
        {
            encrypted.Add(path);
            return JsonValue.Create(SecretValues.Shown);
        }

        return node switch
        {
            JsonObject map => new JsonObject(map.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key, Sorted(pair.Value, $"{path}.{pair.Key}", encrypted)))),
            JsonArray list => new JsonArray(list.Select((item, index) => Sorted(item, $"{path}[{index}]", encrypted)).ToArray()),
            _ => node?.DeepClone(),
        };
    }

    /// <summary>A value from the command line: an object or list when it is JSON of one, text otherwise.</summary>
    private static StackValue FromCommandLine(string text)
    {
        if (text.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                if (JsonNode.Parse(text) is { } node and (JsonObject or JsonArray))
                {
                    return ToStackValue(node, "");
                }
            }
            catch (JsonException)
            {
                // Not JSON: the text itself, as `pulumi config set` would store it.
            }
        }

        return new StackValue(text, false);
    }

    /// <summary>What stands where a mapping should.</summary>
    private static string DescribeNonMapping(JsonNode? node) => node switch
    {
        null => "an empty value",
        JsonArray => "a list",
        _ => $"the scalar '{node.ToJsonString().Trim('"')}'",
    };
}
