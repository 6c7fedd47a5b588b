namespace Infra.Core.Settings;

/// <summary>
/// A stack's configuration as Pulumi hands it over: full keys ("adot-tracing:collector", "aws:region") to
/// string values; objects and lists arrive as JSON text.
/// </summary>
public sealed record RawStackConfig(string StackName, IReadOnlyDictionary<string, string> Values)
{
    public string? Get(string fullKey) => Values.TryGetValue(fullKey, out var value) ? value : null;
}
