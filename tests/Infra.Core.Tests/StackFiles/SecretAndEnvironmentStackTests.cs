using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// Encrypted values and Pulumi ESC imports in a stack file, read offline where nothing can decrypt or open them.
/// The stack files are shaped as the Pulumi CLI writes them (pulumi/pulumi at tag v3.259.0):
/// <list type="bullet">
/// <item><c>pulumi config set --secret --path a.b X</c> stores <c>b: {secure: v1:...}</c> inside the key's object, at
/// any depth (sdk/go/common/resource/config/object.go: Set, marshalObjectValue; unmarshalObject and isSecureValue read
/// a mapping with the one string key "secure" as a secret); the CLI's own cases are
/// sdk/go/common/resource/config/testdata/repr/12.yaml, 13.yaml and 14.yaml, whose .expected.yaml give the
/// redacted JSON, the paths and whether each is secure;</item>
/// <item>the engine lists a whole key as secret when any value in it is (map.go SecureKeys, object.go Secure);</item>
/// <item><c>environment:</c> is a list of ESC environment names or an inline definition with <c>imports:</c>
/// (sdk/go/common/workspace/project.go, Environment), and the environment's values merge under the stack's
/// (pkg/workspace/config.go, mergeConfig: "Prefers stack values over env values").</item>
/// </list>
/// </summary>
public class SecretAndEnvironmentStackTests
{
    private const string Header = "name: demo\nruntime: dotnet\n";

    private static (MergedStack? Merged, IReadOnlyList<SettingsError> Errors) Read(string projectConfig, string stackText, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var errors = new ErrorSink();
        var project = PulumiProject.Parse(Header + projectConfig, errors);
        Assert.Empty(errors.Errors);
        var merged = PulumiStack.Read(project!, "dev", stackText, errors, overrides);
        return (merged, errors.Errors);
    }

    private static MergedStack Valid(string projectConfig, string stackText, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var (merged, errors) = Read(projectConfig, stackText, overrides);
        Assert.Empty(errors);
        return merged!;
    }

    // repr/12.yaml and 13.yaml with their "redacted" strings and secure paths from 12.expected.yaml and 13.expected.yaml.
    [Theory]
    [InlineData("config:\n  my:mapKey:\n    a:\n      secure: securevalue\n    c: d\n", "my:mapKey", """{"a":"[secret]","c":"d"}""", "my:mapKey.a")]
    [InlineData("config:\n  my:servers:\n  - host: example\n    port: 80\n    token:\n      secure: securevalue\n", "my:servers", """[{"host":"example","port":80,"token":"[secret]"}]""", "my:servers[0].token")]
    public void ANestedSecretReadsAsTheClisRedactedFormAndMakesItsKeySecret(string stack, string key, string redacted, string path)
    {
        var config = Valid("", stack).Config;
        Assert.Equal(redacted, config.Get(key));
        Assert.Equal([key], config.SecretKeys);
        Assert.Equal([path], config.EncryptedPaths);
    }

    // repr/14.yaml: a mapping with "secure" and another key is not a secret (14.expected.yaml: secure: false).
    [Fact]
    public void AMappingWithSecureAndAnotherKeyIsNoSecret()
    {
        var config = Valid("", "config:\n  my:mapKey:\n    a:\n      bar: blah\n      secure: foo\n    c: d\n").Config;
        Assert.Equal("""{"a":{"bar":"blah","secure":"foo"},"c":"d"}""", config.Get("my:mapKey"));
        Assert.Empty(config.SecretKeys);
        Assert.Empty(config.EncryptedPaths);
    }

    // isSecureValue wants a string under "secure".
    [Fact]
    public void ASecureKeyHoldingANumberIsNoSecret()
    {
        var config = Valid("", "config:\n  my:x:\n    secure: 5\n").Config;
        Assert.Equal("""{"secure":5}""", config.Get("my:x"));
        Assert.Empty(config.SecretKeys);
    }

    [Fact]
    public void NoCiphertextReachesTheConfig()
    {
        const string Ciphertext = "v1:Zm9vYmFyYmF6cXV4cXV1eA==";
        var config = Valid("config:\n  app:\n    type: object\n    default: {}\n",
            $"encryptionsalt: v1:abc\nconfig:\n  demo:app:\n    knowledgeBaseId:\n      secure: {Ciphertext}\n  aws:token:\n    secure: {Ciphertext}\n").Config;
        Assert.DoesNotContain(config.Values.Values, value => value.Contains("Zm9vYmFy", StringComparison.Ordinal));
        Assert.Equal("""{"knowledgeBaseId":"[secret]"}""", config.Get("demo:app"));
    }

