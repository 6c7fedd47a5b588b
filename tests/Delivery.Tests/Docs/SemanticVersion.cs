using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Delivery.Tests.Docs;

/// <summary>A Semantic Version and its precedence, per https://semver.org/spec/v2.0.0.html (§2, §9-§11).</summary>
internal sealed partial record SemanticVersion(BigInteger Major, BigInteger Minor, BigInteger Patch, IReadOnlyList<string> Prerelease, string Text)
    : IComparable<SemanticVersion>
{
    public static bool TryParse(string text, [NotNullWhen(true)] out SemanticVersion? version)
    {
        var match = Pattern().Match(text);
        version = match.Success
            ? new SemanticVersion(
                BigInteger.Parse(match.Groups["major"].Value),
                BigInteger.Parse(match.Groups["minor"].Value),
                BigInteger.Parse(match.Groups["patch"].Value),
                match.Groups["prerelease"].Success ? match.Groups["prerelease"].Value.Split('.') : [],
                text)
            : null;
        return version is not null;
    }

    /// <summary>§11: major, minor, patch numerically; a pre-release below its release; pre-release identifiers one by one,
    /// numeric ones numerically and below alphanumeric ones, which compare in ASCII order; more identifiers rank higher. Build metadata is ignored.</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major.CompareTo(other.Major), Minor.CompareTo(other.Minor), Patch.CompareTo(other.Patch)) switch
        {
            (not 0 and var c, _, _) => c,
            (_, not 0 and var c, _) => c,
            (_, _, var c) => c,
        };
        if (core != 0)
        {
            return core;
        }

        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
        {
            return other.Prerelease.Count.CompareTo(Prerelease.Count);
        }

        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var (a, b) = (Prerelease[i], other.Prerelease[i]);
            var (aNumeric, bNumeric) = (BigInteger.TryParse(a, out var x), BigInteger.TryParse(b, out var y));
            var c = (aNumeric, bNumeric) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a, b),
            };
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    public override string ToString() => Text;

    // The regular expression semver.org suggests (FAQ: "Is there a suggested regular expression (RegEx) to check a SemVer string?").
    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<prerelease>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$")]
    private static partial Regex Pattern();
}
