using System.Text;

namespace Infra.Plan.Tests;

/// <summary>
/// One example per class of broken stack file: each gives exit 2 (1 when a file cannot be read) with every error
/// listed, each naming the key the user set, and never a stack trace.
/// </summary>
public sealed class BrokenStackFileTests : IDisposable
{
    private readonly StackFolderFixture _folder = new();

    public void Dispose() => _folder.Dispose();

    // --- Former crashes ---

    [Fact]
    public void MinSizeAboveMaxSizeNamesMinSize()
    {
        _folder.WriteConfig("dev", "  adot-tracing:collector:\n    minSize: 5\n    maxSize: 2\n");
        Assert.Contains("greater than collector.maxSize 2", _folder.Plan("dev").ErrorFor("adot-tracing:collector.minSize"), StringComparison.Ordinal);
    }

    // Auto Scaling: DesiredCapacity lies between MinSize and MaxSize
    // (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html).
    [Fact]
    public void WithMinSizeAboveMaxSizeADesiredCapacityOutsideBothIsReportedToo()
    {
        _folder.WriteConfig("dev", "  adot-tracing:collector:\n    minSize: 5\n    maxSize: 2\n    desiredCapacity: 9\n");
        var run = _folder.Plan("dev");
        Assert.Contains("greater than collector.maxSize 2", run.ErrorFor("adot-tracing:collector.minSize"), StringComparison.Ordinal);
        Assert.Contains("9 lies outside both", run.ErrorFor("adot-tracing:collector.desiredCapacity"), StringComparison.Ordinal);
    }

