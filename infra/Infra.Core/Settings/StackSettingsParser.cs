using System.Text.Json;
using Infra.Core.App;
using Infra.Core.Naming;

namespace Infra.Core.Settings;

/// <summary>
/// The one way to turn raw stack configuration into <see cref="StackSettings"/>. Both the Pulumi program and
/// the offline plan feed it; it returns valid settings or every error it found. Each section has its own
/// reader; a wrong value is reported and replaced by the preset, so the checks that span sections still run
/// and one run lists every error.
/// </summary>
public static class StackSettingsParser
{
    /// <param name="app">The app the stack deploys: it reads the stack's <c>app</c> object and declares its functions,
    /// routes, queues and tables, which are checked here with the rest. None: an empty app.</param>
    public static SettingsResult Parse(RawStackConfig raw, AppDefinition? app = null)
    {
        var errors = new ErrorSink { Secrets = new SecretTracker(raw) };
        CheckKeys(raw, errors);
        StackNames.Validate(raw.StackName, errors);

        var role = StackRoleReader.Read(raw, errors);
        var environment = ReadEnvironment(raw, errors);

        // A missing environment is reported; dev's presets stand in so the other sections are still checked.
        var presetEnvironment = environment ?? DeploymentEnvironment.Dev;
        var profile = ReadProfile(raw, errors);
        var profilePreset = ProfilePresets.For(profile);
        var preset = profilePreset.Over(EnvironmentPresets.For(presetEnvironment));
        var region = RegionReader.Read(raw, errors);
        var iamMode = ReadIamMode(raw, profilePreset.IamMode, errors);

        var collector = CollectorSettingsReader.Read(Section(raw, ConfigKeys.Collector, errors), preset.Collector, environment, errors);
        var lambda = LambdaSettingsReader.Read(Section(raw, ConfigKeys.Lambda, errors), preset.Lambda, errors);
        var api = ApiSettingsReader.Read(Section(raw, ConfigKeys.Api, errors), preset.Api, errors);
        var sampling = SamplingSettingsReader.Read(Section(raw, ConfigKeys.Sampling, errors), preset.Sampling, errors);
        var (traffic, trafficSource) = TrafficReader.Read(raw, preset.Traffic, errors);
        var transactionSearch = TransactionSearchSettingsReader.Read(Section(raw, ConfigKeys.TransactionSearch, errors), errors);
        var applicationSignals = ApplicationSignalsSettingsReader.Read(Section(raw, ConfigKeys.ApplicationSignals, errors), profilePreset.ApplicationSignals && preset.ApplicationSignals, lambda.Flavor, errors);
        var tags = TagRules.Read(raw, errors);
        var monitoring = Monitoring.MonitoringPresets.For(presetEnvironment);
        // A foundation has no alarms, so no environment asks it for a subscription.
        var alerts = AlertSettingsReader.Read(Section(raw, ConfigKeys.Alerts, errors), monitoring.Alerts, role.IsFoundation ? null : environment, errors);
        var slo = SloSettingsReader.Read(Section(raw, ConfigKeys.Slo, errors), monitoring.Slo, monitoring.BurnRate, errors);

        // Stryker disable once String : without a Region the settings are discarded (a missing Region is always reported)
        var settings = new StackSettings(
            ConfigKeys.Project, raw.StackName, presetEnvironment, profile, region ?? "", iamMode,
            collector, lambda, api, sampling, traffic, trafficSource, transactionSearch, applicationSignals, tags, alerts, slo);
        var section = new AppSection(Section(raw, ConfigKeys.App, errors), errors);
        var declaration = app is null ? Finished(section) : app.Declare(section, settings);
        // The app's settings are read through the same sink, so its secret texts are recorded with the rest.
        settings = settings with { Secrets = errors.Secrets.Values, Role = role };
        FoundationRules.Check(settings, errors);
        AppValidation.Validate(declaration, errors);
        StackValidation.Validate(settings, declaration, regionKnown: region is not null, errors);
        return Result(raw, settings, declaration, errors) with { KeysRead = errors.KeysRead };
    }

    private static AppDeclaration Finished(AppSection section)
    {
        section.Finish();
        return AppDeclaration.Empty;
    }

    /// <summary>
    /// Settings or errors, with what was read of the stack's secrets applied: an encrypted value nothing could
    /// decrypt is not the user's mistake when its placeholder fails a check, so that check becomes a warning; and
    /// no secret text is ever repeated in a message.
    /// </summary>
    private static SettingsResult Result(RawStackConfig raw, StackSettings settings, AppDeclaration declaration, ErrorSink errors)
    {
        var secrets = settings.Secrets;
        var encrypted = raw.EncryptedPaths.Order(StringComparer.Ordinal).ToList();
        var problems = errors.Errors
            .Where(error => !encrypted.Any(path => SecretTracker.IsAtOrBelow(error.Key, path)))
            .Select(error => error with { Message = secrets.Mask(error.Message) })
            .ToList();
        var warnings = errors.Warnings.Select(secrets.Mask)
            .Concat(encrypted.Select(path => $"{path} is encrypted (secure:) and the offline plan cannot decrypt it: it shows {SecretValues.Shown} "
                + "(the default or preset where a number, a boolean or a choice is expected) and leaves its checks to pulumi preview."))
            .Concat(SecretChoices(raw))
            .ToList();

        // A missing environment or Region is always reported, so errors alone decide.
        return problems.Count > 0
            ? new SettingsResult(null, problems, warnings)
            : new SettingsResult(settings, [], warnings, declaration);
    }

