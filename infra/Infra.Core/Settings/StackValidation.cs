using Infra.Core.Lambda;
using Infra.Core.Sampling;

namespace Infra.Core.Settings;

/// <summary>Checks that need the whole of the settings: layers that exist for the region, rules that fit X-Ray.</summary>
public static class StackValidation
{
    public static void Validate(StackSettings settings, ErrorSink errors)
    {
        var lambdaKey = ConfigKeys.Full(ConfigKeys.Lambda);
        var versionKeys = AdotLayers.VersionKeys(settings.Lambda.Flavor);
        foreach (var key in settings.Lambda.Versions.Keys.Where(key => !versionKeys.Contains(key)))
        {
            errors.Add($"{lambdaKey}.versions.{key}", KeySuggestion.Describe($"{lambdaKey}.versions.{key}", key, versionKeys));
        }

        var layer = AdotLayers.Resolve(settings.Lambda, settings.Region, SampleApp.Runtime);
        if (layer.Error is not null)
        {
            errors.Add($"{lambdaKey}.flavor", $"no ADOT layer for the stack's {SampleApp.Runtime} functions ({settings.Lambda.Architecture.Wire()}, {settings.Region}): {layer.Error}");
        }

        if (settings.Lambda.TimeoutSeconds > SampleApp.ApiIntegrationTimeoutSeconds)
        {
            errors.Warn($"{lambdaKey}.timeoutSeconds: {settings.Lambda.TimeoutSeconds}s applies to the consumer; the chatbot stays at "
                + $"{SampleApp.ApiIntegrationTimeoutSeconds}s, API Gateway's integration timeout.");
        }

        SamplingBuilder.Validate(settings, errors);
    }

    /// <summary>Checks across the stacks of one project: account-wide features may be on in one stack only.</summary>
    public static IReadOnlyList<SettingsError> ValidateAcrossStacks(IReadOnlyList<StackSettings> stacks)
    {
        var errors = new List<SettingsError>();
        var owners = stacks.Where(stack => stack.TransactionSearch.Enabled).Select(stack => stack.StackName).ToList();
        if (owners.Count > 1)
        {
            errors.Add(new SettingsError(
                ConfigKeys.Full($"{ConfigKeys.TransactionSearch}.enabled"),
                $"enabled in stacks {string.Join(", ", owners)}; Transaction Search is account-wide, so turn it on in one stack only."));
        }

        return errors;
    }
}
