using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Core.Tests.StackFiles;

/// <summary>
/// Reading Pulumi.yaml as the Pulumi CLI does (pulumi/pulumi at tag v3.259.0): sdk/go/common/workspace/project.go
/// (ValidateProject, RewriteShorthandConfigValues, Project.Validate, configKeyIsNamespacedByProject,
/// InferFullTypeName) and sdk/go/common/workspace/project.json (the schema: configTypeDeclaration, simpleConfigType).
/// </summary>
public class PulumiProjectTests
{
    private const string Header = "name: demo\nruntime: dotnet\n";

    private static (PulumiProject? Project, IReadOnlyList<SettingsError> Errors) Parse(string text)
    {
        var errors = new ErrorSink();
        var project = PulumiProject.Parse(text, errors);
        return (project, errors.Errors);
    }

    private static PulumiProject Valid(string text)
    {
        var (project, errors) = Parse(text);
        Assert.Empty(errors);
        return project!;
    }

    private static ConfigDeclaration Declaration(string config) => Assert.Single(Valid(Header + config).Config);

    private static SettingsError Invalid(string text)
    {
        var (_, errors) = Parse(text);
        return Assert.Single(errors);
    }

    [Fact]
    public void TheNameAndDeclarationsAreRead()
    {
        var project = Valid(Header + "config:\n  a: 1\n  b: 2\n");
        Assert.Equal("demo", project.Name);
        Assert.Equal(["a", "b"], project.Config.Select(declaration => declaration.Key));
    }

    [Fact]
    public void NoConfigSectionMeansNoDeclarations() => Assert.Empty(Valid(Header).Config);

    [Fact]
    public void AnEmptyConfigSectionMeansNoDeclarations() => Assert.Empty(Valid(Header + "config:\n").Config);

