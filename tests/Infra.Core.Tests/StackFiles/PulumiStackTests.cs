using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// Reading Pulumi.&lt;stack&gt;.yaml and merging it with Pulumi.yaml's declarations as the Pulumi CLI does (pulumi/pulumi
/// at tag v3.259.0): pkg/workspace/config.go (mergeConfig, validateStackConfigValue, createConfigValue),
/// sdk/go/common/workspace/project.go (ProjectStack: the top-level keys of a stack file) and
/// sdk/go/common/resource/config/key.go (ParseKey: namespace:name, and the older namespace:config:name).
/// </summary>
public class PulumiStackTests
{
    private const string Header = "name: demo\nruntime: dotnet\n";
    private const string StackFile = "Pulumi.dev.yaml";

    private static (RawStackConfig? Config, IReadOnlyList<SettingsError> Errors) Merge(string projectConfig, string stackText)
    {
        var errors = new ErrorSink();
        var project = PulumiProject.Parse(Header + projectConfig, errors);
        Assert.Empty(errors.Errors);
        var config = PulumiStack.Merge(project!, "dev", stackText, errors);
        return (config, errors.Errors);
    }

    private static RawStackConfig Valid(string projectConfig, string stackText)
    {
        var (config, errors) = Merge(projectConfig, stackText);
        Assert.Empty(errors);
        return config!;
    }

    private static SettingsError Invalid(string projectConfig, string stackText)
    {
        var (config, errors) = Merge(projectConfig, stackText);
        Assert.Null(config);
        return Assert.Single(errors);
    }

    [Fact]
    public void TheFileIsNamedAfterTheStack() => Assert.Equal("Pulumi.staging.yaml", PulumiStack.FileName("staging"));

    [Fact]
    public void TheConfigCarriesTheStackName() => Assert.Equal("dev", Valid("", "config: {}\n").StackName);

    [Theory]
    [InlineData("")]
    [InlineData("# nothing set\n")]
    [InlineData("config: {}\n")]
    public void AStackFileThatSetsNothingGetsTheDefaults(string stackText) =>
        Assert.Equal("small", Valid("config:\n  size: small\n", stackText).Get("demo:size"));

    // mergeConfig: a key the stack does not set takes the project's value.
    [Fact]
    public void AValueOfAnotherNamespaceFillsTheStack() =>
        Assert.Equal("eu-west-1", Valid("config:\n  aws:region:\n    value: eu-west-1\n", "").Get("aws:region"));

    // createConfigValue: primitives are formatted as text, anything else is passed as JSON.
    [Theory]
    [InlineData("5", "5")]
    [InlineData("true", "true")]
    [InlineData("'text'", "text")]
    [InlineData("[b, a]", """["b","a"]""")]
    [InlineData("{b: 1, a: 2}", """{"a":2,"b":1}""")]
    public void DefaultsArePassedAsTheCliPassesThem(string value, string passed) =>
        Assert.Equal(passed, Valid($"config:\n  size:\n    default: {value}\n", "").Get("demo:size"));

    // mergeConfig: "!foundOnStack && !hasValue && !hasDefault && key.Namespace() == projectName".
    [Fact]
    public void AMissingKeyIsReportedWithTheCommandThatSetsIt()
    {
        var error = Invalid("config:\n  size:\n    type: string\n", "config: {}\n");
        Assert.Equal("demo:size", error.Key);
        Assert.Equal(
            "required: Pulumi.yaml declares it with no default and Pulumi.dev.yaml does not set it (the Pulumi CLI stops with "
            + "\"Stack 'dev' is missing configuration value 'size'\"). Set it with: pulumi config set size <value>",
            error.Message);
    }

    [Fact]
    public void AnEmptyDefaultLeavesTheKeyMissing() =>
        Assert.Equal("demo:size", Invalid("config:\n  size:\n    type: string\n    default:\n", "").Key);

    // formatMissingKeys sorts the keys.
    [Fact]
    public void MissingKeysAreReportedInOrder()
    {
        var (_, errors) = Merge("config:\n  zeta:\n    type: string\n  alpha:\n    type: string\n  Beta:\n    type: string\n", "");
        Assert.Equal(["demo:Beta", "demo:alpha", "demo:zeta"], errors.Select(error => error.Key));
    }