    [Fact]
    public void MaxSizeBelowThePresetMinSizeNamesMaxSizeAndThePreset()
    {
        // The prod preset runs at least 2 hosts (docs/configuration.md, the collector presets).
        _folder.WriteConfig("prod", "  adot-tracing:collector:\n    maxSize: 1\n");
        Assert.Contains("prod preset's collector.minSize 2", _folder.Plan("prod").ErrorFor("adot-tracing:collector.maxSize"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu: .nan")]
    [InlineData("cpu: NaN")]
    [InlineData("cpu: .inf")]
    [InlineData("cpu: -.Inf")]
    [InlineData("cpu: 1e309")]
    [InlineData("cpu: \"1e309\"")]
    [InlineData("cpu: \"Infinity\"")]
    [InlineData("cpu: 99999999999999999999999")]
    public void NumbersThatAreNotFiniteOrOverflowAreRefusedWithTheirKey(string line)
    {
        _folder.WriteConfig("dev", $"  adot-tracing:collector:\n    {line}\n");
        Assert.Contains("256 to 4096", _folder.Plan("dev").ErrorFor("adot-tracing:collector.cpu"), StringComparison.Ordinal);
    }

    [Fact]
    public void HugeTrafficIsRefusedSoTheCostStaysFinite()
    {
        _folder.WriteConfig("dev", "  adot-tracing:traffic:\n    POST /chat: 1e303\n");
        Assert.Contains("0 to 1000000", _folder.Plan("dev").ErrorFor("adot-tracing:traffic.POST /chat"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  ? [a, b]\n  : 1\n")]
    [InlineData("  ? {a: 1}\n  : 1\n")]
    public void KeysThatAreListsOrMappingsAreRefused(string config)
    {
        _folder.WriteConfig("dev", config);
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, run.Code);
        Assert.Contains("keys must be plain text", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanAnySettingIsRefused()
    {
        _folder.WriteConfig("dev", $"  adot-tracing:app: {new string('[', 200)}{new string(']', 200)}\n");
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, run.Code);
        Assert.Contains("nests deeper than", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a list\n")]
    [InlineData("config: [\n")]
    [InlineData("config:\n  adot-tracing:collector: {cpu: 3}\n")]
    public void ABrokenSiblingStackNeverBreaksThePlanOfAValidOne(string sibling)
    {
        _folder.WriteConfig("dev", "");
        _folder.Write("staging", sibling);
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.Ok, run.Code);
        Assert.Contains("Pulumi.staging.yaml is not valid", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ADanglingSymlinkIsUnreadable()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Directory, "Pulumi.dev.yaml"), Path.Combine(_folder.Directory, "gone.yaml"));
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.Unreadable, run.Code);
        Assert.Contains("Pulumi.dev.yaml: is a link to", run.Stderr, StringComparison.Ordinal);
    }

    // --- Lost errors ---

    [Fact]
    public void FieldErrorsDoNotHideCrossFieldChecks()
    {
        // A bad cpu (field) and a custom rule using a generated rule's priority (cross-field) in one file.
        _folder.WriteConfig("dev", "  adot-tracing:collector:\n    cpu: 3\n  adot-tracing:sampling:\n    rules:\n      - {name: orders, priority: 9000, fixedRate: 0.1}\n");
        var keys = _folder.Plan("dev").ErrorKeys;
        Assert.Contains("adot-tracing:collector.cpu", keys);
        Assert.Contains("adot-tracing:sampling.rules[0].priority", keys);
    }

    [Fact]
    public void BothRegionKeysAreReportedWhenBothAreMissing()
    {
        _folder.Write("dev", "config:\n  adot-tracing:app:\n    batchSize: 99\n");
        var keys = _folder.Plan("dev").ErrorKeys;
        Assert.Equal(["adot-tracing:app.batchSize", "aws-native:region", "aws:region"], keys.Order(StringComparer.Ordinal));
    }

    // --- Accepted before, refused by AWS or by this project's documented rules ---

    [Theory]
    [InlineData("legacy", "nodejs", "latest")]
    [InlineData("legacy", "java-wrapper", "1.32")]
    [InlineData("legacy", "python", "1.25.0:0")]
    [InlineData("distro", "java", "0")]
    [InlineData("distro", "dotnet", "v13")]
    public void LayerVersionsOfEveryLanguageAreFormatChecked(string flavor, string language, string version)
    {
        _folder.WriteConfig("dev", $"  adot-tracing:lambda:\n    flavor: {flavor}\n    versions:\n      {language}: \"{version}\"\n");
        Assert.Contains(version, _folder.Plan("dev").ErrorFor($"adot-tracing:lambda.versions.{language}"), StringComparison.Ordinal);
    }

    // Tag rules: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions
    [Theory]
    [InlineData("owner: \"aws:team\"", "owner", "reserved")]
    [InlineData("AWS:owner: team", "AWS:owner", "reserved")]
    [InlineData("owner: \"a\\u0007b\"", "owner", "control character")]
    [InlineData("owner: \"a;b\"", "owner", "';'")]
    [InlineData("\"\": team", "", "0 characters")]
    public void TagsFollowAwsRules(string tag, string key, string expected)
    {
        _folder.WriteConfig("dev", $"  adot-tracing:tags:\n    {tag}\n");
        Assert.Contains(expected, _folder.Plan("dev").ErrorFor($"adot-tracing:tags.{key}"), StringComparison.Ordinal);
    }

    [Fact]
    public void TagLengthsAreCountedInCharacters()
    {
        _folder.WriteConfig("dev", $"  adot-tracing:tags:\n    {new string('k', 129)}: a\n    ok: {new string('é', 257)}\n");
        var run = _folder.Plan("dev");
        Assert.Contains("129 characters; AWS allows 1 to 128", run.ErrorFor($"adot-tracing:tags.{new string('k', 129)}"), StringComparison.Ordinal);
        Assert.Contains("257 characters; AWS allows 0 to 256", run.ErrorFor("adot-tracing:tags.ok"), StringComparison.Ordinal);
    }

    [Fact]
    public void FiftyTagsIncludeTheOnesTheProgramAdds()
    {
        // 47 user tags + project, stack, environment, managed-by = 51 > 50.
        var tags = string.Concat(Enumerable.Range(1, 47).Select(i => $"    tag{i}: v\n"));
        _folder.WriteConfig("dev", $"  adot-tracing:tags:\n{tags}");
        Assert.Contains("at most 50 tags", _folder.Plan("dev").ErrorFor("adot-tracing:tags"), StringComparison.Ordinal);
    }

    // Request paths start with / (RFC 9112 section 3.2.1; API Gateway resource paths).
    [Fact]
    public void ASamplingRuleUrlPathThatCanMatchNoRequestIsRefused()
    {
        _folder.WriteConfig("dev", "  adot-tracing:sampling:\n    rules:\n      - {name: orders, priority: 50, fixedRate: 0.1, urlPath: orders/*}\n");
        Assert.Contains("can match no request", _folder.Plan("dev").ErrorFor("adot-tracing:sampling.rules[0].urlPath"), StringComparison.Ordinal);
    }

    // The Pulumi CLI reads UTF-16 with a byte order mark: gopkg.in/yaml.v3 decodes it
    // (go-yaml/yaml@v3.0.1:readerc.go, yaml_parser_determine_encoding).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AUtf16StackFileWithAByteOrderMarkIsPlanned(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        _folder.WriteBytes("dev", [.. encoding.GetPreamble(), .. encoding.GetBytes("config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n  adot-tracing:tags:\n    team: sre\n")]);
        var run = _folder.Plan("dev", "--json");
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        Assert.Contains("\"team\": \"sre\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8IsRefused()
    {
        var bytes = Encoding.UTF8.GetBytes("config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n  adot-tracing:tags:\n    team: ")
            .Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        _folder.WriteBytes("dev", bytes);
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, run.Code);
        Assert.Contains("Pulumi.dev.yaml: is not valid UTF-8", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:layer:custom:3")]
    [InlineData("arn:aws-cn:lambda:us-west-2:123456789012:layer:custom:3")]
    public void ALayerFromAnotherRegionOrPartitionIsRefused(string arn)
    {
        _folder.WriteConfig("dev", $"  adot-tracing:lambda:\n    layerArn: {arn}\n");
        Assert.Contains("own Region", _folder.Plan("dev").ErrorFor("adot-tracing:lambda.layerArn"), StringComparison.Ordinal);
    }

    [Fact]
    public void ARegionThatDoesNotExistIsRefusedAtAwsRegion()
    {
        _folder.Write("dev", "config:\n  aws:region: zz-north-1\n  aws-native:region: zz-north-1\n");
        var run = _folder.Plan("dev");
        Assert.Contains("'zz-north-1' is not an AWS Region", run.ErrorFor("aws:region"), StringComparison.Ordinal);
        Assert.DoesNotContain("adot-tracing:lambda.flavor", run.ErrorKeys);
    }

    // --- Silent before ---

    [Fact]
    public void AnUnknownTopLevelKeyIsRefusedWithASuggestion()
    {
        _folder.Write("dev", "confg:\n  aws:region: us-west-2\n");
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, run.Code);
        Assert.Contains("Did you mean 'config'?", run.ErrorFor("Pulumi.dev.yaml: confg"), StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltNamespaceIsRefusedWithASuggestion()
    {
        _folder.WriteConfig("dev", "  adot-tracng:collector:\n    minSize: 1\n");
        Assert.Contains("Did you mean 'adot-tracing'?", _folder.Plan("dev").ErrorFor("adot-tracng:collector"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- config\n", "a list")]
    [InlineData("just text\n", "the scalar")]
    public void AFileThatIsNotAMappingIsRefused(string text, string expected)
    {
        _folder.Write("dev", text);
        Assert.Contains(expected, _folder.Plan("dev").ErrorFor("Pulumi.dev.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigThatIsNotAMappingIsRefused()
    {
        _folder.Write("dev", "config:\n  - aws:region\n");
        Assert.Contains("must be a mapping", _folder.Plan("dev").ErrorFor("Pulumi.dev.yaml: config"), StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondDocumentIsRefused()
    {
        _folder.Write("dev", "config:\n  aws:region: us-west-2\n---\nconfig:\n  aws:region: eu-west-1\n");
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.InvalidSettings, run.Code);
        Assert.Contains("more than one YAML document", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeKeysApplyAsInTheCli()
    {
        _folder.WriteConfig("dev", "  adot-tracing:app: &app\n    batchSize: 4\n  adot-tracing:api:\n    <<: {stageName: v1, throttlingBurstLimit: 5}\n    throttlingBurstLimit: 7\n");
        var run = _folder.Plan("dev", "--json");
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        Assert.Contains("adot-tracing-dev-api/v1", run.Stdout, StringComparison.Ordinal);
    }

    // --- Messages name the key the user set, and never suggest the value just refused ---

    [Fact]
    public void AnInvalidCpuNamesCpuNotMemory()
    {
        _folder.WriteConfig("dev", "  adot-tracing:collector:\n    cpu: 3000\n");
        var run = _folder.Plan("dev");
        Assert.Contains("cpu must be one of 256, 512, 1024, 2048, 4096", run.ErrorFor("adot-tracing:collector.cpu"), StringComparison.Ordinal);
        Assert.DoesNotContain("adot-tracing:collector.memory", run.ErrorKeys);
    }

    [Fact]
    public void ABadPythonVersionNamesItsVersionsKey()
    {
        _folder.WriteConfig("dev", "  adot-tracing:lambda:\n    versions:\n      python: \"9.9.9\"\n");
        var run = _folder.Plan("dev");
        Assert.Contains("9.9.9", run.ErrorFor("adot-tracing:lambda.versions.python"), StringComparison.Ordinal);
        Assert.DoesNotContain("adot-tracing:lambda.flavor", run.ErrorKeys);
    }

    [Fact]
    public void TheSuggestedInstanceTypeIsNeverTheOneRefused()
    {
        // A 2 vCPU / 4096 MiB t3.medium cannot hold a 4096 MiB task plus what the ECS agent keeps.
        _folder.WriteConfig("dev", "  adot-tracing:collector:\n    instanceType: t3.medium\n    cpu: 2048\n    memory: 4096\n");
        var message = _folder.Plan("dev").ErrorFor("adot-tracing:collector.instanceType");
        Assert.Contains("choose e.g. t3.large", message, StringComparison.Ordinal);
    }
}
