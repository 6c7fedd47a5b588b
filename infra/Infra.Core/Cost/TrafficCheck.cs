using Infra.Core.Api;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Cost;

/// <summary>
/// Traffic and sampling paths that name no route of the stack's API. Warnings, not errors: nothing deployed depends on
/// them (a request to a path the API lacks is answered 403 by API Gateway itself, and is still logged, traced and
/// priced as such), but a cost or a sampling rule for a route the API does not serve is most likely a leftover.
/// </summary>
internal static class TrafficCheck
{
    public static IReadOnlyList<string> Warnings(StackSettings settings, ApiSpec api)
    {
        var served = string.Join(", ", api.Routes.Select(route => $"{route.Method} {route.Path}"));
        var warnings = new List<string>();
        foreach (var entry in settings.Traffic.Where(entry => !api.Routes.Any(route => route.Method == entry.Method && route.Path == entry.Path)))
        {
            var where = settings.TrafficSource == TrafficSource.StackFile ? ConfigKeys.Full(ConfigKeys.Traffic) : $"the {settings.Environment.Wire()} preset's traffic";
            warnings.Add($"{where}: '{entry.Route}' is no route of the API ({served}); it is priced as a request API Gateway answers itself.");
        }

        // The preset's routine paths name requests that reach the stage without a route on purpose (a browser's /favicon.ico);
        // only paths the stack file sets are checked.
        var preset = EnvironmentPresets.For(settings.Environment).Sampling;
        void Paths(string key, IReadOnlyList<string> patterns, IReadOnlyList<string> presetPatterns)
        {
            foreach (var pattern in patterns.Where(pattern => !presetPatterns.Contains(pattern) && !api.Routes.Any(route => XRayWildcard.Matches(pattern, route.Path))))
            {
                warnings.Add($"{ConfigKeys.Full(ConfigKeys.Sampling)}.{key}: '{pattern}' matches no route of the API ({served}).");
            }
        }

        Paths("criticalPaths", settings.Sampling.CriticalPaths, preset.CriticalPaths);
        Paths("routinePaths", settings.Sampling.RoutinePaths, preset.RoutinePaths);
        return warnings;
    }
}
