using System.Globalization;
using System.Text;

namespace Delivery.Tests.Docs;

/// <summary>
/// The anchor GitHub gives a heading, as github-slugger computes it (Flet/github-slugger@2.0.0, index.js and
/// script/generate-regex.js; GitHub's "Section links" in
/// https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#section-links
/// states the same rule): lower-case the heading's text, remove every character of the Unicode categories listed below
/// except letters (Alphabetic), the ASCII space and '-', then turn each space into '-'. A slug already given in the
/// document gets "-1", "-2", ... appended, counting per original slug.
/// </summary>
internal sealed class GitHubSlugger
{
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);

    /// <summary>The next unique slug of a document: the same text twice gives "x" then "x-1".</summary>
    public string Slug(string text)
    {
        var original = Slugify(text);
        var result = original;
        while (_occurrences.ContainsKey(result))
        {
            _occurrences[original]++;
            result = $"{original}-{_occurrences[original]}";
        }

        _occurrences[result] = 0;
        return result;
    }

    /// <summary>The slug of one text, without regard to earlier ones.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                builder.Append('-');
            }
            else if (rune.Value == '-' || !IsRemoved(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    // generate-regex.js removes Other_Number, the punctuation categories but Connector_Punctuation ('_' stays),
    // Dash_Punctuation but '-', every Symbol, Control, Private_Use, Format, Unassigned and Separator but ' ';
    // it then keeps every code point with the Alphabetic property.
    private static bool IsRemoved(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.OtherNumber
                or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.DashPunctuation
                or UnicodeCategory.MathSymbol
                or UnicodeCategory.CurrencySymbol
                or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.Control
                or UnicodeCategory.PrivateUse
                or UnicodeCategory.Format
                or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.OtherSymbol => !IsAlphabeticSymbol(rune.Value),
            _ => false,
        };

    // The Other_Symbol code points that are Alphabetic (Other_Alphabetic in Unicode's PropList.txt): the circled
    // and squared Latin letters. Every other Alphabetic code point is a letter, a letter number or a mark, which stay anyway.
    private static bool IsAlphabeticSymbol(int value) =>
        value is (>= 0x24B6 and <= 0x24E9) or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189);
}
