using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Core.Settings;

namespace Infra.Core.StackFiles;

/// <summary>
/// A config value as the engine hands it to the program: text, whether it is an object (a mapping or a list,
/// passed as JSON), and whether the stack file holds it encrypted (`secure:`).
/// pulumi/pulumi sdk/go/common/resource/config/value.go.
/// </summary>
internal sealed record StackValue(string Text, bool IsObject, bool IsSecure = false);

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
    public static RawStackConfig? Merge(PulumiProject project, string stack, string stackText, ErrorSink errors)
    {
        var file = FileName(stack);
        var before = errors.Errors.Count;
        var values = ReadStackValues(project, file, stackText, errors);
        if (values is null)
        {
            return null;
        }

        var missing = new List<string>();
        foreach (var declaration in project.Config)
        {
            var key = project.Qualify(declaration.Key);
            if (values.TryGetValue(key, out var stackValue))
            {
                if (declaration.IsExplicitlyTyped)
                {
                    CheckSecretAndType(declaration, key, stackValue, stack, file, errors);
                }

                continue;
            }

            if (declaration.HasValue || declaration.HasDefault)
            {
                // The CLI merges the project's plain default in before it checks secrets, so it refuses it too.
                if (declaration.IsExplicitlyTyped && declaration.Secret)
                {
                    AddNotEncrypted(declaration, key, stack, $"{file} does not set it, so its default from Pulumi.yaml would be used in plain text", errors);
                }

                values[key] = ToStackValue((declaration.Default ?? declaration.Value)!);
            }
            else if (project.OwnsKey(declaration.Key))
            {
                missing.Add(declaration.Key);
            }
        }

        foreach (var key in missing.Order(StringComparer.Ordinal))
        {
            errors.Add(project.Qualify(key), $"required: Pulumi.yaml declares it with no default and {file} does not set it (the Pulumi CLI stops with "
                + $"\"Stack '{stack}' is missing configuration value '{key}'\"). Set it with: pulumi config set {key} <value>");
        }

        return errors.Errors.Count > before
            ? null
            : new RawStackConfig(stack, values.ToDictionary(pair => pair.Key, pair => pair.Value.Text, StringComparer.Ordinal));
    }

    private static Dictionary<string, StackValue>? ReadStackValues(PulumiProject project, string file, string text, ErrorSink errors)
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
            return values;
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

                    values[IsOldStyleKey(rawKey) ? OldStyleToKey(rawKey) : key] = ToStackValue(node);
                }

                break;
            default:
                errors.Add($"{file}: config", $"must be a mapping of config keys to values, not {DescribeNonMapping(stack["config"])}.");
                break;
        }

        return errors.Errors.Count > before ? null : values;
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
    private static void CheckSecretAndType(ConfigDeclaration declaration, string key, StackValue value, string stack, string file, ErrorSink errors)
    {
        if (declaration.Secret && !value.IsSecure)
        {
            AddNotEncrypted(declaration, key, stack, $"{file} holds it in plain text", errors);
        }
        else if (!value.IsSecure && !ConfigTypes.Accepts(declaration, ConfigTypes.FromStackValue(value)))
        {
            var shown = value.Text.Length > 60 ? $"{value.Text[..57]}..." : value.Text;
            errors.Add(key, $"'{shown}' in {file} is not of the declared type '{declaration.TypeName}' (Pulumi.yaml; the Pulumi CLI stops with "
                + $"\"must be of type '{declaration.TypeName}'\").");
        }
    }

    /// <summary>
    /// Scalars are passed as text, objects and lists as JSON (a secure value stays opaque). The CLI writes that
    /// JSON with Go's encoding/json, which orders the keys of every map, so the same order is used here.
    /// </summary>
    private static StackValue ToStackValue(JsonNode node) => node switch
    {
        JsonObject secure when secure.Count == 1 && secure.ContainsKey("secure") => new StackValue("[secret]", false, IsSecure: true),
        JsonObject or JsonArray => new StackValue(Sorted(node)!.ToJsonString(), true),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => new StackValue(value.GetValue<string>(), false),
        _ => new StackValue(node.ToJsonString(), false),
    };

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new KeyValuePair<string, JsonNode?>(pair.Key, Sorted(pair.Value)))),
        JsonArray list => new JsonArray(list.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>What stands where a mapping should.</summary>
    private static string DescribeNonMapping(JsonNode? node) => node switch
    {
        null => "an empty value",
        JsonArray => "a list",
        _ => $"the scalar '{node.ToJsonString().Trim('"')}'",
    };
}
