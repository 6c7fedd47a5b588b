using Infra.Core.App;
using Infra.Core.Lambda;
using Infra.Core.Naming;
using Infra.Core.Sampling;

namespace Infra.Core.Settings;

/// <summary>
/// Checks that need the whole of the settings: layers that exist for the Region, rules that fit X-Ray. They run
/// even when single fields were wrong (those were replaced by presets), so one run reports every error.
/// </summary>
public static class StackValidation
{
    /// <param name="regionKnown">False when aws:region was missing or unknown (already reported): Region-dependent checks are skipped.</param>
    public static void Validate(StackSettings settings, AppDeclaration app, bool regionKnown, ErrorSink errors)
    {
        var lambdaKey = ConfigKeys.Full(ConfigKeys.Lambda);
        var versionKeys = AdotLayers.VersionKeys(settings.Lambda.Flavor);
        foreach (var (key, value) in settings.Lambda.Versions)
        {
            if (!versionKeys.Contains(key))
            {
                errors.Add($"{lambdaKey}.versions.{key}", KeySuggestion.Describe($"{lambdaKey}.versions.{key}", key, versionKeys));
            }
            else if (AdotLayers.VersionFormatError(settings.Lambda.Flavor, key, value) is { } formatError)
            {
                errors.Add($"{lambdaKey}.versions.{key}", formatError);
            }
        }

        if (regionKnown)
        {
            TransactionSearchSettingsReader.CheckRegion(settings, errors);
            CheckLayerArn(settings, errors);
            foreach (var declaration in app.Functions)
            {
                var layer = AdotLayers.Resolve(settings.Lambda, settings.Region, declaration.Runtime, declaration.JavaHandler);
                if (layer.Error is not null && !errors.Errors.Any(error => error.Key == $"{lambdaKey}.{layer.Setting}"))
                {
                    errors.Add($"{lambdaKey}.{layer.Setting}", $"no ADOT layer for function {declaration.Key} ({declaration.Runtime}, {settings.Lambda.Architecture.Wire()}, {settings.Region}): {layer.Error}");
                }
            }
        }

        var behindRoutes = app.Routes.Select(route => route.FunctionKey).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (settings.Lambda.TimeoutSeconds > TracedFunctions.ApiIntegrationTimeoutSeconds && behindRoutes.Count > 0)
        {
            errors.Warn($"{lambdaKey}.timeoutSeconds: {settings.Lambda.TimeoutSeconds}s applies to functions no route invokes; "
                + $"those behind routes ({string.Join(", ", behindRoutes)}) stay at {TracedFunctions.ApiIntegrationTimeoutSeconds}s, API Gateway's integration timeout.");
        }

        CheckAppNames(app, StackNames.For(settings), errors);
        SamplingBuilder.Validate(settings, errors);
    }

    /// <summary>Lambda allows 64 characters in a function name (API_CreateFunction), IAM 64 in a role name
    /// (API_CreateRole), SQS 80 in a queue name (API_CreateQueue); the app's keys must fit the stack's prefix.</summary>
    private static void CheckAppNames(AppDeclaration app, StackNames names, ErrorSink errors)
    {
        foreach (var function in app.Functions)
        {
            TooLong($"app.functions.{function.Key}", names.Function(function.Key), 64, "Lambda function", errors);
            TooLong($"app.functions.{function.Key}", names.FunctionRole(function.Key), 64, "IAM role", errors);
        }

        foreach (var queue in app.Queues)
        {
            TooLong($"app.queues.{queue.Key}", names.DeadLetterQueue(queue.Key), 80, "SQS queue", errors);
        }
    }

    private static void TooLong(string key, string name, int limit, string what, ErrorSink errors)
    {
        if (name.Length > limit)
        {
            errors.Add(key, $"the {what} name '{name}' has {name.Length} characters; AWS allows {limit}. Use a shorter key.");
        }
    }

    /// <summary>
    /// Lambda attaches only layers from the function's own Region (and so its partition).
    /// https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html
    /// </summary>
    private static void CheckLayerArn(StackSettings settings, ErrorSink errors)
    {
        if (settings.Lambda.LayerArn is not { } arn || SettingsPatterns.LayerArn().Match(arn) is not { Success: true } match)
        {
            return;
        }

        var key = $"{ConfigKeys.Full(ConfigKeys.Lambda)}.layerArn";
        var partition = AwsContext.PartitionOf(settings.Region);
        if (match.Groups["partition"].Value != partition || match.Groups["region"].Value != settings.Region)
        {
            errors.Add(key, $"'{arn}' is in {match.Groups["region"].Value} ({match.Groups["partition"].Value}); Lambda attaches only layers from the function's own Region, "
                + $"{settings.Region} ({partition}).");
        }

        if (!int.TryParse(match.Groups["version"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            errors.Add(key, $"'{arn}' names layer version {match.Groups["version"].Value}; Lambda layer versions start at 1.");
        }
    }

    /// <summary>A feature AWS keeps once per account (and Region), which one stack of the project owns.</summary>
    private sealed record AccountWideFeature(string Key, string Why, Func<StackSettings, bool> IsOn);

    private static readonly IReadOnlyList<AccountWideFeature> AccountWide =
    [
        new(ConfigKeys.Full($"{ConfigKeys.TransactionSearch}.enabled"),
            "Transaction Search is account-wide, so turn it on in one stack only.",
            stack => stack.TransactionSearch.Enabled),

        // StartDiscovery creates the account's AWSServiceRoleForCloudWatchApplicationSignals role, and deleting the
        // resource does not undo it: two stacks would both claim one account-wide switch.
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationsignals-discovery.html
        new(ConfigKeys.Full($"{ConfigKeys.ApplicationSignals}.discovery"),
            "Application Signals discovery (AWS::ApplicationSignals::Discovery) is account-wide, so turn it on in one stack only.",
            stack => stack.ApplicationSignals.Discovery),
    ];

    /// <summary>Checks across the stacks of one project: account-wide features may be on in one stack only.</summary>
    public static IReadOnlyList<SettingsError> ValidateAcrossStacks(IReadOnlyList<StackSettings> stacks)
    {
        var errors = new List<SettingsError>();
        foreach (var feature in AccountWide)
        {
            var owners = stacks.Where(feature.IsOn).Select(stack => stack.StackName).ToList();
            if (owners.Count > 1)
            {
                errors.Add(new SettingsError(feature.Key, $"enabled in stacks {string.Join(", ", owners)}; {feature.Why}"));
            }
        }

        return errors;
    }

    /// <summary>Whether an error of <see cref="ValidateAcrossStacks"/> concerns this stack: it turns that feature on.</summary>
    public static bool Concerns(SettingsError acrossStacks, StackSettings stack) =>
        AccountWide.Any(feature => feature.Key == acrossStacks.Key && feature.IsOn(stack));
}
