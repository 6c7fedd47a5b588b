using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// The Pulumi CLI's config rules, case by case, as pulumi/pulumi implements them (read at tag v3.259.0):
/// pkg/workspace/config.go (mergeConfig: defaults and values fill unset keys, a project key with neither is
/// missing; validateStackConfigValue: stack values against declared types), sdk/go/common/workspace/project.go
/// (RewriteShorthandConfigValues, Project.Validate, ValidateConfigValue) and project.json (the declaration schema).
/// </summary>
public class PulumiConfigRulesTests
{
    private const string Header = "name: demo\nruntime: dotnet\n";

    private static (RawStackConfig? Config, IReadOnlyList<SettingsError> Errors) Merge(string projectConfig, string stackConfig)
    {
        var errors = new ErrorSink();
        var project = PulumiProject.Parse(Header + projectConfig, errors);
        var config = project is null ? null : PulumiStack.Merge(project, "dev", stackConfig, errors);
        return (errors.Errors.Count == 0 ? config : null, errors.Errors);
    }

    private static RawStackConfig Valid(string projectConfig, string stackConfig)
    {
        var (config, errors) = Merge(projectConfig, stackConfig);
        Assert.True(config is not null, string.Join(" | ", errors));
        return config;
    }

    private static SettingsError Invalid(string projectConfig, string stackConfig)
    {
        var (_, errors) = Merge(projectConfig, stackConfig);
        return Assert.Single(errors);
    }

    // mergeConfig: "if !foundOnStack && !hasValue && !hasDefault && key.Namespace() == projectName" → missing.
    [Fact]
    public void ADeclaredProjectKeyWithNoDefaultThatTheStackDoesNotSetIsMissing()
    {
        var error = Invalid("config:\n  size:\n    type: string\n", "config: {}\n");
        Assert.Equal("demo:size", error.Key);
        Assert.Contains("Stack 'dev' is missing configuration value 'size'", error.Message);
    }

    [Fact]
    public void EveryMissingKeyIsReportedNotJustTheFirst()
    {
        var (_, errors) = Merge("config:\n  a:\n    type: string\n  b:\n    type: object\n", "config: {}\n");
        Assert.Equal(["demo:a", "demo:b"], errors.Select(error => error.Key));
    }

    // mergeConfig: "if !foundOnStack && (hasValue || hasDefault)" → the stack gets the project's value.
    [Fact]
    public void ADefaultFillsAKeyTheStackDoesNotSet() =>
        Assert.Equal("small", Valid("config:\n  size:\n    type: string\n    default: small\n", "config: {}\n").Get("demo:size"));

    [Fact]
    public void AnObjectDefaultIsPassedAsJson() =>
        Assert.Equal("{}", Valid("config:\n  settings:\n    type: object\n    default: {}\n", "config: {}\n").Get("demo:settings"));

    [Fact]
    public void AValueFillsAKeyOfAnotherNamespace() =>
        Assert.Equal("us-west-2", Valid("config:\n  aws:region:\n    value: us-west-2\n", "").Get("aws:region"));

    [Fact]
    public void TheStackValueWinsOverTheDefault() =>
        Assert.Equal("large", Valid("config:\n  size:\n    type: string\n    default: small\n", "config:\n  demo:size: large\n").Get("demo:size"));

    // loaders.go stackConfigNamespacedWithProject: a stack key without a namespace belongs to the project.
    [Fact]
    public void AStackKeyWithoutNamespaceBelongsToTheProject() =>
        Assert.Equal("large", Valid("config:\n  size:\n    type: string\n    default: small\n", "config:\n  size: large\n").Get("demo:size"));

    // RewriteShorthandConfigValues: a primitive under a project key is its default, under another namespace its value.
    [Fact]
    public void ShorthandValuesAreDefaultsForProjectKeysAndValuesForOthers()
    {
        var config = Valid("config:\n  size: small\n  aws:region: eu-west-1\n", "config: {}\n");
        Assert.Equal("small", config.Get("demo:size"));
        Assert.Equal("eu-west-1", config.Get("aws:region"));
    }

    // mergeConfig only requires keys of the project's namespace.
    [Fact]
    public void AnUntypedDeclarationWithoutDefaultIsStillRequired()
    {
        var error = Invalid("config:\n  size:\n    description: how big\n", "");
        Assert.Equal("demo:size", error.Key);
    }

