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

    /// <summary>Parses a raw config with the program's app, as the program and the plan do.</summary>
    public static SettingsResult ParseRaw(RawStackConfig raw) => StackSettingsParser.Parse(raw, new ChatbotApp());

    public static SettingsResult Parse(string stack, params (string Key, string Value)[] values) =>
        StackSettingsParser.Parse(Raw(stack, values), new ChatbotApp());

    public static StackSettings Settings(string stack, params (string Key, string Value)[] values) =>
        Parse(stack, values).GetOrThrow();

    public static StackBlueprint Blueprint(string stack, params (string Key, string Value)[] values)
    {
        var result = Parse(stack, values);
        var settings = result.GetOrThrow();
        return StackBlueprint.Create(settings, result.Declaration, AwsContext.For(settings.Region, Account));
    }

    /// <summary>The program's app settings as its declaration shows them (the chatbot's variables, the queue's numbers).</summary>
    public static AppView AppOf(string stack, params (string Key, string Value)[] values)
    {
        var app = Parse(stack, values).Declaration;
        var chatbot = app.Function(ChatbotApp.Chatbot);
        var queue = app.Queues.Single();
        return new AppView(chatbot.Environment["SIMULATE_FAILURE"] == "true", chatbot.Environment.GetValueOrDefault("KNOWLEDGE_BASE_ID"), queue.MaxReceiveCount, queue.BatchSize);
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

internal sealed record AppView(bool SimulateFailure, string? KnowledgeBaseId, int MaxReceiveCount, int BatchSize);
