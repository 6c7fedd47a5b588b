using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Infra.Plan.Tests;

/// <summary>
/// Property tests of everything that reads a stack file (Pulumi's rules, the settings parser, the blueprint and
/// both output formats), with random and mutated stack files:
/// nothing throws; exit 0 prints a plan; exit 2 lists errors that each name a key; a valid file plans with exit 0;
/// a valid file with one known mistake fails with exit 2 naming that mistake's key.
/// </summary>
public sealed class StackFileProperties : IDisposable
{
    private readonly StackFolderFixture _folder = new();

    /// <summary>
    /// A property's sample count, scaled by CsCheck's own iteration setting (environment variable CsCheck_Iter,
    /// default 100 = the full count): scripts/mutation lowers it because these properties run for every mutant.
    /// </summary>
    private static int Runs(int full) => (int)Math.Max(1, full * Check.Iter / 100);

    public void Dispose() => _folder.Dispose();

    // ---------- Generators ----------

    private static readonly string[] Sections = ["collector", "lambda", "app", "api", "sampling", "traffic", "transactionSearch", "applicationSignals", "tags", "alerts", "slo"];

    private static readonly string[] SubKeys =
    [
        "enabled", "instanceType", "minSize", "maxSize", "desiredCapacity", "vpcId", "subnetIds", "schedulingStrategy", "desiredCount",
        "imageTag", "cpu", "memory", "logRetentionDays", "config", "source", "bundledPath", "flavor", "architecture", "versions",
        "python", "nodejs", "java", "layerArn", "memorySize", "timeoutSeconds", "simulateFailure", "knowledgeBaseId", "maxReceiveCount",
        "batchSize", "type", "stageName", "throttlingRateLimit", "throttlingBurstLimit", "criticalPaths", "routinePaths", "rules",
        "name", "priority", "fixedRate", "reservoirSize", "urlPath", "httpMethod", "host", "boost", "maxRate", "cooldownWindowMinutes",
        "indexingPercentage", "enabledElsewhere", "discovery", "POST /chat", "GET /health", "team", "aws:owner", "colector", "",
        "subscriptions", "protocol", "endpoint", "availabilityGoal", "latencyGoal", "latencyThresholdMs", "intervalDays", "warningThreshold",
        "burnRate", "budgetPercent", "longWindowMinutes", "shortWindowMinutes",
    ];

    /// <summary>Plain YAML scalars, including the ones that broke readers before: non-finite, overflowing, typed-looking.</summary>
    private static readonly string[] PlainScalars =
    [
        "0", "1", "-1", "2", "3", "10", "256", "1024", "2048", "4096", "30720", "9999", "0.5", "1.5", "-0.0", "1e309", "-1e309", "1e303",
        ".nan", "NaN", ".inf", "-.Inf", "Infinity", "99999999999999999999999", "0x10", "1_000", "true", "false", "yes", "null", "~",
        "t3.medium", "t2.medium", "DAEMON", "REPLICA", "custom", "bundled", "legacy", "distro", "arm64", "x86_64", "rest", "http",
        "us-west-2", "eu-west-1", "zz-north-1", "/chat*", "*", "v0.49.0", "latest", "1.25.0", "1.25.0:0", "AWS:x", "article", "recommended", "seed",
        "email", "sms", "firehose", "oncall@example.com", "https://hooks.example.com/x", "+14155550100",
    ];

    private static readonly Gen<string> AnyText = Gen.String[Gen.Char, 0, 12];