    // An object key whose nested secret is set with --path still has the declared type: the CLI checks the decrypted
    // object (config.go validateStackConfigValue), and its shape is known offline.
    [Fact]
    public void AnObjectWithANestedSecretPassesTheObjectTypeCheck() =>
        Assert.Equal("demo:app", Assert.Single(Valid("config:\n  app:\n    type: object\n    default: {}\n", "config:\n  demo:app:\n    id:\n      secure: v1:abc\n").Config.SecretKeys));

    [Fact]
    public void AKeyEncryptedWholeWithADefaultIsPlannedWithTheDefault()
    {
        var merged = Valid("config:\n  app:\n    type: object\n    default: {}\n", "config:\n  demo:app:\n    secure: v1:abc\n");
        Assert.Equal("{}", merged.Config.Get("demo:app"));
        Assert.Equal(["demo:app"], merged.Config.EncryptedPaths);
        Assert.Equal(["demo:app"], merged.Config.SecretKeys);
        Assert.Empty(merged.Hidden);
    }

    [Fact]
    public void AKeyEncryptedWholeWithNothingToStandInForItIsHidden()
    {
        var merged = Valid("", "config:\n  aws:region:\n    secure: v1:abc\n");
        var hidden = Assert.Single(merged.Hidden);
        Assert.Equal("aws:region", hidden.Key);
        Assert.Contains("holds it encrypted", hidden.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("environment:\n  - aws-dev\n  - shared\n", new[] { "aws-dev", "shared" })]
    [InlineData("environment:\n  imports:\n    - aws-dev\n    - shared: {merge: false}\n", new[] { "aws-dev", "shared" })]
    [InlineData("environment:\n  values:\n    pulumiConfig:\n      aws:region: us-west-2\n", new[] { "the values under environment: in Pulumi.dev.yaml" })]
    [InlineData("environment: []\n", new string[0])]
    public void TheImportedEnvironmentsAreNamed(string stack, string[] names) =>
        Assert.Equal(names, Valid("", stack).Environments);

    [Theory]
    [InlineData("environment: aws-dev\n", "Pulumi.dev.yaml: environment")]
    [InlineData("environment:\n  imports: [[a]]\n", "Pulumi.dev.yaml: environment.imports")]
    public void AnEnvironmentOfAnotherShapeIsRefused(string stack, string key)
    {
        var (merged, errors) = Read("", stack);
        Assert.Null(merged);
        Assert.Equal(key, Assert.Single(errors).Key);
    }

    // mergeConfig reports a key as missing only after the environment's values were merged in.
    [Fact]
    public void ARequiredKeyAnEnvironmentMaySetIsHiddenNotMissing()
    {
        var merged = Valid("config:\n  size:\n    type: string\n", "environment: [aws-dev]\n");
        var hidden = Assert.Single(merged.Hidden);
        Assert.Equal("demo:size", hidden.Key);
        Assert.Contains("aws-dev", hidden.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnEnvironmentARequiredKeyIsStillMissing() =>
        Assert.Equal("demo:size", Assert.Single(Read("config:\n  size:\n    type: string\n", "config: {}\n").Errors).Key);

    [Fact]
    public void ADeclaredSecretAnEnvironmentMaySetIsNotRefusedForItsPlainDefault() =>
        Assert.Empty(Read("config:\n  token:\n    type: string\n    secret: true\n    default: abc\n", "environment: [vault]\n").Errors);

    [Fact]
    public void CommandLineValuesStandInForHiddenOnesAndWinOverTheStackFile()
    {
        var merged = Valid("config:\n  size:\n    type: string\n  app:\n    type: object\n    default: {}\n",
            "environment: [aws-dev]\nconfig:\n  aws:region:\n    secure: v1:abc\n  demo:app:\n    a: 1\n",
            new Dictionary<string, string> { ["size"] = "big", ["aws:region"] = "eu-west-1", ["app"] = """{"b": 2}""" });
        Assert.Empty(merged.Hidden);
        Assert.Equal(("big", "eu-west-1", """{"b":2}"""), (merged.Config.Get("demo:size"), merged.Config.Get("aws:region"), merged.Config.Get("demo:app")));
        Assert.Equal(["aws:region", "demo:app", "demo:size"], merged.FromCommandLine);
    }

    [Fact]
    public void ACommandLineValueIsTypeChecked()
    {
        var (_, errors) = Read("config:\n  app:\n    type: object\n    default: {}\n", "", new Dictionary<string, string> { ["app"] = "5" });
        var error = Assert.Single(errors);
        Assert.Equal("demo:app", error.Key);
        Assert.StartsWith("'5' from --config is not of the declared type 'object'", error.Message, StringComparison.Ordinal);
    }
}