    /// <summary>The keys whose value is one of a fixed list of names: such names show in resource names and ARNs, so a secret one is used as it is.</summary>
    private static readonly IReadOnlyList<string> ChoiceKeys =
        [ConfigKeys.Full(ConfigKeys.Environment), ConfigKeys.Full(ConfigKeys.Profile), ConfigKeys.Full(ConfigKeys.IamMode), ConfigKeys.AwsRegion, ConfigKeys.AwsNativeRegion];

    private static IEnumerable<string> SecretChoices(RawStackConfig raw) => ChoiceKeys
        .Where(raw.SecretKeys.Contains)
        .Select(key => $"{key} is secret, but its value is one of a fixed list of names, which show in resource names and ARNs; it is used in plain text.");

    /// <summary>
    /// Keys under the project's namespace must be ones the program reads, and every other namespace must be one
    /// of a provider the program uses: a misspelt namespace would otherwise be ignored without a word.
    /// </summary>
    private static void CheckKeys(RawStackConfig raw, ErrorSink errors)
    {
        var prefix = $"{ConfigKeys.Project}:";
        foreach (var key in raw.Values.Keys.Order(StringComparer.Ordinal))
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var name = key[prefix.Length..];
                if (!ConfigKeys.ProjectKeys.Contains(name))
                {
                    errors.Add(key, KeySuggestion.Describe(key, name, ConfigKeys.ProjectKeys.ToList()));
                }
            }
            else
            {
                CheckNamespace(key, raw.MayHoldEnvironmentValues, errors);
            }
        }
    }

    private static void CheckNamespace(string key, bool mayBeAnEnvironmentKey, ErrorSink errors)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        var space = separator < 0 ? key : key[..separator];
        if (ConfigKeys.KnownNamespaces.Contains(space))
        {
            return;
        }

        var nearest = KeySuggestion.Nearest(space, ConfigKeys.KnownNamespaces);
        var problem = $"unknown config namespace '{space}'.{(nearest is null ? "" : $" Did you mean '{nearest}'?")} "
            + $"Known namespaces: {string.Join(", ", ConfigKeys.KnownNamespaces)}.";
        if (mayBeAnEnvironmentKey)
        {
            // An imported ESC environment may set keys for other programs too; scripts/plan reports a misspelling in the stack file.
            errors.Warn($"{key}: {problem} It is ignored; if an imported Pulumi ESC environment does not set it, check the stack file.");
        }
        else
        {
            errors.Add(key, problem);
        }
    }

    private static DeploymentEnvironment? ReadEnvironment(RawStackConfig raw, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Environment);
        var allowed = string.Join(", ", EnumNames.Environments.Keys);
        var value = errors.Read(raw, key);

        // Pulumi.yaml declares environment with the default "": the stack name decides.
        if (string.IsNullOrEmpty(value))
        {
            if (EnumNames.Environments.TryGetValue(raw.StackName, out var fromStack))
            {
                return fromStack;
            }

            errors.Add(key, $"not set, and the stack name '{raw.StackName}' is not an environment name; allowed: {allowed}. "
                + $"Set it with: pulumi config set {ConfigKeys.Environment} <{string.Join("|", EnumNames.Environments.Keys)}>");
            return null;
        }

        if (EnumNames.Environments.TryGetValue(value, out var environment))
        {
            return environment;
        }

        errors.Add(key, $"'{value}' is not an environment; allowed: {allowed}.");
        return null;
    }

    /// <summary>Pulumi.yaml declares the profile with its default, so an empty value only comes from a stack file that sets "".</summary>
    private static Profile ReadProfile(RawStackConfig raw, ErrorSink errors) =>
        ReadChoice(raw, ConfigKeys.Profile, EnumNames.Profiles, ProfilePresets.Default, errors);

    /// <summary>Pulumi.yaml declares iamMode with the default "": the profile decides.</summary>
    private static IamMode ReadIamMode(RawStackConfig raw, IamMode profileDefault, ErrorSink errors) =>
        ReadChoice(raw, ConfigKeys.IamMode, EnumNames.IamModes, profileDefault, errors);

    private static T ReadChoice<T>(RawStackConfig raw, string name, IReadOnlyDictionary<string, T> allowed, T fallback, ErrorSink errors)
    {
        var key = ConfigKeys.Full(name);
        var value = errors.Read(raw, key);
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (allowed.TryGetValue(value, out var chosen))
        {
            return chosen;
        }

        var nearest = KeySuggestion.Nearest(value, allowed.Keys);
        errors.Add(key, $"'{value}' is not allowed; allowed: {string.Join(", ", allowed.Keys)}.{(nearest is null ? "" : $" Did you mean '{nearest}'?")}");
        return fallback;
    }

    /// <summary>A top-level object key: Pulumi hands objects over as JSON text.</summary>
    private static ObjectReader Section(RawStackConfig raw, string name, ErrorSink errors)
    {
        var key = ConfigKeys.Full(name);
        return new ObjectReader(key, ParseJson(key, errors.Read(raw, key), errors), errors);
    }

    internal static JsonElement? ParseJson(string key, string? text, ErrorSink errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            var shown = text.Length > 80 ? $"{text[..77]}..." : text;
            errors.Add(key, $"expected an object, but the value is not valid JSON ({exception.Message}): {shown}");
            return null;
        }
    }
}
