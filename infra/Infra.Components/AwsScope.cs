using Infra.Core.Settings;
using Pulumi;
using Aws = Pulumi.Aws;

namespace Infra.Components;

/// <summary>Where a component's resources go: the Region and account given, or else the AWS provider's.</summary>
internal static class AwsScope
{
    public static Output<(string Region, string AccountId)> Of(string? region, string? accountId)
    {
        var regionOutput = region is { } known ? Output.Create(known) : Aws.GetRegion.Invoke().Apply(found => found.Name);
        var accountOutput = accountId is { } account ? Output.Create(account) : Aws.GetCallerIdentity.Invoke().Apply(found => found.AccountId);
        return Output.Tuple(regionOutput, accountOutput).Apply(pair => (pair.Item1, pair.Item2));
    }
}

/// <summary>
/// The errors in a component's inputs, collected so one run names every bad input (by the name every language sees,
/// the schema's), the value given and what is allowed. Programs in other languages reach the components through the
/// package's provider, which fills no input a program leaves out: required ones are checked here, not only by C#'s
/// compiler.
/// </summary>
internal sealed class InputErrors(string component, string name)
{
    private readonly List<string> _errors = [];

    public string Required(string? value, string input, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            _errors.Add($"{input}: required ({what}).");
        }

        return value ?? "";
    }

    public T Required<T>(T? value, string input, string what)
        where T : class
    {
        if (value is null)
        {
            _errors.Add($"{input}: required ({what}).");
        }

        return value!;
    }

    public T Required<T>(T? value, string input, string what)
        where T : struct
    {
        if (value is null)
        {
            _errors.Add($"{input}: required ({what}).");
        }

        return value.GetValueOrDefault();
    }

    /// <summary>A choice input read as the settings read a choice key: by the name users write, or an error naming what is allowed.</summary>
    public T Choice<T>(string? value, string fallback, IReadOnlyDictionary<string, T> allowed, string input)
    {
        if (allowed.TryGetValue(value ?? fallback, out var chosen))
        {
            return chosen;
        }

        _errors.Add($"{input}: '{value}' is not allowed; allowed: {string.Join(", ", allowed.Keys)}.");
        return allowed[fallback];
    }

    public int Range(int? value, int fallback, int min, int max, string input) => (int)Range((double?)value, fallback, min, max, input);

    public double Range(double? value, double fallback, double min, double max, string input)
    {
        var given = value ?? fallback;
        if (given < min || given > max)
        {
            _errors.Add($"{input}: {given} is out of range; allowed: {min} to {max}.");
        }

        return given;
    }

    public void Add(string input, string message) => _errors.Add($"{input}: {message}");

    /// <summary>Throws one error listing every bad input, or nothing when all are good.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ArgumentException($"{component} '{name}' has invalid inputs:\n  " + string.Join("\n  ", _errors));
        }
    }
}