    [Fact]
    public void AKeyOfAnotherNamespaceWithNothingToGiveIsNotRequired()
    {
        var project = new PulumiProject("demo", [new ConfigDeclaration("aws:region", null, null, null, null, false, null)], null);
        var errors = new ErrorSink();
        var config = PulumiStack.Merge(project, "dev", "", errors);
        Assert.Empty(errors.Errors);
        Assert.Empty(config!.Values);
    }

    [Fact]
    public void ErrorsAlreadyCollectedElsewhereDoNotFailTheMerge()
    {
        var errors = new ErrorSink();
        errors.Add("elsewhere", "an earlier problem");
        var project = PulumiProject.Parse(Header + "config:\n  size: small\n", errors)!;
        var config = PulumiStack.Merge(project, "dev", "config:\n  demo:size: big\n", errors);
        Assert.Equal("big", config!.Get("demo:size"));
        Assert.Single(errors.Errors);
    }

    // validateStackConfigValue: the stack's value against the declared type, with the CLI's type name.
    [Fact]
    public void AValueOfTheWrongTypeIsReportedWithTheCliWords()
    {
        var error = Invalid("config:\n  size:\n    type: integer\n", "config:\n  demo:size: five\n");
        Assert.Equal("demo:size", error.Key);
        Assert.Equal("'five' in Pulumi.dev.yaml is not of the declared type 'integer' (Pulumi.yaml; the Pulumi CLI stops with \"must be of type 'integer'\").", error.Message);
    }

