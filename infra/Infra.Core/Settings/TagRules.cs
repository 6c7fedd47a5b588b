using System.Globalization;
using System.Text;
using Infra.Core.Naming;

namespace Infra.Core.Settings;

/// <summary>
/// adot-tracing:tags, checked against AWS's tag rules: at most 50 tags on a resource (counting the ones this
/// program adds), keys of 1-128 and values of 0-256 Unicode characters, letters, digits, spaces and
/// <c>+ - = . _ : / @</c> only, and no <c>aws:</c> prefix on keys or values.
/// Source: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions and the same
/// rules in each service's Tag type, e.g. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html (read 2026-11-26).
/// </summary>
internal static class TagRules
{
    public const int MaxTagsPerResource = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const string AllowedCharacters = "letters, digits, spaces and + - = . _ : / @";
    private const string AllowedSymbols = "+-=._:/@";

    public static IReadOnlyDictionary<string, string> Read(RawStackConfig raw, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Tags);
        errors.Read($"{key}{ObjectReader.MapEntries}");
        if (StackSettingsParser.ParseJson(key, errors.Read(raw, key), errors) is not { } element || element.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return new Dictionary<string, string>();
        }

        var tags = ObjectReader.ReadStringMap(key, element, errors) ?? new Dictionary<string, string>();
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in tags)
        {
            var tagKey = $"{key}.{Shown(name)}";
            var ok = CheckText(tagKey, "key", name, 1, MaxKeyLength, errors);
            // An encrypted value reads as [secret] offline: its text is unknown, and being secret is what counts (SecretPlacement).
            ok &= errors.Secrets.IsEncrypted($"{key}.{name}") || CheckText(tagKey, "value", value, 0, MaxValueLength, errors);
            if (ok)
            {
                valid[name] = value;
            }
        }

        var total = tags.Keys.Union(StackTags.GeneratedKeys, StringComparer.Ordinal).Count();
        if (total > MaxTagsPerResource)
        {
            errors.Add(key, $"{tags.Count} tags plus the {StackTags.GeneratedKeys.Count} this program adds ({string.Join(", ", StackTags.GeneratedKeys)}) make {total}; "
                + $"AWS allows at most {MaxTagsPerResource} tags on a resource.");
        }

        return valid;
    }

    private static bool CheckText(string tagKey, string part, string text, int min, int max, ErrorSink errors)
    {
        var length = text.EnumerateRunes().Count();
        if (length < min || length > max)
        {
            errors.Add(tagKey, $"the tag {part} has {length} characters; AWS allows {min} to {max}.");
            return false;
        }

        if (text.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(tagKey, $"the tag {part} starts with '{text[..4]}'; the aws: prefix is reserved for AWS.");
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsAllowed(rune))
            {
                errors.Add(tagKey, $"the tag {part} contains {Describe(rune)}; AWS allows {AllowedCharacters}.");
                return false;
            }
        }

        return true;
    }

    /// <summary>Control characters are shown as their code, so an error message never carries them.</summary>
    public static string Shown(string text) => string.Concat(text.EnumerateRunes().Select(rune => Rune.IsControl(rune) ? $"\\u{rune.Value:x4}" : rune.ToString()));

    private static string Describe(Rune rune) => Rune.IsControl(rune) ? $"the control character U+{rune.Value:X4}" : $"'{rune}'";

    /// <summary>
    /// Letters (with their combining marks), numbers and spaces of any script, and the symbols AWS names. Checked per
    /// Unicode character, so letters outside the Basic Multilingual Plane (written as two UTF-16 units) count as letters.
    /// </summary>
    private static bool IsAllowed(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.SpaceSeparator => true,
        _ => AllowedSymbols.Contains(rune.ToString(), StringComparison.Ordinal),
    };
}
