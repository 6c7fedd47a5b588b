using System.Text.Json;

namespace Infra.Core.Settings;

/// <summary>adot-tracing:traffic — expected requests per second per route, for the cost estimate.</summary>
internal static class TrafficReader
{
    /// <summary>An estimate input, not a quota: large enough for any real stack, small enough that every cost stays finite.</summary>
    public const double MaxRequestsPerSecond = 1_000_000;

    /// <param name="preset">The environment's traffic, used when the stack file sets none (or sets it wrongly).</param>
    public static (IReadOnlyList<RouteTraffic> Traffic, TrafficSource Source) Read(RawStackConfig raw, IReadOnlyList<RouteTraffic> preset, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Traffic);
        errors.Read($"{key}{ObjectReader.MapEntries}");
        if (StackSettingsParser.ParseJson(key, errors.Read(raw, key), errors) is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return (preset, TrafficSource.Preset);
        }

        // Pulumi.yaml's default {} means "the environment's preset traffic".
        if (element.ValueKind == JsonValueKind.Object && !element.EnumerateObject().Any())
        {
            return (preset, TrafficSource.Preset);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, $"expected a map of \"METHOD /path\" to requests per second, got {ObjectReader.Describe(element)}.");
            return (preset, TrafficSource.Preset);
        }

        var routes = new List<RouteTraffic>();
        foreach (var property in element.EnumerateObject())
        {
            var routeKey = $"{key}.{property.Name}";
            var parts = property.Name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !SettingsPatterns.HttpMethod().IsMatch(parts[0]) || !parts[1].StartsWith('/'))
            {
                errors.Add(routeKey, $"'{property.Name}' is not a route; write it as \"METHOD /path\", e.g. \"POST /chat\".");
                continue;
            }

            if (!ObjectReader.TryNumber(property.Value, out var rate) || rate < 0 || rate > MaxRequestsPerSecond)
            {
                errors.Add(routeKey, $"expected requests per second, a number from 0 to {MaxRequestsPerSecond:0}, got {ObjectReader.Describe(property.Value)}.");
                continue;
            }

            routes.Add(new RouteTraffic(parts[0], parts[1], rate));
        }

        return (routes, TrafficSource.StackFile);
    }
}
