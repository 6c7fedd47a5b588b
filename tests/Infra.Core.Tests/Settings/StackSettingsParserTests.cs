using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// The top level of a stack's configuration: which keys and namespaces exist, environment, profile and iamMode, and
/// objects that are not JSON. Messages are asserted whole: they are what a user reads (docs/plan.md, "How errors look").
/// </summary>
public class StackSettingsParserTests
{
    private static RawStackConfig Raw(string stack, params (string Key, string Value)[] values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        map.TryAdd("aws:region", "us-west-2");
        map.TryAdd("aws-native:region", "us-west-2");
        return new RawStackConfig(stack, map);
    }

    private static string Message(IReadOnlyList<SettingsError> errors, string key) => TestStacks.Single(errors, key).Message;

    [Fact]
    public void AMisspeltProjectKeyNamesTheNearestAndEveryKnownKey()
    {
        // docs/plan.md shows this message under "How errors look".
        var errors = TestStacks.Errors("dev", ("samplng", "{}"));
        Assert.Equal(
            "unknown key 'adot-tracing:samplng'. Did you mean 'sampling'? Known keys here: kind, foundation, environment, profile, iamMode, collector, lambda, app, api, sampling, traffic, transactionSearch, applicationSignals, tags, alerts, slo.",
            Message(errors, "adot-tracing:samplng"));
    }

    [Fact]
    public void AMisspeltNamespaceNamesTheNearestAndEveryKnownNamespace()
    {
        var result = TestStacks.ParseRaw(Raw("dev", ("adot-tracng:collector", "{}")));
        Assert.Equal(
            "unknown config namespace 'adot-tracng'. Did you mean 'adot-tracing'? Known namespaces: adot-tracing, aws, aws-native, pulumi.",
            Message(result.Errors, "adot-tracng:collector"));
    }

    [Fact]
    public void AKeyWithoutANamespaceIsItsOwnUnknownNamespace()
    {
        var result = TestStacks.ParseRaw(Raw("dev", ("collector", "{}")));
        Assert.Equal(
            "unknown config namespace 'collector'. Known namespaces: adot-tracing, aws, aws-native, pulumi.",
            Message(result.Errors, "collector"));
    }

    [Fact]
    public void AKeyStartingWithAColonHasAnEmptyNamespace()
    {
        var result = TestStacks.ParseRaw(Raw("dev", (":collector", "{}")));
        Assert.Equal(
            "unknown config namespace ''. Known namespaces: adot-tracing, aws, aws-native, pulumi.",
            Message(result.Errors, ":collector"));
    }

