namespace Infra.Core.Settings;

/// <summary>adot-tracing:sampling — path classes and the user's own X-Ray sampling rules.</summary>
internal static class SamplingSettingsReader
{
    /// <summary>What urlPath, httpMethod and host match when a rule leaves them out: anything (X-Ray's wildcard).</summary>
    public const string Any = "*";

    public const int DefaultReservoirSize = 0;
    public const int MaxReservoirSize = 100_000;

    /// <summary>A boost's cooldown when the rule gives none: the shortest window.</summary>
    public const int DefaultCooldownWindowMinutes = 1;

    /// <summary>A day: one boost a day at most is the slowest cadence offered.</summary>
    public const int MaxCooldownWindowMinutes = 1440;

    public static SamplingSettings Read(ObjectReader reader, SamplingSettings preset, ErrorSink errors)
    {
        var critical = reader.StringList("criticalPaths", preset.CriticalPaths);
        var routine = reader.StringList("routinePaths", preset.RoutinePaths);
        var rules = reader.ObjectList("rules")?.Select((rule, index) => ReadRule(rule, index, errors)).ToList() ?? preset.Rules;
        reader.Finish();

        CheckPaths(reader.PathOf("criticalPaths"), critical, errors);
        CheckPaths(reader.PathOf("routinePaths"), routine, errors);
        return new SamplingSettings(critical, routine, rules);
    }

    private static CustomSamplingRule ReadRule(ObjectReader rule, int index, ErrorSink errors)
    {
        // Stryker disable once String : any fallback that is no valid rule name is replaced by the rule's place below
        var name = rule.String("name", "");
        var priority = rule.Int("priority", 0, 1, 9999);
        var fixedRate = rule.Double("fixedRate", 0, 0, 1);
        var reservoir = rule.Int("reservoirSize", DefaultReservoirSize, 0, MaxReservoirSize);
        var urlPath = rule.String("urlPath", Any);
        var httpMethod = rule.String("httpMethod", Any);
        var host = rule.String("host", Any);
        var serviceName = rule.OptionalString("serviceName");
        var serviceType = rule.OptionalString("serviceType");
        SamplingBoost? boost = null;
        if (rule.Has("boost"))
        {
            var boostReader = rule.Object("boost");
            boost = new SamplingBoost(
                boostReader.Double("maxRate", fixedRate, 0, 1),
                boostReader.Int("cooldownWindowMinutes", DefaultCooldownWindowMinutes, 1, MaxCooldownWindowMinutes));
            boostReader.Finish();
            if (boost.MaxRate < fixedRate)
            {
                errors.Add(boostReader.PathOf("maxRate"), $"{boost.MaxRate} is below the rule's fixedRate {fixedRate}; a boost must not lower the rate.");
            }
        }
        else
        {
            rule.Allow("boost");
        }

        rule.Finish();
        if (!rule.Has("name"))
        {
            errors.Add(rule.PathOf("name"), "required: a short name for the rule (letters, digits, hyphens, underscores).");
        }
        else if (!SettingsPatterns.RuleName().IsMatch(name))
        {
            errors.Add(rule.PathOf("name"), $"'{name}' is not a valid rule name: use 1-20 letters, digits, hyphens or underscores (the stack prefix is added, and X-Ray allows 32 characters in all).");
        }

        if (!SettingsPatterns.RuleName().IsMatch(name))
        {
            // Reported above; a stand-in no valid name can equal keeps the rule's place for the checks across rules.
            name = $"rule {index}";
        }

        if (!rule.Has("priority"))
        {
            errors.Add(rule.PathOf("priority"), "required: 1 to 9999, lower is evaluated first.");
        }

        if (!rule.Has("fixedRate"))
        {
            errors.Add(rule.PathOf("fixedRate"), "required: 0 to 1, the share of requests sampled after the reservoir is used.");
        }

        Sampling.SamplingRuleLimits.CheckUrlPath(rule.PathOf("urlPath"), urlPath, errors);
        CheckLength(rule.PathOf("httpMethod"), httpMethod, 10, errors);
        CheckLength(rule.PathOf("host"), host, 64, errors);
        CheckLength(rule.PathOf("serviceName"), serviceName ?? "*", 64, errors);
        CheckLength(rule.PathOf("serviceType"), serviceType ?? "*", 64, errors);
        return new CustomSamplingRule(name, priority, fixedRate, reservoir, urlPath, httpMethod, host, boost, serviceName, serviceType);
    }

    private static void CheckPaths(string key, IReadOnlyList<string> paths, ErrorSink errors)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (!CanMatchARequestPath(paths[i]))
            {
                errors.Add($"{key}[{i}]", $"'{paths[i]}' is not a URL path pattern: start with / (wildcards * and ? allowed).");
            }

            CheckLength($"{key}[{i}]", paths[i], 128, errors);
        }
    }

    internal static bool CanMatchARequestPath(string pattern) => Sampling.SamplingRuleLimits.CanMatchARequestPath(pattern);

    private static void CheckLength(string key, string value, int max, ErrorSink errors) => Sampling.SamplingRuleLimits.CheckLength(key, value, max, errors);
}
