using System.Globalization;
using System.Text.Json;

namespace Infra.Core.Settings;

/// <summary>
/// Reads one JSON object of settings: each getter falls back to the preset when the key is absent, records a
/// clear error (full key, value, what is allowed) when it is wrong, and <see cref="Finish"/> reports unknown keys.
/// Scalars written as strings ("2", "true") are accepted where a number or boolean is expected, since
/// <c>pulumi config set --path</c> may store them that way.
/// </summary>
internal sealed class ObjectReader
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly ErrorSink _errors;
    private readonly SecretTracker _secrets;

    public ObjectReader(string key, JsonElement? element, ErrorSink errors)
    {
        Key = key;
        _errors = errors;
        _secrets = errors.Secrets;
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, $"expected an object, got {Describe(value)}.");
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            _properties[property.Name] = property.Value;
        }
    }

    public string Key { get; }

    public bool Has(string name) => _properties.ContainsKey(name);

    public string PathOf(string name) => $"{Key}.{name}";

    /// <summary>Whether the value is encrypted where nothing can decrypt it (it reads as [secret]), so its text cannot be checked.</summary>
    public bool IsEncrypted(string name) => _secrets.IsEncrypted(PathOf(name));

    /// <summary>Whether the value is a secret: its top-level key is secret, or the value itself is encrypted.</summary>
    public bool IsSecret(string name) => _secrets.IsSecret(PathOf(name));

    public bool Bool(string name, bool fallback)
    {
        if (!TryTake(name, out var value))
        {
            return fallback;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed): return parsed;
            default:
                _errors.Add(PathOf(name), $"expected true or false, got {Describe(value)}.");
                return fallback;
        }
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (!TryTake(name, out var value))
        {
            return fallback;
        }

        if (!TryNumber(value, out var number) || number != Math.Floor(number))
        {
            _errors.Add(PathOf(name), $"expected a whole number from {min} to {max}, got {Describe(value)}.");
            return fallback;
        }

        if (number < min || number > max)
        {
            _errors.Add(PathOf(name), $"{Format(number)} is out of range; allowed: {min} to {max}.");
            return fallback;
        }

        return (int)number;
    }

    public double Double(string name, double fallback, double min, double max)
    {
        if (!TryTake(name, out var value))
        {
            return fallback;
        }

        if (!TryNumber(value, out var number))
        {
            _errors.Add(PathOf(name), $"expected a number from {Format(min)} to {Format(max)}, got {Describe(value)}.");
            return fallback;
        }

        if (number < min || number > max)
        {
            _errors.Add(PathOf(name), $"{Format(number)} is out of range; allowed: {Format(min)} to {Format(max)}.");
            return fallback;
        }

        return number;
    }

    public string String(string name, string fallback) => OptionalString(name) ?? fallback;

    /// <summary>Text the user writes freely (an id, a URL); recorded as a secret when it is one.</summary>
    public string? OptionalString(string name)
    {
        var text = Text(name);
        if (text is not null)
        {
            _secrets.Read(PathOf(name), text);
        }

        return text;
    }

    /// <summary>A word the caller checks against a fixed list (a protocol, a type): not confidential, so never recorded as a secret.</summary>
    public string? OptionalWord(string name) => Text(name);

    private string? Text(string name)
    {
        if (!TryTake(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add(PathOf(name), $"expected a string, got {Describe(value)}.");
            return null;
        }

        return value.GetString();
    }

    /// <summary>One of a fixed list of words: not confidential, so never recorded as a secret.</summary>
    public T Choice<T>(string name, T fallback, IReadOnlyDictionary<string, T> allowed)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }

        if (allowed.TryGetValue(text, out var chosen))
        {
            return chosen;
        }

        var nearest = KeySuggestion.Nearest(text, allowed.Keys);
        var hint = nearest is null ? "" : $" Did you mean '{nearest}'?";
        _errors.Add(PathOf(name), $"'{text}' is not allowed; allowed: {string.Join(", ", allowed.Keys)}.{hint}");
        return fallback;
    }

    public IReadOnlyList<string> StringList(string name, IReadOnlyList<string> fallback)
    {
        if (!TryTake(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(PathOf(name), $"expected a list of strings, got {Describe(value)}.");
            return fallback;
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
                _secrets.Read($"{PathOf(name)}[{index}]", item.GetString()!);
            }
            else
            {
                _errors.Add($"{PathOf(name)}[{index}]", $"expected a string, got {Describe(item)}.");
            }

            index++;
        }

        return items;
    }

    public IReadOnlyDictionary<string, string> StringMap(string name, IReadOnlyDictionary<string, string> fallback)
    {
        if (!TryTake(name, out var value, MapEntries))
        {
            return fallback;
        }

        return ReadStringMap(PathOf(name), value, _errors) ?? fallback;
    }

    public ObjectReader Object(string name) => new(PathOf(name), TryTake(name, out var value) ? value : null, _errors);

    /// <summary>Each element of a list of objects, with its indexed key (rules[2]).</summary>
    public IReadOnlyList<ObjectReader>? ObjectList(string name)
    {
        if (!TryTake(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(PathOf(name), $"expected a list of objects, got {Describe(value)}.");
            return null;
        }

        return value.EnumerateArray()
            .Select((item, index) => new ObjectReader($"{PathOf(name)}[{index}]", item, _errors))
            .ToList();
    }

    /// <summary>Reports every key that no getter asked for.</summary>
    public void Finish()
    {
        foreach (var name in _properties.Keys.Where(name => !_known.Contains(name)))
        {
            _errors.Add(PathOf(name), KeySuggestion.Describe(PathOf(name), name, _known));
        }
    }

    /// <summary>Declares keys that are valid here even when a getter was not called for them.</summary>
    public void Allow(params string[] names)
    {
        foreach (var name in names)
        {
            _known.Add(name);
            _errors.Read(PathOf(name));
        }
    }

    /// <summary>A map of texts; values are recorded as secrets when they are (names of entries are not).</summary>
    internal static IReadOnlyDictionary<string, string>? ReadStringMap(string key, JsonElement value, ErrorSink errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, $"expected a map of strings, got {Describe(value)}.");
            return null;
        }

        errors.Read($"{key}{MapEntries}");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                errors.Secrets.Read($"{key}.{property.Name}", map[property.Name]);
            }
            else
            {
                errors.Add($"{key}.{property.Name}", $"expected a string, got {Describe(property.Value)}.");
            }
        }

        return map;
    }

    internal static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number) && double.IsFinite(number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number),
            _ => false,
        };
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(TagRules.Shown(value.GetString()!))}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length > 80 ? $"{text[..77]}..." : text;

    private static string Format(double number) => number.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>How a map's entries are recorded among the keys read: any name below the map's key.</summary>
    internal const string MapEntries = ".*";

    /// <param name="recordedAs">What the key is recorded as, after its path: nothing, or <see cref="MapEntries"/> for a map.</param>
    private bool TryTake(string name, out JsonElement value, string recordedAs = "")
    {
        _known.Add(name);
        _errors.Read(PathOf(name) + recordedAs);
        return _properties.TryGetValue(name, out value);
    }
}
