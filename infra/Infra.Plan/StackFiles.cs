using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Core.Settings;
using YamlDotNet.RepresentationModel;

namespace Infra.Plan;

/// <summary>Reads a project's Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml into the raw config Pulumi would hand the program.</summary>
public static class StackFiles
{
    public const string ProjectFile = "Pulumi.yaml";

    /// <summary>The stacks that have a file in the directory (Pulumi.dev.yaml → dev).</summary>
    public static IReadOnlyList<string> FindStacks(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "Pulumi.*.yaml")
                .Select(path => Path.GetFileName(path)["Pulumi.".Length..^".yaml".Length])
                .Where(stack => stack.Length > 0)
                .OrderBy(stack => stack, StringComparer.Ordinal)
                .ToList()
            : [];

    public static string StackFile(string directory, string stack) => Path.Combine(directory, $"Pulumi.{stack}.yaml");

    /// <summary>
    /// Project-level values (Pulumi.yaml config: shorthand values, value: and default:) overlaid by the stack's.
    /// Keys without a namespace belong to the project.
    /// </summary>
    public static RawStackConfig Load(string directory, string stack)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var project = LoadYaml(Path.Combine(directory, ProjectFile));
        var projectName = project is not null && Scalar(project, "name") is { } name ? name : ConfigKeys.Project;
        if (project is not null && Child(project, "config") is YamlMappingNode projectConfig)
        {
            foreach (var (keyNode, valueNode) in projectConfig.Children)
            {
                var key = Qualify(((YamlScalarNode)keyNode).Value!, projectName);
                var value = valueNode is YamlMappingNode declaration && IsDeclaration(declaration)
                    ? Child(declaration, "value") ?? Child(declaration, "default")
                    : valueNode;
                if (value is not null)
                {
                    values[key] = ToConfigValue(value);
                }
            }
        }

        var stackYaml = LoadYaml(StackFile(directory, stack))
            ?? throw new FileNotFoundException($"no stack file {StackFile(directory, stack)}");
        if (Child(stackYaml, "config") is YamlMappingNode stackConfig)
        {
            foreach (var (keyNode, valueNode) in stackConfig.Children)
            {
                values[Qualify(((YamlScalarNode)keyNode).Value!, projectName)] = ToConfigValue(valueNode);
            }
        }

        return new RawStackConfig(stack, values);
    }

    private static bool IsDeclaration(YamlMappingNode node) =>
        node.Children.Keys.OfType<YamlScalarNode>().All(key => key.Value is "type" or "description" or "default" or "value" or "secret" or "items");

    private static string Qualify(string key, string projectName) => key.Contains(':', StringComparison.Ordinal) ? key : $"{projectName}:{key}";

    private static YamlMappingNode? LoadYaml(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode ?? new YamlMappingNode();
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>Scalars stay text (as Pulumi passes them); objects and lists become JSON, as Pulumi passes them.</summary>
    private static string ToConfigValue(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlMappingNode mapping when Child(mapping, "secure") is not null => "[secret]",
        _ => ToJson(node)!.ToJsonString(),
    };

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            new KeyValuePair<string, JsonNode?>(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => TypedScalar(scalar),
        _ => null,
    };

    /// <summary>Plain YAML scalars take their YAML type (true, 2, 0.5, null); quoted ones stay strings.</summary>
    private static JsonNode? TypedScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted)
        {
            return JsonValue.Create(text);
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
