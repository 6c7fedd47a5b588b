using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Delivery.Tests.Docs;

/// <summary>
/// The form of a changelog as Keep a Changelog 1.1.0 sets it (https://keepachangelog.com/en/1.1.0/): a "# Changelog"
/// title; "## [Unreleased]" first; then one "## [X.Y.Z] - YYYY-MM-DD" per release, latest first, the version a Semantic
/// Version (https://semver.org/spec/v2.0.0.html) and the date ISO 8601; under each, changes grouped by type, the types
/// being Added, Changed, Deprecated, Removed, Fixed and Security. A release may end in " [YANKED]", as the format shows.
/// </summary>
internal static partial class ChangelogForm
{
    public static readonly IReadOnlyList<string> ChangeTypes = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];

    /// <summary>Every departure from the form, as "line N: problem"; none for a changelog in form.</summary>
    /// <param name="today">The latest date a release may carry (dates are not in the future).</param>
    public static IReadOnlyList<string> Check(string text, DateOnly today)
    {
        var errors = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var document = MarkdownFile.Parse(text).Document;

        var titled = false;
        var sawUnreleased = false;
        (SemanticVersion Version, DateOnly Date, int Line)? previous = null;
        string? release = null;
        var typesInRelease = new HashSet<string>(StringComparer.Ordinal);
        (string Name, int Line, int Blocks)? section = null;

        void CloseSection()
        {
            if (section is { Blocks: 0 } empty)
            {
                errors.Add($"line {empty.Line}: '### {empty.Name}' under {release} lists no change; remove it or add an entry");
            }

            section = null;
        }

        foreach (var block in document)
        {
            if (block is not HeadingBlock heading)
            {
                if (section is { } open && block is not LinkReferenceDefinitionGroup)
                {
                    section = open with { Blocks = open.Blocks + 1 };
                }

                continue;
            }

            var line = heading.Line + 1;
            var source = HeadingSource().Match(lines[heading.Line]);
            var raw = source.Success ? source.Groups["text"].Value : lines[heading.Line].Trim();
            switch (heading.Level)
            {
                case 1:
                    CloseSection();
                    if (titled || line != FirstHeadingLine(document))
                    {
                        errors.Add($"line {line}: '# {raw}': a changelog has one title, its first heading");
                    }
                    else if (raw != "Changelog")
                    {
                        errors.Add($"line {line}: the title is '# {raw}', expected '# Changelog'");
                    }

                    titled = true;
                    break;
                case 2:
                    CloseSection();
                    typesInRelease.Clear();
                    release = $"'## {raw}'";
                    if (raw == "[Unreleased]")
                    {
                        if (sawUnreleased || previous is not null)
                        {
                            errors.Add($"line {line}: '## [Unreleased]' comes once, before every release");
                        }

                        sawUnreleased = true;
                        break;
                    }

                    if (!sawUnreleased && previous is null)
                    {
                        errors.Add($"line {line}: the first version heading is '## {raw}', expected '## [Unreleased]'");
                    }

                    if (Release().Match(raw) is not { Success: true } match)
                    {
                        errors.Add($"line {line}: '## {raw}' is not a release heading; expected '## [X.Y.Z] - YYYY-MM-DD' (a Semantic Version and an ISO 8601 date) or '## [Unreleased]'");
                        break;
                    }

                    if (!SemanticVersion.TryParse(match.Groups["version"].Value, out var version))
                    {
                        errors.Add($"line {line}: {match.Groups["version"].Value} is not a Semantic Version (MAJOR.MINOR.PATCH, https://semver.org/spec/v2.0.0.html)");
                        break;
                    }

                    if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        errors.Add($"line {line}: {match.Groups["date"].Value} is not a date (YYYY-MM-DD)");
                        break;
                    }

                    if (date > today)
                    {
                        errors.Add($"line {line}: [{version}] is dated {date:yyyy-MM-dd}, after today ({today:yyyy-MM-dd})");
                    }

                    if (previous is { } newer)
                    {
                        if (version.CompareTo(newer.Version) >= 0)
                        {
                            errors.Add($"line {line}: [{version}] follows [{newer.Version}] (line {newer.Line}); releases go latest first, each version once");
                        }

                        if (date > newer.Date)
                        {
                            errors.Add($"line {line}: [{version}] is dated {date:yyyy-MM-dd}, after [{newer.Version}] above it ({newer.Date:yyyy-MM-dd}); releases go latest first");
                        }
                    }

                    previous = (version, date, line);
                    break;
                case 3:
                    CloseSection();
                    if (release is null)
                    {
                        errors.Add($"line {line}: '### {raw}' comes before any version heading");
                    }
                    else if (!ChangeTypes.Contains(raw))
                    {
                        errors.Add($"line {line}: '### {raw}' under {release} is not a type of change; expected one of {string.Join(", ", ChangeTypes)}");
                    }
                    else if (!typesInRelease.Add(raw))
                    {
                        errors.Add($"line {line}: '### {raw}' appears twice under {release}");
                    }

                    section = (raw, line, 0);
                    break;
                default:
                    // A deeper heading is content of the section above it.
                    if (section is { } open)
                    {
                        section = open with { Blocks = open.Blocks + 1 };
                    }

                    break;
            }
        }

        CloseSection();
        if (!titled)
        {
            errors.Add("line 1: no '# Changelog' title");
        }

        if (!sawUnreleased)
        {
            errors.Add("no '## [Unreleased]' section: it comes first, above the releases");
        }

        return errors;
    }

    private static int FirstHeadingLine(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>().Select(h => h.Line + 1).FirstOrDefault();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s*(?<text>.*?)\s*#*\s*$")]
    private static partial Regex HeadingSource();

    [GeneratedRegex(@"^\[(?<version>[^\]]+)\] - (?<date>\d{4}-\d{2}-\d{2})( \[YANKED\])?$")]
    private static partial Regex Release();
}
