using System.Text.Json;
using Infra.Core.Settings;

namespace Infra.Core.App;

/// <summary>
/// An app the program deploys: how it reads its own settings (the stack's <c>app</c> object) and what it declares
/// for a stack. The program and the offline plan both take the app from here, so they see the same declaration.
/// </summary>
public abstract class AppDefinition
{
    /// <summary>Reads the app's settings from the <c>app</c> section and declares the app for this stack.
    /// Report every wrong setting through <paramref name="section"/> and fall back to a default.</summary>
    public abstract AppDeclaration Declare(AppSection section, StackSettings settings);

    /// <summary>
    /// The settings <see cref="Declare"/> reads, for the configuration reference: each path below <c>app</c> (as
    /// <see cref="AppSection"/> names it), with its default read from the declaration of a stack that does not set it.
    /// None by default. Tests hold every setting the app reads to one described here.
    /// </summary>
    public virtual IReadOnlyList<SettingDescription> Settings => [];
}

/// <summary>An app with no settings of its own: the same declaration for every stack.</summary>
public sealed class FixedApp(AppDeclaration declaration) : AppDefinition
{
    public override AppDeclaration Declare(AppSection section, StackSettings settings)
    {
        section.Finish();
        return declaration;
    }
}

/// <summary>
/// The stack's <c>app</c> object, read the way every other section is: a wrong value is reported with the full key
/// and what is allowed, and its fallback stands in, so one run lists every error. Unknown keys are reported by
/// <see cref="Finish"/>. Secrets are handled as in every other section: text read with <see cref="OptionalString"/>
/// is recorded as a secret when its value is one (<see cref="StackSettings.Secrets"/>), so the program passes every
/// environment variable and policy holding it as a secret and the plan shows <c>[secret]</c> in its place; and
/// nothing else may hold it (SecretPlacement).
/// </summary>
public sealed class AppSection
{
    private readonly ObjectReader _reader;
    private readonly ErrorSink _errors;

    internal AppSection(ObjectReader reader, ErrorSink errors)
    {
        _reader = reader;
        _errors = errors;
    }

    /// <summary>An empty section, for apps declared outside a stack (tests, other programs).</summary>
    public static AppSection Empty(ErrorSink errors) =>
        new(new ObjectReader(ConfigKeys.Full(ConfigKeys.App), null, errors), errors);

    /// <summary>A section over a JSON object, as the stack file's <c>app</c> value arrives.</summary>
    public static AppSection Of(JsonElement? value, ErrorSink errors) =>
        new(new ObjectReader(ConfigKeys.Full(ConfigKeys.App), value, errors), errors);

    public bool Bool(string name, bool fallback) => _reader.Bool(name, fallback);

    public int Int(string name, int fallback, int min, int max) => _reader.Int(name, fallback, min, max);

    /// <summary>Text the user writes freely (an id, a URL); recorded as a secret when it is one.</summary>
    public string? OptionalString(string name) => _reader.OptionalString(name);

    /// <summary>Whether the setting is secret (<c>pulumi config set --secret --path app.name</c>, or any secret in the
    /// <c>app</c> object, which makes the whole key secret).</summary>
    public bool IsSecret(string name) => _reader.IsSecret(name);

    /// <summary>Whether the setting is encrypted where nothing can decrypt it (the offline plan): it reads as
    /// <c>[secret]</c>, so its text cannot be checked and is left to <c>pulumi preview</c>.</summary>
    public bool IsEncrypted(string name) => _reader.IsEncrypted(name);

    /// <summary>The full key of a setting, for an error message.</summary>
    public string PathOf(string name) => _reader.PathOf(name);

    public void Error(string name, string message) => _errors.Add(PathOf(name), message);

    public void Finish() => _reader.Finish();
}
