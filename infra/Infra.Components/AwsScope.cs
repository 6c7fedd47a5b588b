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

/// <summary>Reads a choice input the way the settings read a choice key: by the name users write, or a clear error.</summary>
internal static class ArgumentChoice
{
    public static T Of<T>(string value, IReadOnlyDictionary<string, T> allowed, string input) =>
        allowed.TryGetValue(value, out var chosen)
            ? chosen
            : throw new ArgumentException($"{input}: '{value}' is not allowed; allowed: {string.Join(", ", allowed.Keys)}.", input);
}
