namespace Infra.Core.Settings;

/// <summary>
/// A stack's configuration as Pulumi hands it over: full keys ("adot-tracing:collector", "aws:region") to
/// string values; objects and lists arrive as JSON text.
/// </summary>
public sealed record RawStackConfig(string StackName, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>
    /// The full keys whose values are secret. The engine lists a key as secret when any value in it is, at any
    /// depth (pulumi/pulumi sdk/go/common/resource/config/map.go, SecureKeys; object.go, Secure), and hands the
    /// list to the program (PULUMI_CONFIG_SECRET_KEYS, pulumi/pulumi-dotnet sdk/Pulumi/Deployment/Deployment_Config.cs).
    /// </summary>
    public IReadOnlySet<string> SecretKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Paths ("adot-tracing:app.knowledgeBaseId") of values a stack file holds encrypted below the top level, when
    /// there is no key to decrypt them with (the offline plan): each reads as <see cref="SecretValues.Shown"/>.
    /// </summary>
    public IReadOnlySet<string> EncryptedPaths { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the values may include ones an imported Pulumi ESC environment supplied: the engine merges those
    /// into the config before the program runs (pulumi/pulumi pkg/workspace/config.go, mergeConfig), so a key of a
    /// namespace this program does not use may be the environment's, not a misspelling in the stack file.
    /// </summary>
    public bool MayHoldEnvironmentValues { get; init; }

    public string? Get(string fullKey) => Values.TryGetValue(fullKey, out var value) ? value : null;
}