    [Fact]
    public void ALongValueIsShortenedInTheMessage()
    {
        var sixtyOne = new string('x', 61);
        var error = Invalid("config:\n  size:\n    type: integer\n", $"config:\n  demo:size: {sixtyOne}\n");
        Assert.StartsWith($"'{new string('x', 57)}...' in Pulumi.dev.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueOfSixtyCharactersIsShownWhole()
    {
        var sixty = new string('x', 60);
        var error = Invalid("config:\n  size:\n    type: integer\n", $"config:\n  demo:size: {sixty}\n");
        Assert.StartsWith($"'{sixty}' in Pulumi.dev.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UntypedDeclarationsTakeAnyValue() =>
        Assert.Equal("""{"a":1}""", Valid("config:\n  size:\n    default: small\n", "config:\n  demo:size: {a: 1}\n").Get("demo:size"));

    [Fact]
    public void TheTypeIsCheckedOnTheKeyWrittenWithItsNamespaceToo() =>
        Assert.Equal("demo:size", Invalid("config:\n  demo:size:\n    type: boolean\n", "config:\n  demo:size: maybe\n").Key);

    // The JSON the CLI passes comes from Go's encoding/json, which writes map keys sorted by their bytes.
    [Fact]
    public void ObjectsArePassedAsJsonWithKeysInByteOrderAtEveryLevel() =>
        Assert.Equal(
            """{"B":2,"a":{"c":[{"e":1,"f":2},null],"d":1},"b":1}""",
            Valid("", "config:\n  aws:x:\n    b: 1\n    B: 2\n    a: {d: 1, c: [{f: 2, e: 1}, ~]}\n").Get("aws:x"));

    [Theory]
    [InlineData("5", "5")]
    [InlineData("-2.5", "-2.5")]
    [InlineData("true", "true")]
    [InlineData("'true'", "true")]
    [InlineData("\"with \\\"quotes\\\"\"", "with \"quotes\"")]
    public void ScalarsArePassedAsText(string value, string passed) =>
        Assert.Equal(passed, Valid("", $"config:\n  aws:x: {value}\n").Get("aws:x"));

    [Fact]
    public void ASecureValueStaysOpaque() =>
        Assert.Equal("[secret]", Valid("", "config:\n  aws:x:\n    secure: AAABAJ2v\n").Get("aws:x"));

    [Fact]
    public void AnObjectWithASecureKeyAndMoreIsAnObject() =>
        Assert.Equal("""{"other":1,"secure":"a"}""", Valid("", "config:\n  aws:x:\n    secure: a\n    other: 1\n").Get("aws:x"));

    [Fact]
    public void AnObjectWithOneOtherKeyIsAnObject() =>
        Assert.Equal("""{"secret":"a"}""", Valid("", "config:\n  aws:x:\n    secret: a\n").Get("aws:x"));

    // config.go validateStackConfigValue: a key declared `secret: true` must hold a secure value; the test of that
    // rule in pulumi/pulumi is config_project_test.go, which expects exactly this sentence from the CLI.
    private const string SecretNumber = "config:\n  importantNumber:\n    type: integer\n    secret: true\n";

    [Fact]
    public void ASecretKeyInPlainTextIsRefusedWithTheClisSentence()
    {
        var error = Invalid(SecretNumber, "config:\n  demo:importantNumber: 20\n");
        Assert.Equal("demo:importantNumber", error.Key);
        Assert.Equal(
            "is declared secret in Pulumi.yaml, but Pulumi.dev.yaml holds it in plain text (the Pulumi CLI stops with "
            + "\"Stack 'dev' with configuration key 'importantNumber' must be encrypted as it's secret\"). "
            + "Set it with: pulumi config set --secret importantNumber <value>",
            error.Message);
    }

    [Fact]
    public void ASecretKeyThatIsEncryptedIsAccepted() =>
        Assert.Equal("[secret]", Valid(SecretNumber, "config:\n  demo:importantNumber:\n    secure: AAABAJ2v\n").Get("demo:importantNumber"));

    // Offline the value cannot be decrypted, so its type is the CLI's to check: "[secret]" is no integer, yet passes.
    [Fact]
    public void AnEncryptedValueIsNotTypeChecked() =>
        Assert.Equal("[secret]", Valid("config:\n  count:\n    type: integer\n", "config:\n  demo:count:\n    secure: AAABAJ2v\n").Get("demo:count"));

    // mergeConfig sets the project's default on the stack config as a plain value before validateStackConfigValues runs.
    [Fact]
    public void ASecretKeyLeftToItsPlainDefaultIsRefused()
    {
        var error = Invalid("config:\n  token:\n    type: string\n    secret: true\n    default: abc\n", "config: {}\n");
        Assert.Equal("demo:token", error.Key);
        Assert.Equal(
            "is declared secret in Pulumi.yaml, but Pulumi.dev.yaml does not set it, so its default from Pulumi.yaml would be used in plain text "
            + "(the Pulumi CLI stops with \"Stack 'dev' with configuration key 'token' must be encrypted as it's secret\"). "
            + "Set it with: pulumi config set --secret token <value>",
            error.Message);
    }

    // The secret check sits inside IsExplicitlyTyped in validateStackConfigValues: an untyped declaration is not checked.
    [Fact]
    public void AnUntypedSecretDeclarationIsNotChecked()
    {
        Assert.Equal("20", Valid("config:\n  importantNumber:\n    secret: true\n", "config:\n  demo:importantNumber: 20\n").Get("demo:importantNumber"));
        Assert.Equal("abc", Valid("config:\n  token:\n    secret: true\n    default: abc\n", "config: {}\n").Get("demo:token"));
    }

    [Fact]
    public void ATypedKeyThatIsNotSecretMayBePlain() =>
        Assert.Equal("20", Valid("config:\n  importantNumber:\n    type: integer\n    secret: false\n", "config:\n  demo:importantNumber: 20\n").Get("demo:importantNumber"));

    // project.go ProjectStack: config, environment, secretsprovider, encryptedkey, encryptionsalt.
    [Fact]
    public void TheTopLevelKeysOfAStackFileAreTheClis()
    {
        Assert.Equal(["config", "environment", "secretsprovider", "encryptedkey", "encryptionsalt"], PulumiStack.TopLevelKeys);
        Valid("", "config: {}\nenvironment: [shared]\nsecretsprovider: passphrase\nencryptedkey: abc\nencryptionsalt: v1:abc\n");
    }

    [Fact]
    public void AnUnknownTopLevelKeyIsRefusedWithASuggestion()
    {
        var error = Invalid("", "confg:\n  aws:region: us-west-2\n");
        Assert.Equal("Pulumi.dev.yaml: confg", error.Key);
        Assert.Equal(
            "unknown top-level key 'confg'. Did you mean 'config'? Known keys here: config, environment, secretsprovider, encryptedkey, encryptionsalt."
            + " The Pulumi CLI ignores it silently, so the settings under it would not apply.",
            error.Message);
    }

    [Theory]
    [InlineData("- config\n", "a list")]
    [InlineData("just text\n", "the scalar 'just text'")]
    [InlineData("5\n", "the scalar '5'")]
    public void AFileThatIsNotAMappingIsRefused(string text, string shown)
    {
        var project = new PulumiProject("demo", [], null);
        var errors = new ErrorSink();
        Assert.Null(PulumiStack.Merge(project, "dev", text, errors));
        var error = Assert.Single(errors.Errors);
        Assert.Equal(StackFile, error.Key);
        Assert.Equal($"must be a mapping with a 'config:' section, not {shown} (the Pulumi CLI: \"expected project to be an object\").", error.Message);
    }

    [Fact]
    public void AMappingWithoutConfigSetsNothing() =>
        Assert.Equal("small", Valid("config:\n  size: small\n", "{}\n").Get("demo:size"));

    [Theory]
    [InlineData("config: [a]\n", "a list")]
    [InlineData("config: text\n", "the scalar 'text'")]
    [InlineData("config:\n", "an empty value")]
    public void AConfigThatIsNotAMappingIsRefused(string text, string shown)
    {
        var error = Invalid("", text);
        Assert.Equal("Pulumi.dev.yaml: config", error.Key);
        Assert.Equal($"must be a mapping of config keys to values, not {shown}.", error.Message);
    }

    [Fact]
    public void TextThatIsNotYamlIsRefused()
    {
        var error = Invalid("", "config: [\n");
        Assert.StartsWith("Pulumi.dev.yaml:", error.Key, StringComparison.Ordinal);
        Assert.StartsWith("is not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyWithoutAValueIsRefused()
    {
        var error = Invalid("config:\n  size: small\n", "config:\n  size:\n");
        Assert.Equal("demo:size", error.Key);
        Assert.Equal("has no value in Pulumi.dev.yaml; remove the line to use the default, or give it a value (the Pulumi CLI warns \"No value for configuration key\").", error.Message);
    }

    // key.go ParseKey: namespace:name, or namespace:config:name for older files; anything else is not a key.
    [Theory]
    [InlineData("aws:config:region", "aws:region")]
    [InlineData("demo:config:size", "demo:size")]
    public void TheOlderSpellingOfAKeyIsRead(string written, string key) =>
        Assert.Equal("x", Valid("", $"config:\n  {written}: x\n").Get(key));

    [Theory]
    [InlineData("a:b:c")]
    [InlineData(":config:region")]
    [InlineData("aws:config:")]
    [InlineData("aws:config:region:x")]
    [InlineData("aws::region")]
    public void KeysWithMoreColonsAreRefused(string written)
    {
        var error = Invalid("", $"config:\n  {written}: x\n");
        Assert.Equal($"Pulumi.dev.yaml: config.{written}", error.Key);
        Assert.Equal("is not a config key; write <namespace>:<name> (the Pulumi CLI: \"could not parse as a configuration key\").", error.Message);
    }

    [Fact]
    public void EveryBadKeyIsReported()
    {
        var (_, errors) = Merge("", "config:\n  a:b:c: 1\n  aws:x:\n  d:e:f: 2\n");
        Assert.Equal(["Pulumi.dev.yaml: config.a:b:c", "aws:x", "Pulumi.dev.yaml: config.d:e:f"], errors.Select(error => error.Key));
    }

    [Fact]
    public void AStackThatSetsAKeyWithTheWrongTypeAndMissesAnotherGetsBothErrors()
    {
        var (_, errors) = Merge("config:\n  a:\n    type: integer\n  b:\n    type: string\n", "config:\n  a: x\n");
        Assert.Equal(["demo:a", "demo:b"], errors.Select(error => error.Key));
    }
}
