using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Core.Settings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.StackFiles;

/// <summary>
/// Turns the text of a Pulumi project or stack file into a JSON tree, the shape the Pulumi CLI works with after
/// its YAML decoder (gopkg.in/yaml.v3) has run: one document, string keys only, aliases and merge keys
/// (<c>&lt;&lt;</c>) resolved, plain scalars typed (true, 2, 0.5, null), quoted scalars kept as strings.
/// Every problem becomes an error naming the file and the place; nothing throws.
/// </summary>
internal static partial class YamlTree
{
    /// <summary>
    /// Deeper nesting is refused: no setting of this program nests beyond a few levels, and the JSON the program
    /// receives is read with System.Text.Json's default depth limit of 64.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>Bounds what aliases can expand to (a few anchors referring to each other grow exponentially).</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Parses one YAML document; null with errors when the text is not one valid document.</summary>
    public static JsonNode? Parse(string text, string file, ErrorSink errors, out bool empty)
    {
        empty = false;
        if (!Prescan(text, file, errors, out var documents))
        {
            return null;
        }

        if (documents == 0)
        {
            empty = true;
            return null;
        }

        var stream = new YamlStream();
        if (!ReadsAsYaml(file, errors, () => stream.Load(new StringReader(text))))
        {
            return null;
        }

        var budget = new Budget();
        var root = stream.Documents[0].RootNode;
        var json = Convert(root, file, "", 0, budget, errors);
        if (budget.Exceeded)
        {
            errors.Add(file, $"expands to more than {MaxNodes} values (through aliases); write the values out instead.");
            return null;
        }

        empty = root is YamlScalarNode { Value: "" or "~" or "null" or "Null" or "NULL", Style: ScalarStyle.Plain };
        return json;
    }

    /// <summary>
    /// Reads the event stream once, without building anything: counts documents and measures depth, so a deeply
    /// nested or multi-document file is refused before a recursive reader could overflow the stack.
    /// </summary>
    private static bool Prescan(string text, string file, ErrorSink errors, out int documents)
    {
        var count = 0;
        var withinLimits = true;
        var readable = ReadsAsYaml(file, errors, () =>
        {
            var depth = 0;
            var parser = new Parser(new StringReader(text));
            while (withinLimits && parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        count++;
                        if (count > 1)
                        {
                            errors.Add(Where(file, parser.Current.Start),
                                "holds more than one YAML document ('---'); Pulumi reads only the first, so the rest would be ignored silently. Keep one document.");
                            withinLimits = false;
                        }

                        break;
                    case MappingStart or SequenceStart:
                        depth++;
                        if (depth > MaxDepth)
                        {
                            errors.Add(Where(file, parser.Current.Start), DepthMessage);
                            withinLimits = false;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        });
        documents = count;
        return readable && withinLimits;
    }

    /// <summary>Runs a YAML read, turning whatever the reader throws on malformed input into an error naming the file.</summary>
    private static bool ReadsAsYaml(string file, ErrorSink errors, Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (YamlException exception)
        {
            errors.Add(Where(file, exception.Start), $"is not valid YAML: {exception.Message}");
            return false;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The YAML reader gave up on malformed input without a position.
            errors.Add(file, $"is not valid YAML: the reader stopped ({exception.Message}).");
            return false;
        }
    }

    private sealed class Budget
    {
        public int Nodes { get; set; }

        public bool Exceeded => Nodes > MaxNodes;
    }

    private static JsonNode? Convert(YamlNode node, string file, string path, int depth, Budget budget, ErrorSink errors)
    {
        budget.Nodes++;
        if (budget.Exceeded)
        {
            return null;
        }

        if (depth >= MaxDepth && node is not YamlScalarNode)
        {
            // Only aliases get here: the prescan has refused deeper nesting written out.
            errors.Add(Where(file, node.Start), DepthMessage);
            return null;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                var json = new JsonObject();
                YamlNode? merge = null;
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
                    {
                        errors.Add(Where(file, keyNode.Start), $"{Describe(path)}has a key that is a {(keyNode is YamlSequenceNode ? "list" : "mapping")}; keys must be plain text (the Pulumi CLI: \"expected only string keys\").");
                        continue;
                    }

                    if (key == MergeKey && scalarKey.Style == ScalarStyle.Plain)
                    {
                        merge = valueNode;
                        continue;
                    }

                    json[key] = Convert(valueNode, file, Join(path, key), depth + 1, budget, errors);
                }

                if (merge is not null)
                {
                    Merge(json, merge, file, path, depth, budget, errors);
                }

                return json;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    array.Add(Convert(item, file, $"{path}[{index++}]", depth + 1, budget, errors));
                }

                return array;
            default:
                // A loaded stream holds mappings, sequences and scalars only (aliases are resolved to their anchors).
                return TypedScalar((YamlScalarNode)node);
        }
    }

    private const string MergeKey = "<<";

    private static readonly string DepthMessage = $"nests deeper than {MaxDepth} levels; no setting of this program needs more than a few.";

    /// <summary>
    /// YAML merge keys as yaml.v3 applies them (gopkg.in/yaml.v3 decode.go, decoder.merge): the value is a mapping
    /// or a list of mappings; keys the mapping sets itself win, then earlier mappings of the list over later ones.
    /// </summary>
    private static void Merge(JsonObject target, YamlNode merge, string file, string path, int depth, Budget budget, ErrorSink errors)
    {
        var sources = merge switch
        {
            YamlMappingNode mapping => [mapping],
            YamlSequenceNode sequence when sequence.Children.All(item => item is YamlMappingNode) => sequence.Children.Cast<YamlMappingNode>().ToList(),
            _ => (List<YamlMappingNode>?)null,
        };
        if (sources is null)
        {
            errors.Add(Where(file, merge.Start), $"{Describe(path)}has a merge key '<<' whose value is not a mapping or a list of mappings (yaml.v3: \"map merge requires map or sequence of maps as the value\").");
            return;
        }

        foreach (var source in sources)
        {
            if (Convert(source, file, path, depth, budget, errors) is not JsonObject merged)
            {
                continue;
            }

            foreach (var (key, value) in merged.ToList())
            {
                if (!target.ContainsKey(key))
                {
                    merged.Remove(key);
                    target[key] = value;
                }
            }
        }
    }

    /// <summary>
    /// Plain scalars take their YAML type as yaml.v3 resolves them (true/false, integers, finite floats, null);
    /// quoted ones stay strings. Numbers that are not finite (1e309, .nan) stay text, so the settings reader
    /// refuses them with the key instead of a JSON writer failing on them later.
    /// </summary>
    public static JsonNode? TypedScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    public static string Where(string file, Mark mark) => $"{file}:{mark.Line}:{mark.Column}";

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(string path) => path.Length == 0 ? "" : $"'{path}' ";

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
