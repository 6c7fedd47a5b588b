namespace Infra.Core.Settings;

/// <summary>One problem with a stack's settings, naming the full config key.</summary>
public sealed record SettingsError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}

/// <summary>Either valid settings (perhaps with warnings) or every error found.</summary>
/// <param name="App">The app the stack declares, checked with its settings; empty when the settings are invalid.</param>
public sealed record SettingsResult(StackSettings? Settings, IReadOnlyList<SettingsError> Errors, IReadOnlyList<string> Warnings, App.AppDeclaration? App = null)
{
    /// <summary>The declared app (empty when none was declared or the settings are invalid).</summary>
    public App.AppDeclaration Declaration => App ?? Infra.Core.App.AppDeclaration.Empty;

    public bool IsValid => Settings is not null && Errors.Count == 0;

    /// <summary>Every key the readers accepted while parsing (<see cref="ErrorSink.KeysRead"/>).</summary>
    internal IReadOnlyCollection<string> KeysRead { get; init; } = [];

    /// <summary>The settings, or an exception that lists every error (thrown before any resource exists).</summary>
    public StackSettings GetOrThrow() =>
        IsValid ? Settings! : throw new InvalidStackSettingsException(Errors);
}

public sealed class InvalidStackSettingsException(IReadOnlyList<SettingsError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<SettingsError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<SettingsError> errors) =>
        $"The stack's settings are invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(error => $"{System.Environment.NewLine}  - {error}"));
}
