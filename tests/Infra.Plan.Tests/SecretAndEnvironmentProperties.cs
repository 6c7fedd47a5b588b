using System.Text;
using CsCheck;

namespace Infra.Plan.Tests;

/// <summary>
/// Property tests of encrypted values and ESC imports in stack files: encrypted values (<c>{secure: ...}</c>, a
/// mapping with the one string key "secure", at any depth: pulumi/pulumi v3.259.0
/// sdk/go/common/resource/config/object.go, isSecureValue) put anywhere in a stack file never crash the plan and
/// their ciphertext is never printed; a stack file importing an ESC environment never has a key reported missing.
/// </summary>
public sealed class SecretAndEnvironmentProperties : IDisposable
{
    private readonly StackFolderFixture _folder = new();

    private static int Runs(int full) => (int)Math.Max(1, full * Check.Iter / 100);

    public void Dispose() => _folder.Dispose();

    private const string Mark = "C1PH3R";

    /// <summary>Keys and plain values of the settings, enough to reach every reader.</summary>
    private static readonly (string Section, string Key, string Plain)[] Leaves =
    [
        ("app", "knowledgeBaseId", "KB12345678"), ("app", "batchSize", "5"), ("app", "simulateFailure", "true"),
        ("collector", "vpcId", "vpc-0123456789abcdef0"), ("collector", "imageTag", "v0.43.3"), ("collector", "cpu", "512"),
        ("collector", "instanceType", "t3.medium"), ("lambda", "layerArn", "arn:aws:lambda:us-west-2:123456789012:layer:x:1"),
        ("lambda", "flavor", "distro"), ("api", "stageName", "v1"), ("api", "throttlingRateLimit", "10"),
        ("tags", "team", "sre"), ("transactionSearch", "indexingPercentage", "1"), ("applicationSignals", "enabled", "true"),
    ];

    private static readonly Gen<string> Leaf = Gen.Select(Gen.OneOf(Leaves), Gen.Bool, Gen.Int[0, 999])
        .Select((leaf, encrypted, n) => $"  adot-tracing:{leaf.Section}:\n    {leaf.Key}: {(encrypted ? $"{{secure: \"v1:{Mark}{n}==\"}}" : leaf.Plain)}\n");

    private static readonly Gen<string> Endpoint = Gen.Select(Gen.OneOf("https", "email", "sms", "firehose"), Gen.Int[0, 999])
        .Select((protocol, n) => $"  adot-tracing:alerts:\n    subscriptions:\n      - protocol: {protocol}\n        endpoint:\n          secure: v1:{Mark}{n}==\n");

    private static readonly Gen<string> Whole = Gen.Select(Gen.OneOf("aws:region", "adot-tracing:app", "adot-tracing:environment", "adot-tracing:sampling"), Gen.Int[0, 999])
        .Select((key, n) => $"  {key}:\n    secure: v1:{Mark}{n}==\n");

    private static readonly Gen<string> StackWithSecrets = Gen.Select(Gen.Frequency((4, Leaf), (1, Endpoint), (1, Whole)).List[1, 5], Gen.Bool)
        .Select((entries, regions) =>
        {
            // A key set twice in one mapping is a different mistake; keep the first of each.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var builder = new StringBuilder("config:\n");
            if (regions)
            {
                builder.Append("  aws-native:region: us-west-2\n");
                seen.Add("  aws-native:region:");
            }

            foreach (var entry in entries.Where(entry => seen.Add(entry[..(entry.IndexOf(':', entry.IndexOf(':') + 1) + 1)])))
            {
                builder.Append(entry);
            }

            if (seen.Add("  aws:region:"))
            {
                builder.Append("  aws:region: us-west-2\n");
            }

            return builder.ToString();
        });

    [Fact]
    public void EncryptedValuesAnywhereNeverCrashAndTheirCiphertextIsNeverPrinted() =>
        StackWithSecrets.Sample(text =>
        {
            _folder.Write("prod", text);
            foreach (var format in new[] { "table", "json", "markdown" })
            {
                var run = _folder.Plan("prod", "--format", format);
                Assert.True(run.Code is PlanCommand.Ok or PlanCommand.InvalidSettings or PlanCommand.Incomplete, $"exit {run.Code}\n{text}\n{run.Stderr}");
                Assert.DoesNotContain(Mark, run.Stdout + run.Stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
            }
        }, iter: Runs(60), threads: 1);

    private static readonly Gen<string> StackImportingAnEnvironment = Gen.Select(Gen.Bool, Gen.Bool, Leaf.List[0, 3], Gen.OneOf("[aws-dev]", "[org/aws-dev, shared]", "\n  imports:\n    - aws-dev"))
        .Select((region, nativeRegion, leaves, environment) =>
            $"environment: {environment}\nconfig:\n"
            + (region ? "  aws:region: us-west-2\n" : "") + (nativeRegion ? "  aws-native:region: us-west-2\n" : "")
            + string.Concat(leaves.Where(leaf => !leaf.Contains(Mark, StringComparison.Ordinal)).DistinctBy(leaf => leaf.Split('\n')[0])));

    [Fact]
    public void AKeyAnImportedEnvironmentMaySetIsNeverReportedMissing() =>
        StackImportingAnEnvironment.Sample(text =>
        {
            _folder.Write("dev", text);
            var run = _folder.Plan("dev");
            Assert.True(run.Code is PlanCommand.Ok or PlanCommand.InvalidSettings or PlanCommand.Incomplete, $"exit {run.Code}\n{text}\n{run.Stderr}");
            Assert.DoesNotContain(run.ErrorLines, line => line.Contains(": required", StringComparison.Ordinal));
        }, iter: Runs(40), threads: 1);
}
