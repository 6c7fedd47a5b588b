using System.Text.Json.Nodes;
using Infra.App;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan.Tests;

/// <summary>
/// Every example the configuration reference gives is a value the plan accepts: written into a stack file (with the
/// keys it needs beside it), read with Pulumi's rules and the settings parser, in every environment.
/// </summary>
public sealed class SettingExampleTests
{
    private static readonly IReadOnlyList<SettingDescription> Catalog = SettingsCatalog.For(new ChatbotApp());

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var setting in Catalog)
        {
            foreach (var stack in new[] { "dev", "staging", "prod" })
            {
                data.Add(setting.Path, stack);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheExampleIsAccepted(string path, string stack)
    {
        var setting = Catalog.Single(candidate => candidate.Path == path);
        var file = StackFile(setting);
        using var project = new ScratchProject().WithStack(stack, file);
        var loaded = StackLoader.Load(project.Directory, stack, StackFolder.FindStacks(project.Directory), new ChatbotApp());
        Assert.True(loaded.ExitCode == PlanCommand.Ok, $"{file}\n{string.Join("\n", loaded.Errors)}");
    }

    [Fact]
    public void AnExampleIsWrittenWhereItsPathSays()
    {
        var boost = Catalog.Single(setting => setting.Path == "sampling.rules[].boost.cooldownWindowMinutes");
        var config = JsonNode.Parse(StackFile(boost)[StackFilePrefix.Length..])!.AsObject();
        // The list's own example gives the item its required fields; the field's example goes into the first item.
        Assert.Equal(boost.Example, config["adot-tracing:sampling"]!["rules"]![0]!["boost"]!["cooldownWindowMinutes"]!.ToJsonString());
        Assert.NotNull(config["adot-tracing:sampling"]!["rules"]![0]!["priority"]);

        var map = Catalog.Single(setting => setting.Path == "lambda.versions.<language>");
        Assert.Equal(map.Example, JsonNode.Parse(StackFile(map)[StackFilePrefix.Length..])!["adot-tracing:lambda"]!["versions"]!.ToJsonString());
    }

    private const string StackFilePrefix = "config: ";

    /// <summary>A stack file (JSON, which YAML reads as a flow mapping) setting the example and what it needs.</summary>
    private static string StackFile(SettingDescription setting)
    {
        var config = new JsonObject
        {
            [ConfigKeys.AwsRegion] = "us-west-2",
            [ConfigKeys.AwsNativeRegion] = "us-west-2",
        };
        foreach (var (path, json) in setting.ExampleNeeds)
        {
            Set(config, path, json);
        }

        Set(config, setting.Path, setting.Example);
        return StackFilePrefix + config.ToJsonString();
    }

    private static void Set(JsonObject config, string path, string json)
    {
        // A map's example is the whole map.
        var entry = path.LastIndexOf(".<", StringComparison.Ordinal);
        path = entry >= 0 ? path[..entry] : path;
        var value = JsonNode.Parse(json);
        if (path.Contains(':', StringComparison.Ordinal))
        {
            config[path] = value;
            return;
        }

        var names = path.Split('.');
        var key = ConfigKeys.Full(names[0]);
        if (names.Length == 1)
        {
            config[key] = value;
            return;
        }

        var node = config[key] as JsonObject ?? new JsonObject();
        config[key] = node;
        var walked = names[0];
        foreach (var name in names[1..^1])
        {
            walked = $"{walked}.{name}";
            node = name.EndsWith("[]", StringComparison.Ordinal) ? Item(node, name[..^2], walked[..^2]) : (JsonObject)(node[name] ??= new JsonObject());
        }

        node[names[^1]] = value;
    }

    /// <summary>The first item of a list, which the list's own example provides (with every field an item requires).</summary>
    private static JsonObject Item(JsonObject parent, string name, string listPath)
    {
        parent[name] ??= JsonNode.Parse(Catalog.Single(setting => setting.Path == listPath).Example);
        return parent[name]![0]!.AsObject();
    }
}
