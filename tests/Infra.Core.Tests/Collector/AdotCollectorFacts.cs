using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Infra.Core.Tests.Collector;

/// <summary>One socket a collector component opens, as the collector would resolve it from a config.</summary>
internal sealed record Listener(string Component, string Protocol, string Host, int Port)
{
    public override string ToString() => $"{Component} {Protocol} {Host}:{Port}";
}

/// <summary>
/// Facts about the pinned ADOT collector (data/adot-collector-v0.49.0.json, read from its repository at the tag):
/// the components it is built with and where each listening component binds by default. Reads a rendered config
/// the way the collector does: only extensions named under service.extensions and receivers used by a pipeline start.
/// </summary>
internal static class AdotCollectorFacts
{
    private static readonly Lazy<JsonDocument> Data = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Collector", "Data", "adot-collector-v0.49.0.json"))));

    public static HashSet<string> BuiltIn(string section) =>
        Data.Value.RootElement.GetProperty("components").GetProperty(section).EnumerateArray().Select(item => item.GetString()!).ToHashSet();

    public static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The component ids (type[/name]) that start: service extensions and every pipeline's receivers.</summary>
    public static IEnumerable<(string Section, string Id)> Started(YamlMappingNode root)
    {
        var service = (YamlMappingNode)root["service"];
        if (service.Children.TryGetValue(new YamlScalarNode("extensions"), out var extensions))
        {
            foreach (var id in Scalars(extensions))
            {
                yield return ("extensions", id);
            }
        }

        var receivers = ((YamlMappingNode)service["pipelines"]).Children.Values
            .SelectMany(pipeline => Scalars(((YamlMappingNode)pipeline)["receivers"]))
            .Distinct(StringComparer.Ordinal);
        foreach (var id in receivers)
        {
            yield return ("receivers", id);
        }
    }

    /// <summary>Every socket the started components open: the configured endpoint, else the component's default.</summary>
    public static IReadOnlyList<Listener> Listeners(YamlMappingNode root)
    {
        var rows = Data.Value.RootElement.GetProperty("listeners").EnumerateArray().ToList();
        var listeners = new List<Listener>();
        foreach (var (section, id) in Started(root))
        {
            var type = id.Split('/')[0];
            var config = ((YamlMappingNode)root[section]).Children.TryGetValue(new YamlScalarNode(id), out var node) ? node as YamlMappingNode : null;
            foreach (var row in rows.Where(row => row.GetProperty("component").GetString() == $"{section}/{type}"))
            {
                var when = row.GetProperty("when").GetString()!;
                if (when != "always" && Lookup(config, when) is null)
                {
                    continue;
                }

                var endpoint = NonEmpty(Lookup(config, row.GetProperty("endpointKey").GetString()!)) ?? row.GetProperty("defaultEndpoint").GetString()!;
                var protocol = row.TryGetProperty("protocolKey", out var protocolKey) ? NonEmpty(Lookup(config, protocolKey.GetString()!)) : null;
                var colon = endpoint.LastIndexOf(':');
                listeners.Add(new Listener(
                    id,
                    protocol ?? row.GetProperty("defaultProtocol").GetString()!,
                    endpoint[..colon],
                    int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return listeners;
    }

    /// <summary>Pairs of listeners that want the same protocol and port: the second bind fails and the collector exits.</summary>
    public static IReadOnlyList<string> Clashes(IReadOnlyList<Listener> listeners) =>
        listeners.GroupBy(listener => (listener.Protocol, listener.Port))
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(" and ", group))
            .ToList();

    public static IEnumerable<string> Scalars(YamlNode node) => ((YamlSequenceNode)node).Select(item => ((YamlScalarNode)item).Value!);

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The scalar at a dotted path, or "" for a key present without a value; null when the path is absent.</summary>
    private static string? Lookup(YamlMappingNode? config, string path)
    {
        YamlNode? node = config;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node is YamlScalarNode scalar ? scalar.Value ?? "" : "";
    }
}
