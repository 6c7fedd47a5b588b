namespace Infra.Core.Settings;

/// <summary>One secret text the settings hold, and the config path it was read from.</summary>
public sealed record SecretText(string Path, string Text);

/// <summary>
/// The secret texts a stack's settings hold: wherever one goes, it must stay a secret (the Pulumi program passes
/// inputs holding one as <c>Output.CreateSecret</c>), and wherever one would be printed, <see cref="Shown"/> stands
/// in for it. Only text is tracked: numbers, booleans and words chosen from a fixed list are not confidential
/// content, and in secret objects they are used as they are.
/// </summary>
public sealed class SecretValues : IEquatable<SecretValues>
{
    /// <summary>What is printed in place of a secret, as the Pulumi CLI prints it (pulumi/pulumi pkg/cmd/pulumi/config/io.go, AddGlobalSecretFilter).</summary>
    public const string Shown = "[secret]";

    private readonly IReadOnlyList<string> _texts;

    public SecretValues(IEnumerable<SecretText> entries)
    {
        Entries = entries.Where(entry => entry.Text.Length > 0).Distinct().ToList();

        // Longest first, so a secret that contains another is masked whole.
        _texts = Entries.Select(entry => entry.Text).Distinct(StringComparer.Ordinal)
            .OrderByDescending(text => text.Length).ThenBy(text => text, StringComparer.Ordinal).ToList();
    }

    public static SecretValues None { get; } = new([]);

    public IReadOnlyList<SecretText> Entries { get; }

    public bool IsEmpty => _texts.Count == 0;

    /// <summary>Whether the text holds a secret, whole or in part.</summary>
    public bool Holds(string? text) => text is not null && _texts.Any(secret => text.Contains(secret, StringComparison.Ordinal));

    /// <summary>The text with every secret in it replaced by <see cref="Shown"/>.</summary>
    public string Mask(string text) => _texts.Aggregate(text, (masked, secret) => masked.Replace(secret, Shown, StringComparison.Ordinal));

    public bool Equals(SecretValues? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override bool Equals(object? obj) => Equals(obj as SecretValues);

    public override int GetHashCode() => Entries.Count;
}

/// <summary>
/// What the settings readers know of a stack's secrets: which top-level keys are secret (the engine marks a whole
/// key secret when any value in it is), which values the stack file holds encrypted where nothing can decrypt them
/// (they read as <see cref="SecretValues.Shown"/>), and the secret texts read so far.
/// </summary>
internal sealed class SecretTracker
{
    private readonly RawStackConfig _raw;
    private readonly List<SecretText> _read = [];

    public SecretTracker(RawStackConfig raw) => _raw = raw;

    public static SecretTracker None => new(new RawStackConfig("", new Dictionary<string, string>()));

    public SecretValues Values => new(_read);

    /// <summary>Whether the value at a path is encrypted and stands in as <see cref="SecretValues.Shown"/>.</summary>
    public bool IsEncrypted(string path) => _raw.EncryptedPaths.Contains(path);

    /// <summary>Whether the value at a path is a secret: its top-level key is secret, or the value itself is encrypted.</summary>
    public bool IsSecret(string path) => IsEncrypted(path) || _raw.SecretKeys.Contains(TopLevelKey(path));

    /// <summary>Records a text value read at a path, when it is a secret.</summary>
    public void Read(string path, string text)
    {
        if (IsSecret(path))
        {
            _read.Add(new SecretText(path, text));
        }
    }

    /// <summary>The config key a path starts with: "adot-tracing:alerts.subscriptions[0].endpoint" → "adot-tracing:alerts".</summary>
    public static string TopLevelKey(string path)
    {
        var end = path.IndexOfAny(['.', '['], Math.Max(0, path.IndexOf(':', StringComparison.Ordinal)));
        return end < 0 ? path : path[..end];
    }

    /// <summary>Whether an error's key is the path or lies below it.</summary>
    public static bool IsAtOrBelow(string key, string path) =>
        key == path || (key.StartsWith(path, StringComparison.Ordinal) && key[path.Length] is '.' or '[');
}
