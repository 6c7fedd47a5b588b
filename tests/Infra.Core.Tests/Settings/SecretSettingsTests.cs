using Infra.Core.App;
using Infra.Core.Blueprint;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// Secret config as the settings read it. The engine marks a whole top-level key secret when any value in it is
/// (pulumi/pulumi v3.259.0 sdk/go/common/resource/config/map.go, SecureKeys; object.go, Secure) and passes the
/// decrypted text with the list of secret keys (pulumi/pulumi-dotnet v3.112.1 sdk/Pulumi/Deployment/Deployment_Config.cs).
/// The offline plan instead sees each encrypted value as [secret], the CLI's redacted form
/// (sdk/go/common/resource/config/testdata/repr/12.expected.yaml, "redacted").
/// </summary>
public class SecretSettingsTests
{
    private const string KnowledgeBase = "KB12345678";
    private const string Hook = "https://hooks.example.com/services/T0/B0/tok3n";

    /// <summary>A config as the program receives it: decrypted text, with the engine's list of secret keys.</summary>
    private static RawStackConfig Program(string stack, string[] secretKeys, params (string Key, string Value)[] values) =>
        TestStacks.Raw(stack, values) with { SecretKeys = secretKeys.ToHashSet() };

    /// <summary>A config as the offline plan reads it: encrypted values stand in as [secret].</summary>
    private static RawStackConfig Offline(string stack, string[] encryptedPaths, params (string Key, string Value)[] values) =>
        TestStacks.Raw(stack, values) with
        {
            SecretKeys = encryptedPaths.Select(path => path[..path.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(),
            EncryptedPaths = encryptedPaths.ToHashSet(),
        };

    private static StackBlueprint Blueprint(RawStackConfig raw)
    {
        var result = TestStacks.ParseRaw(raw);
        var settings = result.GetOrThrow();
        return StackBlueprint.Create(settings, result.Declaration, AwsContext.For(settings.Region, TestStacks.Account));
    }

    [Fact]
    public void TextInASecretKeyIsASecret()
    {
        var settings = TestStacks.ParseRaw(Program("dev", ["adot-tracing:app"], ("app", $$"""{"knowledgeBaseId":"{{KnowledgeBase}}"}"""))).GetOrThrow();
        Assert.Equal([new SecretText("adot-tracing:app.knowledgeBaseId", KnowledgeBase)], settings.Secrets.Entries);
    }

    [Fact]
    public void TextInAKeyThatIsNotSecretIsNoSecret() =>
        Assert.True(TestStacks.ParseRaw(Program("dev", [], ("app", $$"""{"knowledgeBaseId":"{{KnowledgeBase}}"}"""))).GetOrThrow().Secrets.IsEmpty);

    // SNS protocols are a fixed list of words (https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html): in a
    // secret alerts key only the endpoint is confidential; "https" is in every URL the stack outputs.
    [Fact]
    public void AProtocolIsNoSecretButItsEndpointIs()
    {
        var settings = TestStacks.ParseRaw(Program("prod", ["adot-tracing:alerts"], ("alerts", $$"""{"subscriptions":[{"protocol":"https","endpoint":"{{Hook}}"}]}"""))).GetOrThrow();
        Assert.Equal([Hook], settings.Secrets.Entries.Select(entry => entry.Text));
    }

    [Fact]
    public void ASecretIsNeverRepeatedInAnError()
    {
        var errors = TestStacks.Single(TestStacks.ParseRaw(Program("dev", ["adot-tracing:app"], ("app", """{"knowledgeBaseId":"not-a-kb-id-token"}"""))).Errors,
            "adot-tracing:app.knowledgeBaseId");
        Assert.DoesNotContain("not-a-kb-id-token", errors.Message, StringComparison.Ordinal);
        Assert.Contains(SecretValues.Shown, errors.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretEndpointInAnErrorIsMasked()
    {
        var result = TestStacks.ParseRaw(Program("prod", ["adot-tracing:alerts"], ("alerts", """{"subscriptions":[{"protocol":"https","endpoint":"http://token@hooks"}]}""")));
        var error = TestStacks.Single(result.Errors, "adot-tracing:alerts.subscriptions[0].endpoint");
        Assert.DoesNotContain("token@hooks", error.Message, StringComparison.Ordinal);
    }

    // --- Offline: encrypted values read as [secret] ---

    [Fact]
    public void AnEncryptedIdIsKeptAsTheSecretPlaceholderWithAWarning()
    {
        var result = TestStacks.ParseRaw(Offline("dev", ["adot-tracing:app.knowledgeBaseId"], ("app", """{"knowledgeBaseId":"[secret]"}""")));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal(SecretValues.Shown, result.Declaration.Function(ChatbotApp.Chatbot).Environment["KNOWLEDGE_BASE_ID"]);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("adot-tracing:app.knowledgeBaseId is encrypted", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEncryptedEndpointIsKept()
    {
        var result = TestStacks.ParseRaw(Offline("prod", ["adot-tracing:alerts.subscriptions[0].endpoint"],
            ("alerts", """{"subscriptions":[{"protocol":"https","endpoint":"[secret]"}]}""")));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal(new AlertSubscription("https", SecretValues.Shown), Assert.Single(result.Settings!.Alerts.Subscriptions));
    }

    [Fact]
    public void AnEncryptedNumberFallsBackToThePresetInsteadOfFailing()
    {
        var result = TestStacks.ParseRaw(Offline("dev", ["adot-tracing:app.batchSize"], ("app", """{"batchSize":"[secret]"}""")));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Equal(TestStacks.AppOf("dev").BatchSize, result.Declaration.Queues.Single().BatchSize);
    }

    [Fact]
    public void APlaceholderInAKeyThatIsNotEncryptedIsCheckedLikeAnyText() =>
        TestStacks.Single(TestStacks.Errors("dev", ("app", """{"knowledgeBaseId":"[secret]"}""")), "adot-tracing:app.knowledgeBaseId");

    // --- Any app's settings: AppSection reads secrets as every other section does ---

    /// <summary>An app that reads one text setting and reports what AppSection says of it.</summary>
    private sealed class ProbeApp : AppDefinition
    {
        public (string? Text, bool Secret, bool Encrypted) Seen { get; private set; }

        public override AppDeclaration Declare(AppSection section, StackSettings settings)
        {
            Seen = (section.OptionalString("token"), section.IsSecret("token"), section.IsEncrypted("token"));
            section.Finish();
            return AppDeclaration.Empty;
        }
    }

    // `pulumi config set --secret --path app.token` makes the whole app key secret (map.go, SecureKeys).
    [Fact]
    public void AnAppsSecretTextIsRecordedWithTheStacksSecrets()
    {
        var app = new ProbeApp();
        var settings = StackSettingsParser.Parse(Program("dev", ["adot-tracing:app"], ("app", """{"token":"s3cr3t-value"}""")), app).GetOrThrow();
        Assert.Equal(("s3cr3t-value", true, false), app.Seen);
        Assert.Equal([new SecretText("adot-tracing:app.token", "s3cr3t-value")], settings.Secrets.Entries);
    }

    [Fact]
    public void AnAppsPlainTextIsNoSecret()
    {
        var app = new ProbeApp();
        var settings = StackSettingsParser.Parse(Program("dev", [], ("app", """{"token":"plain-value"}""")), app).GetOrThrow();
        Assert.False(app.Seen.Secret);
        Assert.True(settings.Secrets.IsEmpty);
    }

    [Fact]
    public void AnAppSeesAnEncryptedValueAsEncryptedOffline()
    {
        var app = new ProbeApp();
        var settings = StackSettingsParser.Parse(Offline("dev", ["adot-tracing:app.token"], ("app", """{"token":"[secret]"}""")), app).GetOrThrow();
        Assert.Equal((SecretValues.Shown, true, true), app.Seen);
        Assert.Equal([SecretValues.Shown], settings.Secrets.Entries.Select(entry => entry.Text));
    }

    // --- Where a secret may go ---

    [Fact]
    public void ASecretIdGoesIntoTheFunctionsEnvironmentAndPolicy()
    {
        var blueprint = Blueprint(Program("dev", ["adot-tracing:app"], ("app", $$"""{"knowledgeBaseId":"{{KnowledgeBase}}"}""")));
        Assert.Equal(KnowledgeBase, blueprint.Function(ChatbotApp.Chatbot).Environment["KNOWLEDGE_BASE_ID"]);
        Assert.Contains(KnowledgeBase, blueprint.Function(ChatbotApp.Chatbot).Policy.ToJson().ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretEndpointGoesIntoTheSubscription() =>
        Assert.Equal(Hook, Assert.Single(Blueprint(Program("prod", ["adot-tracing:alerts"],
            ("alerts", $$"""{"subscriptions":[{"protocol":"https","endpoint":"{{Hook}}"}]}"""))).Monitoring.Subscriptions).Endpoint);

    // AWS: "Do not store personally identifiable information (PII) or other confidential or sensitive information in
    // tags" (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html, best practices); tags are plain
    // inputs on every resource.
    [Fact]
    public void ASecretTagIsRefusedNamingItsKey()
    {
        var error = Assert.Single(Assert.Throws<InvalidStackSettingsException>(() => Blueprint(Program("dev", ["adot-tracing:tags"], ("tags", """{"owner":"alice-secret"}""")))).Errors);
        Assert.Equal("adot-tracing:tags.owner", error.Key);
        Assert.Contains("tags.owner", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-secret", error.Message, StringComparison.Ordinal);
    }

    // The whole collector key is secret once a value in it is, so its subnet ids are secret text too.
    [Fact]
    public void AnEncryptedVpcIdIsRefusedOfflineToo()
    {
        var raw = Offline("dev", ["adot-tracing:collector.vpcId"], ("collector", """{"vpcId":"[secret]","subnetIds":["subnet-0123456789abcdef0"]}"""));
        var errors = Assert.Throws<InvalidStackSettingsException>(() => Blueprint(raw)).Errors;
        Assert.Equal(["adot-tracing:collector.subnetIds[0]", "adot-tracing:collector.vpcId"], errors.Select(error => error.Key));
    }

    // --- Keys an imported ESC environment may set ---

    [Fact]
    public void AnUnknownNamespaceIsAWarningWhenAnEnvironmentMaySetIt()
    {
        var result = TestStacks.ParseRaw(TestStacks.Raw("dev", ("datadog:apiKey", "x")) with { MayHoldEnvironmentValues = true });
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.Contains(result.Warnings, warning => warning.StartsWith("datadog:apiKey: unknown config namespace 'datadog'", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownNamespaceIsAnErrorInAStackFile() =>
        TestStacks.Single(TestStacks.Errors("dev", ("datadog:apiKey", "x")), "datadog:apiKey");

    [Fact]
    public void ASecretRegionIsUsedAsItIsWithAWarning()
    {
        var result = TestStacks.ParseRaw(Program("dev", ["aws:region"]));
        Assert.True(result.IsValid);
        Assert.True(result.Settings!.Secrets.IsEmpty);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("aws:region is secret", StringComparison.Ordinal));
    }
}
