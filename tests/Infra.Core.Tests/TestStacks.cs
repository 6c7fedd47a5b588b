using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests;

/// <summary>Builds raw stack configs the way Pulumi hands them over: full keys, objects as JSON text.</summary>
internal static class TestStacks
{
    public const string Account = "123456789012";

    public static RawStackConfig Raw(string stack, params (string Key, string Value)[] values)
    {
        var map = new Dictionary<string, string>
        {
            ["aws:region"] = "us-west-2",
            ["aws-native:region"] = "us-west-2",
        };
        foreach (var (key, value) in values)
        {
            map[key.Contains(':') ? key : $"adot-tracing:{key}"] = value;
        }

        return new RawStackConfig(stack, map);
    }

    public static SettingsResult Parse(string stack, params (string Key, string Value)[] values) =>
        StackSettingsParser.Parse(Raw(stack, values));

    public static StackSettings Settings(string stack, params (string Key, string Value)[] values) =>
        Parse(stack, values).GetOrThrow();

    public static StackBlueprint Blueprint(string stack, params (string Key, string Value)[] values)
    {
        var settings = Settings(stack, values);
        return StackBlueprint.Create(settings, AwsContext.For(settings.Region, Account));
    }

    public static IReadOnlyList<SettingsError> Errors(string stack, params (string Key, string Value)[] values)
    {
        var result = Parse(stack, values);
        Assert.False(result.IsValid, "expected the settings to be invalid");
        return result.Errors;
    }

    public static SettingsError Single(IReadOnlyList<SettingsError> errors, string key)
    {
        var matching = errors.Where(error => error.Key == key).ToList();
        Assert.True(matching.Count == 1, $"expected one error for {key}; got: {string.Join(" | ", errors)}");
        return matching[0];
    }
}