    [Fact]
    public void RequiredPulumiVersionIsRead()
    {
        Assert.Equal(">=3.100.0", Valid(Header + "requiredPulumiVersion: '>=3.100.0'\n").RequiredPulumiVersion);
        Assert.Null(Valid(Header).RequiredPulumiVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    public void AnEmptyFileIsRefused(string text)
    {
        var error = Invalid(text);
        Assert.Equal("Pulumi.yaml", error.Key);
        Assert.Equal("is empty; it needs at least name and runtime.", error.Message);
    }

    // project.go SimplifyMarshalledProject.
    [Theory]
    [InlineData("- name\n")]
    [InlineData("demo\n")]
    public void AFileThatIsNotAMappingIsRefused(string text)
    {
        var error = Invalid(text);
        Assert.Equal("Pulumi.yaml", error.Key);
        Assert.Equal("must be a mapping (name:, runtime:, config:); the Pulumi CLI: \"expected project to be an object\".", error.Message);
    }

    [Fact]
    public void AFileThatIsNotYamlGivesOnlyTheYamlError()
    {
        var error = Invalid("name: [demo\n");
        Assert.StartsWith("Pulumi.yaml:", error.Key, StringComparison.Ordinal);
        Assert.StartsWith("is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    // project.go ValidateProject: "project is missing a non-empty string 'name' attribute".
    [Theory]
    [InlineData("runtime: dotnet\n")]
    [InlineData("name: ''\nruntime: dotnet\n")]
    [InlineData("name: 5\nruntime: dotnet\n")]
    [InlineData("name: [demo]\nruntime: dotnet\n")]
    [InlineData("name:\nruntime: dotnet\n")]
    public void TheNameMustBeANonEmptyString(string text)
    {
        var error = Invalid(text);
        Assert.Equal("Pulumi.yaml: name", error.Key);
        Assert.Equal("required: a non-empty string (the Pulumi CLI: \"project is missing a non-empty string 'name' attribute\").", error.Message);
    }

    [Theory]
    [InlineData("config: [a]\n")]
    [InlineData("config: 5\n")]
    public void AConfigSectionThatIsNotAMappingIsRefused(string config)
    {
        var error = Invalid(Header + config);
        Assert.Equal("Pulumi.yaml: config", error.Key);
        Assert.Equal("must be a mapping of config keys to their declarations.", error.Message);
    }

    // RewriteShorthandConfigValues: string, int, bool and arrays are shorthand; a project key's default, another namespace's value.
    [Theory]
    [InlineData("size: small", "\"small\"")]
    [InlineData("size: 5", "5")]
    [InlineData("size: true", "true")]
    [InlineData("size: [a, 1]", "[\"a\",1]")]
    [InlineData("demo:size: small", "\"small\"")]
    public void AShorthandProjectKeyIsADefault(string line, string json)
    {
        var declaration = Declaration($"config:\n  {line}\n");
        Assert.True(declaration.HasDefault);
        Assert.Equal(json, declaration.Default!.ToJsonString());
        Assert.False(declaration.HasValue);
        Assert.Null(declaration.Value);
        Assert.Null(declaration.Type);
        Assert.False(declaration.IsExplicitlyTyped);
    }

    [Theory]
    [InlineData("aws:region: us-west-2", "\"us-west-2\"")]
    [InlineData("other:size: 5", "5")]
    [InlineData("demo2:size: [a]", "[\"a\"]")]
    public void AShorthandKeyOfAnotherNamespaceIsAValue(string line, string json)
    {
        var declaration = Declaration($"config:\n  {line}\n");
        Assert.True(declaration.HasValue);
        Assert.Equal(json, declaration.Value!.ToJsonString());
        Assert.False(declaration.HasDefault);
        Assert.Null(declaration.Default);
    }

    // project.json: a config entry is a string, an integer, a boolean, an array or a configTypeDeclaration.
    [Theory]
    [InlineData("size:")]
    [InlineData("size: ~")]
    [InlineData("size: 0.5")]
    [InlineData("aws:region: 1.5")]
    public void AShorthandThatIsNotStringIntegerBooleanOrListIsRefused(string line)
    {
        var error = Invalid(Header + $"config:\n  {line}\n");
        Assert.Equal($"Pulumi.yaml: config.{line[..line.LastIndexOf(':')]}", error.Key);
        Assert.Equal("a shorthand value must be a string, an integer, a boolean or a list (pulumi/pulumi project.json).", error.Message);
    }

    [Fact]
    public void EveryPartOfADeclarationIsRead()
    {
        var declaration = Declaration("config:\n  names:\n    type: array\n    items:\n      type: string\n    description: who\n    secret: true\n    default: [a]\n");
        Assert.Equal("names", declaration.Key);
        Assert.Equal(ConfigType.Array, declaration.Type);
        Assert.Equal(ConfigType.String, declaration.Items!.Type);
        Assert.Null(declaration.Items.Items);
        Assert.Equal("who", declaration.Description);
        Assert.True(declaration.Secret);
        Assert.True(declaration.HasDefault);
        Assert.Equal("[\"a\"]", declaration.Default!.ToJsonString());
        Assert.False(declaration.HasValue);
        Assert.True(declaration.IsExplicitlyTyped);
    }

    [Fact]
    public void ADeclarationWithoutTypeHasNeitherTypeNorExtras()
    {
        var declaration = Declaration("config:\n  aws:region:\n    value: us-west-2\n");
        Assert.Null(declaration.Type);
        Assert.Null(declaration.Items);
        Assert.Null(declaration.Description);
        Assert.False(declaration.Secret);
        Assert.True(declaration.HasValue);
        Assert.Equal("\"us-west-2\"", declaration.Value!.ToJsonString());
        Assert.False(declaration.HasDefault);
    }

    [Theory]
    [InlineData("secret: false")]
    [InlineData("secret: 'true'")]
    public void OnlyTheBooleanTrueMakesASecret(string line) =>
        Assert.False(Declaration($"config:\n  size:\n    default: a\n    {line}\n").Secret);

    [Fact]
    public void ADescriptionThatIsNotTextIsNotADescription() =>
        Assert.Null(Declaration("config:\n  size:\n    default: a\n    description: [a]\n").Description);

    // Project.Validate and mergeConfig test "Default != nil" and "Value != nil": an empty default is no default.
    [Theory]
    [InlineData("default:")]
    [InlineData("default: ~")]
    [InlineData("type: integer\n    default: ~")]
    public void AnEmptyDefaultIsNoDefault(string lines)
    {
        var declaration = Declaration($"config:\n  size:\n    {lines}\n");
        Assert.False(declaration.HasDefault);
        Assert.Null(declaration.Default);
    }

    [Fact]
    public void AnEmptyDefaultBesideAValueIsNotBoth()
    {
        var declaration = Declaration("config:\n  size:\n    default: ~\n    value: b\n");
        Assert.True(declaration.HasValue);
        Assert.Equal("\"b\"", declaration.Value!.ToJsonString());
    }

    [Fact]
    public void AnEmptyValueOfAnotherNamespaceIsNoValue()
    {
        var error = Invalid(Header + "config:\n  aws:region:\n    value: ~\n");
        Assert.Equal("is namespaced and must provide an attribute 'value'.", error.Message);
    }

    // project.json simpleConfigType: string, integer, boolean, array, object.
    [Theory]
    [InlineData("string", ConfigType.String)]
    [InlineData("integer", ConfigType.Integer)]
    [InlineData("boolean", ConfigType.Boolean)]
    [InlineData("object", ConfigType.Object)]
    public void TheSimpleConfigTypesAreKnown(string name, ConfigType type) =>
        Assert.Equal(type, Declaration($"config:\n  key:\n    type: {name}\n").Type);

    [Theory]
    [InlineData("number", "number")]
    [InlineData("String", "String")]
    [InlineData("5", "5")]
    [InlineData("[string]", "[\"string\"]")]
    public void OtherTypesAreRefusedNamingTheAllowedOnes(string type, string shown)
    {
        var error = Invalid(Header + $"config:\n  key:\n    type: {type}\n");
        Assert.Equal("Pulumi.yaml: config.key", error.Key);
        Assert.Equal($"type '{shown}' is not a config type; allowed: string, integer, boolean, array, object.", error.Message);
    }

    [Fact]
    public void AnUnknownItemTypeIsRefusedWhereItStands()
    {
        var (_, errors) = Parse(Header + "config:\n  key:\n    type: array\n    items:\n      type: list\n");
        Assert.Equal(
            [
                ("Pulumi.yaml: config.key.items", "type 'list' is not a config type; allowed: string, integer, boolean, array, object."),
                ("Pulumi.yaml: config.key", "declares an array but does not specify the underlying type via the 'items' attribute."),
            ],
            errors.Select(error => (error.Key, error.Message)));
    }

    [Fact]
    public void AnUnknownNestedItemTypeIsRefusedWhereItStands()
    {
        var (_, errors) = Parse(Header + "config:\n  key:\n    type: array\n    items:\n      type: array\n      items:\n        type: list\n");
        Assert.Contains(errors, error => error.Key == "Pulumi.yaml: config.key.items.items" && error.Message.StartsWith("type 'list'", StringComparison.Ordinal));
    }

    [Fact]
    public void NestedItemTypesAreRead()
    {
        var declaration = Declaration("config:\n  key:\n    type: array\n    items:\n      type: array\n      items:\n        type: integer\n");
        Assert.Equal(ConfigType.Array, declaration.Items!.Type);
        Assert.Equal(ConfigType.Integer, declaration.Items.Items!.Type);
        Assert.Equal("array<array<integer>>", declaration.TypeName);
    }

    // project.go InferFullTypeName.
    [Theory]
    [InlineData("type: string", "string")]
    [InlineData("type: integer", "integer")]
    [InlineData("type: boolean", "boolean")]
    [InlineData("type: object", "object")]
    [InlineData("type: array\n    items:\n      type: boolean", "array<boolean>")]
    [InlineData("description: untyped", "string")]
    public void TypeNamesAreTheClis(string lines, string typeName) =>
        Assert.Equal(typeName, Declaration($"config:\n  key:\n    {lines}\n").TypeName);

    [Fact]
    public void EveryUnknownAttributeIsRefusedNamingTheAllowedOnes()
    {
        var (_, errors) = Parse(Header + "config:\n  key:\n    kind: string\n    default: a\n    hint: b\n");
        Assert.Equal(
            [
                "'kind' is not part of a config declaration; allowed: type, items, description, secret, default, value (pulumi/pulumi project.json, configTypeDeclaration).",
                "'hint' is not part of a config declaration; allowed: type, items, description, secret, default, value (pulumi/pulumi project.json, configTypeDeclaration).",
            ],
            errors.Select(error => error.Message));
        Assert.All(errors, error => Assert.Equal("Pulumi.yaml: config.key", error.Key));
    }

    // Project.Validate, each message as the CLI words it.
    [Theory]
    [InlineData("size:\n    default: a\n    value: b", "size", "cannot have both a 'default' and 'value' attribute.")]
    [InlineData("names:\n    type: array", "names", "declares an array but does not specify the underlying type via the 'items' attribute.")]
    [InlineData("names:\n    type: array\n    items: {}", "names", "declares an array but does not specify the underlying type via the 'items' attribute.")]
    [InlineData("names:\n    type: array\n    items:\n      type: string\n    default: a", "names", "the default value is not of the expected type 'array<string>'.")]
    [InlineData("size:\n    type: integer\n    default: 5.5", "size", "the default value is not of the expected type 'integer'.")]
    [InlineData("size:\n    type: string\n    default: 5", "size", "the default value is not of the expected type 'string'.")]
    [InlineData("demo:size:\n    type: boolean\n    default: yes", "demo:size", "the default value is not of the expected type 'boolean'.")]
    [InlineData("aws:region:\n    type: string\n    value: us-west-2", "aws:region", "is not namespaced by the project and should not define a type.")]
    [InlineData("aws:region:\n    default: us-west-2", "aws:region", "is not namespaced by the project and should not define a default value; use 'value'.")]
    [InlineData("aws:region:\n    description: where", "aws:region", "is namespaced and must provide an attribute 'value'.")]
    public void TheProjectRulesAreTheClis(string declaration, string key, string message)
    {
        var error = Invalid(Header + $"config:\n  {declaration}\n");
        Assert.Equal($"Pulumi.yaml: config.{key}", error.Key);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AKeyOfAnotherNamespaceWithBothTypeAndDefaultGetsBothErrors()
    {
        var (_, errors) = Parse(Header + "config:\n  aws:region:\n    type: string\n    default: us-west-2\n");
        Assert.Equal(
            ["is not namespaced by the project and should not define a type.", "is not namespaced by the project and should not define a default value; use 'value'."],
            errors.Select(error => error.Message));
    }

    [Fact]
    public void EveryBrokenDeclarationIsReportedAndTheProjectIsStillRead()
    {
        var (project, errors) = Parse(Header + "config:\n  a:\n    type: number\n  b:\n    default: 1\n  c:\n    default: x\n    value: y\n");
        Assert.Equal(["Pulumi.yaml: config.a", "Pulumi.yaml: config.c"], errors.Select(error => error.Key));
        Assert.Equal(["b"], project!.Config.Select(declaration => declaration.Key));
    }

    // Project.Validate checks a default's type only when a type is declared.
    [Theory]
    [InlineData("size:\n    default: [a]")]
    [InlineData("size:\n    type: integer\n    default: 5")]
    [InlineData("size:\n    type: integer\n    default: 5.0")]
    [InlineData("size:\n    type: integer\n    default: '-7'")]
    [InlineData("size:\n    type: boolean\n    default: 'false'")]
    [InlineData("size:\n    type: boolean\n    default: true")]
    [InlineData("size:\n    type: object\n    default: {a: [1]}")]
    [InlineData("size:\n    type: array\n    items:\n      type: integer\n    default: [1, 2.0, '3']")]
    [InlineData("size:\n    type: array\n    items:\n      type: array\n      items:\n        type: string\n    default: [[a], []]")]
    [InlineData("aws:region:\n    value: 5")]
    public void DefaultsOfTheDeclaredTypeAreAccepted(string declaration) =>
        Assert.Single(Valid(Header + $"config:\n  {declaration}\n").Config);

    // configKeyIsNamespacedByProject.
    [Theory]
    [InlineData("size", true)]
    [InlineData("demo:size", true)]
    [InlineData("aws:region", false)]
    [InlineData("demo2:size", false)]
    [InlineData("dem:size", false)]
    public void AKeyBelongsToTheProjectWithoutNamespaceOrWithTheProjects(string key, bool owned) =>
        Assert.Equal(owned, new PulumiProject("demo", [], null).OwnsKey(key));

    [Theory]
    [InlineData("size", "demo:size")]
    [InlineData("demo:size", "demo:size")]
    [InlineData("aws:region", "aws:region")]
    public void AKeyWithoutNamespaceGetsTheProjects(string key, string qualified) =>
        Assert.Equal(qualified, new PulumiProject("demo", [], null).Qualify(key));
}
