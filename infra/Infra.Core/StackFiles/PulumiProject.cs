using System.Text.Json.Nodes;
using Infra.Core.Settings;

namespace Infra.Core.StackFiles;

/// <summary>A config type Pulumi.yaml may declare (pulumi/pulumi sdk/go/common/workspace/project.json, SimpleConfigType).</summary>
public enum ConfigType { String, Integer, Boolean, Array, Object }

/// <summary>
/// One key under <c>config:</c> in Pulumi.yaml, after the CLI's shorthand rewrite
/// (pulumi/pulumi sdk/go/common/workspace/project.go, RewriteShorthandConfigValues): a primitive or list under a
/// project key is its default, under another namespace its value.
/// </summary>
/// <param name="Items">For arrays, the item type (nested arrays carry their own Items).</param>
public sealed record ConfigDeclaration(
    string Key,
    ConfigType? Type,
    ConfigDeclaration? Items,
    JsonNode? Default,
    JsonNode? Value,
    bool Secret,
    string? Description)
{
    public bool IsExplicitlyTyped => Type is not null;

    /// <summary>A default that is there and not null (project.go and config.go test <c>Default != nil</c>).</summary>
    public bool HasDefault => Default is not null;

    /// <summary>A value that is there and not null (<c>Value != nil</c>).</summary>
    public bool HasValue => Value is not null;

    /// <summary>The type name the CLI prints: string, integer, boolean, object or array&lt;item&gt;.</summary>
    public string TypeName => Items is not null ? $"array<{Items.TypeName}>" : (Type ?? ConfigType.String).ToString().ToLowerInvariant();
}

/// <summary>What this program needs of Pulumi.yaml: the project name and its config declarations.</summary>
public sealed record PulumiProject(string Name, IReadOnlyList<ConfigDeclaration> Config, string? RequiredPulumiVersion)
{
    public const string FileName = ProjectRoot.ProjectFile;

    /// <summary>Whether a key belongs to the project: no namespace, or the project's (project.go, configKeyIsNamespacedByProject).</summary>
    public bool OwnsKey(string key) => !key.Contains(':', StringComparison.Ordinal) || key.StartsWith($"{Name}:", StringComparison.Ordinal);

    /// <summary>A key as it reaches the program: "namespace:name" (project keys get the project's namespace).</summary>
    public string Qualify(string key) => key.Contains(':', StringComparison.Ordinal) ? key : $"{Name}:{key}";

