using System.Text.RegularExpressions;
using Infra.Core;
using YamlDotNet.RepresentationModel;

namespace Delivery.Tests;

/// <summary>Finds the repository root and the stacks it defines.</summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(() => ProjectRoot.Find(AppContext.BaseDirectory));

    public static string Root => LazyRoot.Value;

    public static string WorkflowsDir => Path.Combine(Root, ".github", "workflows");

    /// <summary>The stacks every workflow must cover: dev, staging, prod and any other Pulumi.&lt;stack&gt;.yaml.</summary>
    public static IReadOnlyList<string> Stacks
    {
        get
        {
            var stacks = new List<string> { "dev", "staging", "prod" };
            foreach (var file in Directory.EnumerateFiles(Root, "Pulumi.*.yaml").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                var stack = name["Pulumi.".Length..^".yaml".Length];
                if (stack.Length > 0 && !stacks.Contains(stack))
                {
                    stacks.Add(stack);
                }
            }

            return stacks;
        }
    }
}

/// <summary>A parsed GitHub Actions workflow file.</summary>
internal sealed class Workflow
{
    private Workflow(string fileName, string text, YamlMappingNode root)
    {
        FileName = fileName;
        Text = text;
        Root = root;
    }

    public string FileName { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public static Workflow Load(string fileName)
    {
        var path = Path.Combine(Repo.WorkflowsDir, fileName);
        Assert.True(File.Exists(path), $"{path} does not exist");
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        Assert.Single(stream.Documents);
        var root = Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
        return new Workflow(fileName, text, root);
    }

    public static IEnumerable<string> AllFileNames() =>
        Directory.EnumerateFiles(Repo.WorkflowsDir)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>Event names under <c>on:</c> (scalar, list or mapping form).</summary>
    public IReadOnlyCollection<string> Triggers
    {
        get
        {
            var on = Root.Get("on");
            return on switch
            {
                YamlScalarNode s => [s.Value ?? string.Empty],
                YamlSequenceNode seq => seq.Children.Select(c => c.Str() ?? string.Empty).ToList(),
                YamlMappingNode map => map.Children.Keys.Select(k => k.Str() ?? string.Empty).ToList(),
                _ => [],
            };
        }
    }

    public YamlNode? Trigger(string eventName) => Root.Get("on")?.Get(eventName);

    public YamlNode? Permissions => Root.Get("permissions");

    public IReadOnlyDictionary<string, Job> Jobs
    {
        get
        {
            var jobs = Assert.IsType<YamlMappingNode>(Root.Get("jobs"));
            return jobs.Children.ToDictionary(kv => kv.Key.Str() ?? string.Empty, kv => new Job(kv.Key.Str() ?? string.Empty, (YamlMappingNode)kv.Value));
        }
    }

    public IEnumerable<Step> AllSteps => Jobs.Values.SelectMany(j => j.Steps);
}

internal sealed class Job(string id, YamlMappingNode node)
{
    public string Id { get; } = id;

    public YamlMappingNode Node { get; } = node;

    public IReadOnlyList<string> Needs => Node.Get("needs") switch
    {
        YamlScalarNode s => [s.Value ?? string.Empty],
        YamlSequenceNode seq => seq.Children.Select(c => c.Str() ?? string.Empty).ToList(),
        _ => [],
    };

    /// <summary>The environment name (scalar form or <c>environment: { name: ... }</c>).</summary>
    public string? Environment => Node.Get("environment") switch
    {
        YamlScalarNode s => s.Value,
        YamlMappingNode m => m.Get("name").Str(),
        _ => null,
    };

    public YamlNode? Permissions => Node.Get("permissions");

    public YamlNode? Concurrency => Node.Get("concurrency");

    public IReadOnlyDictionary<string, string> Env => Node.Get("env").AsStringMap();

    public IReadOnlyList<string> MatrixValues(string axis) =>
        Node.Get("strategy")?.Get("matrix")?.Get(axis) is YamlSequenceNode seq
            ? seq.Children.Select(c => c.Str() ?? string.Empty).ToList()
            : [];

    public IReadOnlyList<Step> Steps =>
        Node.Get("steps") is YamlSequenceNode seq
            ? seq.Children.Select((s, i) => new Step(this, i, (YamlMappingNode)s)).ToList()
            : [];

    public IEnumerable<Step> StepsUsing(string action) =>
        Steps.Where(s => s.Uses is not null && s.Uses.StartsWith(action + "@", StringComparison.Ordinal));

    public IEnumerable<Step> StepsRunning(string commandPattern) =>
        Steps.Where(s => s.Run is not null && Regex.IsMatch(s.Run, commandPattern, RegexOptions.Multiline));
}

internal sealed class Step(Job job, int index, YamlMappingNode node)
{
    public Job Job { get; } = job;

    public int Index { get; } = index;

    public YamlMappingNode Node { get; } = node;

    public string? Name => Node.Get("name").Str();

    public string? Uses => Node.Get("uses").Str();

    public string? Run => Node.Get("run").Str();

    public IReadOnlyDictionary<string, string> With => Node.Get("with").AsStringMap();

    public IReadOnlyDictionary<string, string> Env => Node.Get("env").AsStringMap();

    public override string ToString() => $"{Job.Id} step {Index} ({Name ?? Uses ?? Run})";
}

internal static class YamlExtensions
{
    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Str(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IReadOnlyDictionary<string, string> AsStringMap(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.ToDictionary(kv => kv.Key.Str() ?? string.Empty, kv => kv.Value.Str() ?? string.Empty)
            : new Dictionary<string, string>();

    /// <summary>Every mapping entry in the tree, depth first.</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> AllEntries(this YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    yield return new KeyValuePair<string, YamlNode>(key.Str() ?? string.Empty, value);
                    foreach (var nested in value.AllEntries())
                    {
                        yield return nested;
                    }
                }

                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    foreach (var nested in item.AllEntries())
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
