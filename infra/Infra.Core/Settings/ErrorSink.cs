namespace Infra.Core.Settings;

/// <summary>Collects every settings error and warning instead of stopping at the first.</summary>
public sealed class ErrorSink
{
    private readonly List<SettingsError> _errors = [];
    private readonly List<string> _warnings = [];
    private readonly HashSet<string> _keysRead = new(StringComparer.Ordinal);

    public IReadOnlyList<SettingsError> Errors => _errors;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Which values being read are secret; the readers record the secret texts they read here.</summary>
    internal SecretTracker Secrets { get; init; } = SecretTracker.None;

    /// <summary>
    /// Every key a reader accepts, full ("adot-tracing:sampling.rules[0].priority", "adot-tracing:traffic.*" for any
    /// entry of a map): recorded when a reader asks for it, whether the stack sets it or not. The configuration
    /// reference must describe each (<see cref="SettingsCatalog"/>).
    /// </summary>
    internal IReadOnlyCollection<string> KeysRead => _keysRead;

    internal void Read(string key) => _keysRead.Add(key);

    /// <summary>A top-level value of the raw config, recorded as read.</summary>
    internal string? Read(RawStackConfig raw, string key)
    {
        Read(key);
        return raw.Get(key);
    }

    public void Add(string key, string message) => _errors.Add(new SettingsError(key, message));

    public void Warn(string message) => _warnings.Add(message);
}

/// <summary>Suggests the nearest known key for a misspelt one.</summary>
internal static class KeySuggestion
{
    public static string? Nearest(string unknown, IEnumerable<string> known)
    {
        var best = known
            .Select(candidate => (candidate, distance: Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        return best.candidate is not null && best.distance <= Math.Max(2, best.candidate.Length / 3) ? best.candidate : null;
    }

    public static string Describe(string unknownKey, string name, IReadOnlyCollection<string> known)
    {
        var nearest = Nearest(name, known);
        var hint = nearest is null ? "" : $" Did you mean '{nearest}'?";
        return $"unknown key '{unknownKey}'.{hint} Known keys here: {string.Join(", ", known)}.";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), substitution);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