    // ValidateConfigValue, per type, on what validateStackConfigValue passes: text for scalars, decoded JSON for objects.
    [Theory]
    [InlineData("string", "small")]
    [InlineData("string", "5")]
    [InlineData("integer", "5")]
    [InlineData("integer", "-5")]
    [InlineData("integer", "'+7'")]
    [InlineData("boolean", "true")]
    [InlineData("boolean", "false")]
    [InlineData("object", "{a: 1}")]
    [InlineData("object", "{}")]
    public void StackValuesOfTheDeclaredTypeAreAccepted(string type, string stackValue) =>
        Assert.Equal("demo:key", Assert.Single(Valid($"config:\n  key:\n    type: {type}\n", $"config:\n  demo:key: {stackValue}\n").Values.Keys));

    [Theory]
    [InlineData("string", "{a: 1}")]
    [InlineData("string", "[a]")]
    [InlineData("integer", "5.5")]
    [InlineData("integer", "five")]
    [InlineData("integer", "{a: 1}")]
    [InlineData("boolean", "yes")]
    [InlineData("boolean", "1")]
    [InlineData("object", "[a]")]
    [InlineData("object", "small")]
    [InlineData("object", "'{}'")]
    public void StackValuesOfAnotherTypeAreRefusedNamingTheKey(string type, string stackValue)
    {
        var error = Invalid($"config:\n  key:\n    type: {type}\n", $"config:\n  demo:key: {stackValue}\n");
        Assert.Equal("demo:key", error.Key);
        Assert.Contains($"must be of type '{type}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a, b]", true)]
    [InlineData("[]", true)]
    [InlineData("[a, {b: 1}]", false)]
    [InlineData("a", false)]
    public void ArrayItemsMustMatchTheirType(string stackValue, bool accepted)
    {
        var (config, errors) = Merge("config:\n  names:\n    type: array\n    items:\n      type: string\n", $"config:\n  demo:names: {stackValue}\n");
        Assert.Equal(accepted, config is not null);
        Assert.Equal(accepted ? 0 : 1, errors.Count);
    }

    // Project.Validate.
    [Theory]
    [InlineData("config:\n  size:\n    type: integer\n    default: big\n", "not of the expected type 'integer'")]
    [InlineData("config:\n  settings:\n    type: object\n    default: [a]\n", "not of the expected type 'object'")]
    [InlineData("config:\n  size:\n    default: a\n    value: b\n", "both a 'default' and 'value'")]
    [InlineData("config:\n  names:\n    type: array\n", "'items' attribute")]
    [InlineData("config:\n  aws:region:\n    type: string\n    value: us-west-2\n", "should not define a type")]
    [InlineData("config:\n  aws:region:\n    default: us-west-2\n", "should not define a default")]
    [InlineData("config:\n  aws:region:\n    description: where\n", "must provide an attribute 'value'")]
    [InlineData("config:\n  size:\n    type: number\n", "not a config type")]
    [InlineData("config:\n  size:\n    kind: string\n", "not part of a config declaration")]
    public void TheProjectFileFollowsTheCliRules(string projectConfig, string expected)
    {
        var (config, errors) = Merge(projectConfig, "");
        Assert.Null(config);
        Assert.Contains(errors, error => error.Key.StartsWith("Pulumi.yaml", StringComparison.Ordinal) && error.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AProjectWithoutANameIsRefused()
    {
        var errors = new ErrorSink();
        Assert.Null(PulumiProject.Parse("runtime: dotnet\n", errors));
        Assert.Contains("'name'", Assert.Single(errors.Errors).Message);
    }

    // yaml.v3 (gopkg.in/yaml.v3 decode.go, decoder.merge): "<<" merges a mapping in; the mapping's own keys win.
    // The JSON the engine passes comes from Go's encoding/json, which sorts map keys.
    [Fact]
    public void MergeKeysBehaveAsInTheCli()
    {
        var config = Valid("config:\n  collector:\n    type: object\n    default: {}\n", """
            config:
              demo:shared: &base
                minSize: 1
                maxSize: 2
              demo:collector:
                <<: *base
                maxSize: 3
            """);
        Assert.Equal("""{"maxSize":3,"minSize":1}""", config.Get("demo:collector"));
    }
}