    [Theory]
    [InlineData("aws:profile")]
    [InlineData("aws-native:skipCredentialsValidation")]
    [InlineData("pulumi:tags")]
    public void KeysOfTheProvidersAndTheEngineAreAccepted(string key)
    {
        var result = TestStacks.ParseRaw(Raw("dev", (key, "x")));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void UnknownKeysAreReportedInOrdinalOrder()
    {
        var result = TestStacks.ParseRaw(Raw("dev", ("zeta:b", "1"), ("adot-tracing:zz", "1"), ("alpha:a", "1"), ("adot-tracing:aa", "1")));
        Assert.Equal(["adot-tracing:aa", "adot-tracing:zz", "alpha:a", "zeta:b"], result.Errors.Select(error => error.Key));
    }

    [Fact]
    public void WithoutAnEnvironmentAStackNameThatIsNoneSaysHowToSetIt()
    {
        var errors = TestStacks.Errors("feature-x");
        Assert.Equal(
            "not set, and the stack name 'feature-x' is not an environment name; allowed: dev, staging, prod. Set it with: pulumi config set environment <dev|staging|prod>",
            Message(errors, "adot-tracing:environment"));
    }

    [Fact]
    public void AnEmptyEnvironmentMeansTheStackNameDecides() =>
        Assert.Equal(DeploymentEnvironment.Staging, TestStacks.Settings("staging", ("environment", "")).Environment);

    [Fact]
    public void AnUnknownEnvironmentListsTheAllowedOnes()
    {
        var errors = TestStacks.Errors("dev", ("environment", "qa"));
        Assert.Equal("'qa' is not an environment; allowed: dev, staging, prod.", Message(errors, "adot-tracing:environment"));
    }

    [Fact]
    public void AnEnvironmentOtherThanTheStackNameChoosesThePresets()
    {
        var settings = TestStacks.Settings("dev", ("environment", "prod"));
        Assert.Equal(DeploymentEnvironment.Prod, settings.Environment);
        Assert.Equal("prod", settings.Api.StageName);
    }

    [Fact]
    public void AMisspeltProfileSuggestsTheNearest()
    {
        var errors = TestStacks.Errors("dev", ("profile", "articel"));
        Assert.Equal("'articel' is not allowed; allowed: recommended, article. Did you mean 'article'?", Message(errors, "adot-tracing:profile"));
    }

    [Fact]
    public void AnUnknownProfileWithNothingNearListsTheAllowedOnes()
    {
        var errors = TestStacks.Errors("dev", ("profile", "x"));
        Assert.Equal("'x' is not allowed; allowed: recommended, article.", Message(errors, "adot-tracing:profile"));
    }

    [Fact]
    public void AnEmptyProfileIsTheDefaultProfile()
    {
        // Pulumi.yaml and docs/configuration.md: the profile defaults to recommended.
        Assert.Equal(Profile.Recommended, TestStacks.Settings("dev", ("profile", "")).Profile);
        Assert.Equal(Profile.Recommended, TestStacks.Settings("dev").Profile);
    }

    [Fact]
    public void AnEmptyIamModeIsTheProfiles()
    {
        // docs/configuration.md, "iamMode": defaults to the profile's (recommended: least-privilege, article: seed).
        Assert.Equal(IamMode.Seed, TestStacks.Settings("dev", ("profile", "article"), ("iamMode", "")).IamMode);
        Assert.Equal(IamMode.LeastPrivilege, TestStacks.Settings("dev", ("iamMode", "")).IamMode);
    }

    [Fact]
    public void AnExplicitIamModeWinsOverTheProfile() =>
        Assert.Equal(IamMode.LeastPrivilege, TestStacks.Settings("dev", ("profile", "article"), ("iamMode", "least-privilege")).IamMode);

    [Fact]
    public void AnUnknownIamModeListsTheAllowedOnes()
    {
        var errors = TestStacks.Errors("dev", ("iamMode", "admin"));
        Assert.Equal("'admin' is not allowed; allowed: least-privilege, seed.", Message(errors, "adot-tracing:iamMode"));
    }

    [Fact]
    public void AnObjectThatIsNotJsonShowsTheValue()
    {
        var message = Message(TestStacks.Errors("dev", ("collector", "{not json")), "adot-tracing:collector");
        Assert.StartsWith("expected an object, but the value is not valid JSON (", message, StringComparison.Ordinal);
        Assert.EndsWith("): {not json", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueOfEightyCharactersIsShownWhole()
    {
        var text = "{" + new string('x', 79);
        var message = Message(TestStacks.Errors("dev", ("collector", text)), "adot-tracing:collector");
        Assert.EndsWith($"): {text}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongerValueIsShortenedToSeventySevenCharacters()
    {
        var text = "{" + new string('x', 80);
        var message = Message(TestStacks.Errors("dev", ("collector", text)), "adot-tracing:collector");
        Assert.EndsWith($"): {text[..77]}...", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankObjectIsThePreset(string blank)
    {
        var settings = TestStacks.Settings("prod", ("collector", blank));
        Assert.Equal(EnvironmentPresets.For(DeploymentEnvironment.Prod).Collector.MaxSize, settings.Collector.MaxSize);
    }

    [Fact]
    public void AnInvalidStackKeepsItsWarnings()
    {
        var result = TestStacks.Parse("prod", ("iamMode", "admin"));
        Assert.Null(result.Settings);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("adot-tracing:alerts.subscriptions:", StringComparison.Ordinal));
    }

    [Fact]
    public void AValidStackHasSettingsNoErrorsAndItsWarnings()
    {
        var result = TestStacks.Parse("prod");
        Assert.NotNull(result.Settings);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("adot-tracing:alerts.subscriptions:", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownRegionSkipsTheRegionChecksButIsInvalid()
    {
        // A layer ARN from another Region would be refused if the Region were known.
        var result = TestStacks.ParseRaw(Raw("dev",
            ("aws:region", "us-west-9"), ("aws-native:region", "us-west-9"),
            ("adot-tracing:lambda", """{"layerArn":"arn:aws:lambda:eu-west-1:123456789012:layer:custom:3"}""")));
        Assert.Null(result.Settings);
        Assert.Equal(["aws:region"], result.Errors.Select(error => error.Key));
    }

    [Fact]
    public void TheSettingsCarryTheProjectStackAndRegion()
    {
        var settings = TestStacks.ParseRaw(Raw("dev", ("aws:region", "eu-west-1"), ("aws-native:region", "eu-west-1"))).GetOrThrow();
        Assert.Equal(("adot-tracing", "dev", "eu-west-1"), (settings.Project, settings.StackName, settings.Region));
    }
}