    /// <summary>
    /// Reads Pulumi.yaml and applies the checks the CLI makes when it loads a project
    /// (project.go: ValidateProject and Project.Validate), collecting every problem.
    /// </summary>
    public static PulumiProject? Parse(string text, ErrorSink errors)
    {
        var root = YamlTree.Parse(text, FileName, errors, out var empty);
        if (root is not JsonObject project)
        {
            if (errors.Errors.Count == 0)
            {
                errors.Add(FileName, empty ? "is empty; it needs at least name and runtime." : "must be a mapping (name:, runtime:, config:); the Pulumi CLI: \"expected project to be an object\".");
            }

            return null;
        }

        if (project["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || name.Length == 0)
        {
            errors.Add($"{FileName}: name", "required: a non-empty string (the Pulumi CLI: \"project is missing a non-empty string 'name' attribute\").");
            return null;
        }

        string? required = null;
        if (project["requiredPulumiVersion"] is JsonValue requiredValue && requiredValue.TryGetValue<string>(out var range))
        {
            required = range;
        }

        var declarations = new List<ConfigDeclaration>();
        switch (project["config"])
        {
            case null:
                break;
            case JsonObject config:
                foreach (var (key, node) in config)
                {
                    if (ReadDeclaration(name, key, node, errors) is { } declaration)
                    {
                        declarations.Add(declaration);
                    }
                }

                break;
            default:
                errors.Add($"{FileName}: config", "must be a mapping of config keys to their declarations.");
                break;
        }

        return new PulumiProject(name, declarations, required);
    }

    private static readonly HashSet<string> DeclarationKeys = ["type", "items", "description", "secret", "default", "value"];

    private static ConfigDeclaration? ReadDeclaration(string projectName, string key, JsonNode? node, ErrorSink errors)
    {
        var where = $"{FileName}: config.{key}";
        var ownedByProject = !key.Contains(':', StringComparison.Ordinal) || key.StartsWith($"{projectName}:", StringComparison.Ordinal);
        if (node is not JsonObject declaration)
        {
            // Shorthand: string, integer, boolean or array (project.json); a project key's default, another namespace's value.
            if (node is null || (node is JsonValue scalar && scalar.GetValueKind() == System.Text.Json.JsonValueKind.Number && !scalar.TryGetValue<long>(out _)))
            {
                errors.Add(where, "a shorthand value must be a string, an integer, a boolean or a list (pulumi/pulumi project.json).");
                return null;
            }

            return ownedByProject
                ? new ConfigDeclaration(key, null, null, node.DeepClone(), null, false, null)
                : new ConfigDeclaration(key, null, null, null, node.DeepClone(), false, null);
        }

        var ok = true;
        foreach (var unknown in declaration.Select(pair => pair.Key).Where(name => !DeclarationKeys.Contains(name)))
        {
            errors.Add(where, $"'{unknown}' is not part of a config declaration; allowed: {string.Join(", ", DeclarationKeys)} (pulumi/pulumi project.json, configTypeDeclaration).");
            ok = false;
        }

        var type = ReadType(declaration["type"], where, errors, ref ok);
        var items = ReadItems(declaration["items"], where, errors, ref ok);
        var secret = declaration["secret"] is JsonValue secretValue && secretValue.TryGetValue<bool>(out var isSecret) && isSecret;
        var description = declaration["description"] is JsonValue text && text.TryGetValue<string>(out var words) ? words : null;
        var result = new ConfigDeclaration(key, type, items, declaration["default"]?.DeepClone(), declaration["value"]?.DeepClone(), secret, description);
        var (hasDefault, hasValue) = (result.HasDefault, result.HasValue);

        // Project.Validate (project.go).
        if (hasDefault && hasValue)
        {
            errors.Add(where, "cannot have both a 'default' and 'value' attribute.");
            ok = false;
        }

        if (ownedByProject)
        {
            if (type == ConfigType.Array && items is null)
            {
                errors.Add(where, "declares an array but does not specify the underlying type via the 'items' attribute.");
                ok = false;
            }
            else if (type is not null && hasDefault && !ConfigTypes.Accepts(result, ConfigTypes.FromProjectValue(result.Default)))
            {
                errors.Add(where, $"the default value is not of the expected type '{result.TypeName}'.");
                ok = false;
            }
        }
        else
        {
            if (type is not null)
            {
                errors.Add(where, "is not namespaced by the project and should not define a type.");
                ok = false;
            }

            if (hasDefault)
            {
                errors.Add(where, "is not namespaced by the project and should not define a default value; use 'value'.");
                ok = false;
            }
            else if (!hasValue)
            {
                errors.Add(where, "is namespaced and must provide an attribute 'value'.");
                ok = false;
            }
        }

        return ok ? result : null;
    }

    private static ConfigType? ReadType(JsonNode? node, string where, ErrorSink errors, ref bool ok)
    {
        if (node is null)
        {
            return null;
        }

        var name = node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
        if (ConfigTypes.Names.TryGetValue(name, out var type))
        {
            return type;
        }

        errors.Add(where, $"type '{name}' is not a config type; allowed: {string.Join(", ", ConfigTypes.Names.Keys)}.");
        ok = false;
        return null;
    }

    private static ConfigDeclaration? ReadItems(JsonNode? node, string where, ErrorSink errors, ref bool ok)
    {
        if (node is not JsonObject items)
        {
            return null;
        }

        var type = ReadType(items["type"], $"{where}.items", errors, ref ok);
        var nested = ReadItems(items["items"], $"{where}.items", errors, ref ok);
        return type is null ? null : new ConfigDeclaration("items", type, nested, null, null, false, null);
    }
}