    private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
        (6, Gen.OneOf(PlainScalars).Select(text => (JsonNode?)JsonValue.Create($"\u0001plain:{text}"))),
        (3, AnyText.Select(text => (JsonNode?)JsonValue.Create(text))),
        (1, Gen.Double.Select(number => (JsonNode?)JsonValue.Create($"\u0001plain:{number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"))));

    private static readonly Gen<JsonNode?> Value = Gen.Recursive<JsonNode?>((depth, tree) => depth >= 4
        ? Scalar
        : Gen.Frequency(
            (5, Scalar),
            (2, tree.List[0, 4].Select(items => (JsonNode?)new JsonArray(items.ToArray()))),
            (3, Gen.Select(Gen.OneOf(SubKeys), tree).List[0, 5].Select(Object))));

    private static JsonNode? Object(List<(string Key, JsonNode? Value)> pairs)
    {
        var map = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }

    private static readonly Gen<string> TopKey = Gen.Frequency(
        (6, Gen.OneOf(Sections).Select(section => $"adot-tracing:{section}")),
        (2, Gen.OneOf("aws:region", "aws-native:region", "adot-tracing:environment", "adot-tracing:iamMode", "adot-tracing:profile")),
        (1, Gen.OneOf("adot-tracng:collector", "aws:profile", "pulumi:tags", "colector", "a:b:c", "adot-tracing:config:app")));

    private static readonly Gen<string> RandomStackFile = Gen.Select(
            Gen.Bool, Gen.Bool, Gen.Select(TopKey, Value).List[0, 8])
        .Select((withRegion, withNative, entries) =>
        {
            var builder = new StringBuilder("config:\n");
            if (withRegion)
            {
                builder.Append("  aws:region: us-west-2\n");
            }

            if (withNative)
            {
                builder.Append("  aws-native:region: us-west-2\n");
            }

            foreach (var (key, value) in entries.DistinctBy(entry => entry.Item1))
            {
                builder.Append("  ").Append(Flow(JsonValue.Create(key))).Append(": ").Append(Flow(value)).Append('\n');
            }

            return builder.ToString();
        });

    /// <summary>Writes a value as flow-style YAML: strings double-quoted with JSON escapes, plain scalars as they are.</summary>
    private static string Flow(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject map => "{" + string.Join(", ", map.Select(pair => $"{Flow(JsonValue.Create(pair.Key))}: {Flow(pair.Value)}")) + "}",
        JsonArray list => "[" + string.Join(", ", list.Select(Flow)) + "]",
        JsonValue value when value.GetValue<string>() is { } text && text.StartsWith("\u0001plain:", StringComparison.Ordinal) => text["\u0001plain:".Length..],
        JsonValue value => JsonSerializer.Serialize(value.GetValue<string>()),
        _ => "null",
    };

    // ---------- Properties ----------

    [Fact]
    public void RandomStackFilesNeverCrashAndEveryErrorNamesAKey() =>
        RandomStackFile.Sample(text =>
        {
            _folder.Write("dev", text);
            AssertWellBehaved(_folder.Plan("dev"), "table");
            AssertWellBehaved(_folder.Plan("dev", "--json"), "json");
        }, iter: Runs(250), threads: 1);

    private static readonly string[] Committed = ["dev", "staging", "prod"];

    private static readonly char[] Noise = [':', '-', ' ', '\t', '\n', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '"', '\'', '#', ',', '?', '<', '\0', '\u0085', '\u2028', 'x', '9'];

    /// <summary>One edit of a committed stack file's bytes.</summary>
    private static readonly Gen<Func<byte[], byte[]>> Mutation = Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf(Noise)).Select<int, char, Func<byte[], byte[]>>((at, character) => bytes =>
        {
            var insert = Encoding.UTF8.GetBytes(character.ToString());
            var i = at % (bytes.Length + 1);
            return [.. bytes[..i], .. insert, .. bytes[i..]];
        })),
        (2, Gen.Int[0, int.MaxValue].Select<int, Func<byte[], byte[]>>(at => bytes =>
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }

            var i = at % bytes.Length;
            return [.. bytes[..i], .. bytes[(i + 1)..]];
        })),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf(PlainScalars)).Select<int, string, Func<byte[], byte[]>>((at, scalar) => bytes =>
        {
            // Replace the value of one "key: value" line.
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            var candidates = lines.Select((line, index) => (line, index)).Where(pair => pair.line.Contains(": ", StringComparison.Ordinal)).ToList();
            if (candidates.Count == 0)
            {
                return bytes;
            }

            var (line, index) = candidates[at % candidates.Count];
            lines[index] = line[..(line.IndexOf(": ", StringComparison.Ordinal) + 2)] + scalar;
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        })),
        (1, Gen.Int[0, int.MaxValue].Select<int, Func<byte[], byte[]>>(at => bytes =>
        {
            var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
            var i = at % lines.Count;
            lines.Insert(i, lines[i]);
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        })),
        (1, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[-4, 4]).Select<int, int, Func<byte[], byte[]>>((at, shift) => bytes =>
        {
            var lines = Encoding.UTF8.GetString(bytes).Split('\n');
            var i = at % lines.Length;
            lines[i] = shift >= 0 ? new string(' ', shift) + lines[i] : lines[i].TrimStart();
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        })),
        (1, Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf<byte>(0x80, 0xC3, 0xFF, 0xED)).Select<int, byte, Func<byte[], byte[]>>((at, junk) => bytes =>
        {
            var i = at % (bytes.Length + 1);
            return [.. bytes[..i], junk, .. bytes[i..]];
        })));

    [Fact]
    public void MutatedCommittedStackFilesNeverCrashAndEveryErrorNamesAKey() =>
        Gen.Select(Gen.OneOf(Committed), Mutation.List[1, 4]).Sample((stack, mutations) =>
        {
            var bytes = File.ReadAllBytes(Path.Combine(StackFolderFixture.RepoRoot, $"Pulumi.{stack}.yaml"));
            bytes = mutations.Aggregate(bytes, (current, mutate) => mutate(current));
            _folder.WriteBytes(stack, bytes);
            AssertWellBehaved(_folder.Plan(stack, "--json"), "json");
        }, iter: Runs(300), threads: 1);

    /// <summary>Valid settings, drawn from what docs/configuration.md and AWS allow.</summary>
    private static readonly Gen<(string Stack, string Text, string InstanceType)> ValidStackFile = Gen.Select(
        Gen.OneOf("dev", "staging", "prod"),
        Gen.OneOf(("t3.medium", 1024, 2048), ("t3.large", 2048, 4096), ("m5.large", 1024, 3072), ("t3.small", 512, 1024), ("t4g.medium", 1024, 2048)),
        Gen.Int[2, 4].Select(max => (Min: max - 2, Max: max)),
        Gen.OneOf(1, 7, 30, 90, 365),
        Gen.Select(
            Gen.OneOf(("legacy", "us-west-2"), ("legacy", "eu-west-1"), ("distro", "us-east-1"), ("distro", "ap-southeast-3")),
            Gen.OneOf("", "  adot-tracing:profile: recommended\n", "  adot-tracing:profile: article\n"),
            Gen.Bool,
            (flavorRegion, profile, discovery) => (Flavor: flavorRegion.Item1, Region: flavorRegion.Item2, Profile: profile, Discovery: discovery)),
        Gen.Select(Gen.Char['a', 'z'], Gen.Int[1, 99]).Select((letter, number) => $"/{letter}{number}*"),
        Gen.Double[0, 500].Select(rate => Math.Round(rate, 2)),
        Gen.Select(Gen.Char['a', 'z'].Array[1, 10], Gen.OneOf("sre", "platform team", "a+b=c", "x/y@z")).Select((key, value) => (Key: new string(key), Value: value)).List[0, 5])
        .Select((stack, size, scaling, retention, choice, critical, rate, tags) =>
        {
            var (flavor, region, profile, discovery) = choice;
            var text = $$"""
                config:
                  aws:region: {{region}}
                  aws-native:region: {{region}}
                {{profile}}  adot-tracing:applicationSignals:
                    discovery: {{(discovery ? "true" : "false")}}
                  adot-tracing:collector:
                    instanceType: {{size.Item1}}
                    cpu: {{size.Item2}}
                    memory: {{size.Item3}}
                    minSize: {{scaling.Min}}
                    maxSize: {{scaling.Max}}
                    desiredCapacity: {{scaling.Max}}
                    logRetentionDays: {{retention}}
                  adot-tracing:lambda:
                    flavor: {{flavor}}
                  adot-tracing:sampling:
                    criticalPaths: ["{{critical}}"]
                  adot-tracing:traffic:
                    "POST {{critical.TrimEnd('*')}}": {{rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
                  adot-tracing:tags: {{{string.Join(", ", tags.DistinctBy(tag => tag.Key).Select(tag => $"{tag.Key}: \"{tag.Value}\""))}}}

                """;
            return (stack, text, size.Item1);
        });

    [Fact]
    public void ValidStackFilesPlanWithExitZero() =>
        ValidStackFile.Sample(valid =>
        {
            _folder.Write(valid.Stack, valid.Text);
            var run = _folder.Plan(valid.Stack, "--json");
            Assert.True(run.Code == PlanCommand.Ok, $"{valid.Text}\n{run.Stderr}");
            Assert.Contains($"\"{valid.InstanceType}\"", run.Stdout, StringComparison.Ordinal);
            _folder.Write(valid.Stack, "");
        }, iter: Runs(120), threads: 1);

    /// <summary>A mistake, the section line it goes under, and the key the error must name.</summary>
    private static readonly (string Section, string Line, string Key)[] Mistakes =
    [
        ("adot-tracing:collector", "cpu: 3", "adot-tracing:collector.cpu"),
        ("adot-tracing:collector", "memory: 5000", "adot-tracing:collector.memory"),
        ("adot-tracing:collector", "logRetentionDays: 10", "adot-tracing:collector.logRetentionDays"),
        ("adot-tracing:collector", "imageTag: latest", "adot-tracing:collector.imageTag"),
        ("adot-tracing:collector", "desiredCount: .nan", "adot-tracing:collector.desiredCount"),
        ("adot-tracing:collector", "instanceTyp: t3.large", "adot-tracing:collector.instanceTyp"),
        ("adot-tracing:lambda", "memorySize: 1e309", "adot-tracing:lambda.memorySize"),
        ("adot-tracing:lambda", "timeoutSeconds: 901", "adot-tracing:lambda.timeoutSeconds"),
        ("adot-tracing:sampling", "criticalPaths: [chat]", "adot-tracing:sampling.criticalPaths[0]"),
        ("adot-tracing:traffic", "GET /x: -1", "adot-tracing:traffic.GET /x"),
        ("adot-tracing:tags", "\"aws:team\": sre", "adot-tracing:tags.aws:team"),
        ("adot-tracing:applicationSignals", "discovery: maybe", "adot-tracing:applicationSignals.discovery"),
        ("adot-tracing:applicationSignals", "enable: true", "adot-tracing:applicationSignals.enable"),
    ];

    [Fact]
    public void AValidFileWithOneMistakeFailsNamingThatKey() =>
        Gen.Select(ValidStackFile, Gen.Int[0, Mistakes.Length - 1]).Sample((valid, pick) =>
        {
            var (section, line, key) = Mistakes[pick];
            var field = line[..line.IndexOf(": ", StringComparison.Ordinal)];
            var existing = new System.Text.RegularExpressions.Regex($"^    {System.Text.RegularExpressions.Regex.Escape(field)}: .*$", System.Text.RegularExpressions.RegexOptions.Multiline);
            var text = existing.IsMatch(valid.Text)
                ? existing.Replace(valid.Text, $"    {line}", 1)
                : section == "adot-tracing:tags"
                ? valid.Text.Replace("  adot-tracing:tags: {", $"  adot-tracing:tags: {{{line}, ", StringComparison.Ordinal)
                : section == "adot-tracing:traffic"
                    ? valid.Text.Replace("  adot-tracing:traffic:\n", $"  adot-tracing:traffic:\n    {line}\n", StringComparison.Ordinal)
                    : valid.Text.Replace($"  {section}:\n", $"  {section}:\n    {line}\n", StringComparison.Ordinal);
            Assert.NotEqual(valid.Text, text);
            _folder.Write(valid.Stack, text);
            var run = _folder.Plan(valid.Stack);
            Assert.Equal(PlanCommand.InvalidSettings, run.Code);
            Assert.Contains(key, run.ErrorKeys);
            _folder.Write(valid.Stack, "");
        }, iter: Runs(120), threads: 1);

    /// <summary>Exit 0 with a plan, or exit 2 with errors that each name a key; nothing else, and never a stack trace.</summary>
    private static void AssertWellBehaved(PlanRun run, string format)
    {
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Code is PlanCommand.Ok or PlanCommand.InvalidSettings, $"exit {run.Code}: {run.Stderr}");
        Assert.Equal(run.Code == PlanCommand.InvalidSettings, run.ErrorLines.Count > 0);
        Assert.Equal(run.Code == PlanCommand.Ok, run.Stdout.Trim().Length > 0);
        Assert.DoesNotContain(run.ErrorLines, line => !System.Text.RegularExpressions.Regex.IsMatch(line, @"^\S.*?: \S"));
        Assert.True(run.Code != PlanCommand.Ok || format != "json" || JsonNode.Parse(run.Stdout) is JsonObject, run.Stdout);
    }
}
