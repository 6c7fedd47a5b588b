using System.Text.Json.Nodes;

namespace Infra.Plan.Tests;

/// <summary>
/// Stack files holding encrypted values, shaped as the Pulumi CLI writes them (pulumi/pulumi v3.259.0):
/// <c>pulumi config set --secret --path app.knowledgeBaseId X</c> stores <c>knowledgeBaseId: {secure: v1:...}</c>
/// inside the key's mapping, a list item's member the same way (sdk/go/common/resource/config/object.go, Set and
/// marshalObjectValue; testdata/repr/12.yaml and 13.yaml), and <c>pulumi config set --secret aws:region X</c> the
/// whole value. The CLI accepts them; the plan cannot decrypt them, shows [secret] (the CLI's own redaction,
/// testdata/repr/12.expected.yaml "redacted"), and never prints plaintext or ciphertext.
/// </summary>
public sealed class SecretPlanTests : IDisposable
{
    private const string Ciphertext = "v1:n0tR34lC1ph3rT3xtQQ==";
    private const string CipherMark = "n0tR34lC1ph3rT3xt";

    private readonly StackFolderFixture _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string NestedSecrets =
        "secretsprovider: passphrase\nencryptionsalt: v1:c2FsdA==:v1:Zm9v:YmFy\n"
        + "config:\n  aws:region: us-west-2\n  aws-native:region: us-west-2\n"
        + "  adot-tracing:app:\n    knowledgeBaseId:\n      secure: " + Ciphertext + "\n"
        + "  adot-tracing:alerts:\n    subscriptions:\n      - protocol: https\n        endpoint:\n          secure: " + Ciphertext + "\n";

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void ANestedSecretAsTheCliWritesItIsPlannedAndShownAsSecret(string format)
    {
        _folder.Write("prod", NestedSecrets);
        var run = _folder.Plan("prod", "--format", format);
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        // Markdown escapes the brackets, so that it renders as [secret].
        Assert.Contains(format == "markdown" ? @"\[secret\]" : "[secret]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(CipherMark, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSecretsStandWhereTheirValuesGo()
    {
        _folder.Write("prod", NestedSecrets);
        var plan = JsonNode.Parse(_folder.Plan("prod", "--json").Stdout)!;
        var chatbot = plan["functions"]!.AsArray().Single(function => (string?)function!["key"] == "chatbot")!;
        Assert.Equal("[secret]", (string?)chatbot["environment"]!["KNOWLEDGE_BASE_ID"]);
        Assert.Equal("[secret]", (string?)plan["monitoring"]!["subscriptions"]![0]!["endpoint"]);
    }

    [Fact]
    public void EveryEncryptedValueIsNamedInAWarning()
    {
        _folder.Write("prod", NestedSecrets);
        var stderr = _folder.Plan("prod").Stderr;
        Assert.Contains("warning: adot-tracing:app.knowledgeBaseId is encrypted", stderr, StringComparison.Ordinal);
        Assert.Contains("warning: adot-tracing:alerts.subscriptions[0].endpoint is encrypted", stderr, StringComparison.Ordinal);
    }

    // A secret in a key makes the whole key secret to the engine (pulumi/pulumi sdk/go/common/resource/config/map.go,
    // SecureKeys); tags are plain inputs of every resource, and AWS advises against sensitive data in tags
    // (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html, best practices).
    [Fact]
    public void AnEncryptedTagIsRefusedNamingIt()
    {
        _folder.WriteConfig("dev", $"  adot-tracing:tags:\n    owner:\n      secure: {Ciphertext}\n");
        var run = _folder.Plan("dev");
        Assert.Contains("holds a secret, which would be written in plain text", run.ErrorFor("adot-tracing:tags.owner"), StringComparison.Ordinal);
        Assert.DoesNotContain(CipherMark, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObjectKeyEncryptedWholeIsPlannedWithItsDefault()
    {
        _folder.WriteConfig("dev", $"  adot-tracing:app:\n    secure: {Ciphertext}\n");
        var run = _folder.Plan("dev");
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        Assert.Contains("warning: adot-tracing:app is encrypted", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CipherMark, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEncryptedRegionCannotBeSeenAndExitsThree()
    {
        _folder.Write("dev", $"config:\n  aws:region:\n    secure: {Ciphertext}\n  aws-native:region: us-west-2\n");
        var run = _folder.Plan("dev");
        Assert.Equal(PlanCommand.Incomplete, run.Code);
        Assert.Equal("", run.Stdout);
        Assert.Equal(["aws:region"], run.ErrorKeys);
        Assert.Contains("--config aws:region=<value>", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CipherMark, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEncryptedRegionGivenOnTheCommandLineIsPlanned()
    {
        _folder.Write("dev", $"config:\n  aws:region:\n    secure: {Ciphertext}\n  aws-native:region: us-west-2\n");
        var run = _folder.Plan("dev", "--config", "aws:region=us-west-2", "--json");
        Assert.True(run.Code == PlanCommand.Ok, run.Stderr);
        Assert.Equal("us-west-2", (string?)JsonNode.Parse(run.Stdout)!["region"]);
    }
}
