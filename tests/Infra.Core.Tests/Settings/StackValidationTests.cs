using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// The checks that need the whole of a stack's settings: lambda.versions against the flavor's languages, an explicit
/// layer ARN against the stack's Region, layers for every function, the consumer's timeout, and account-wide features
/// across stacks. Messages are asserted whole.
/// </summary>
public class StackValidationTests
{
    private const string Lambda = "adot-tracing:lambda";

    private static string Message(IReadOnlyList<SettingsError> errors, string key) => TestStacks.Single(errors, key).Message;

    [Fact]
    public void AVersionKeyThatIsNoLanguageOfTheFlavorNamesTheNearestAndTheLanguages()
    {
        // docs/configuration.md, "lambda": legacy versions are keyed python, nodejs, java-wrapper.
        var errors = TestStacks.Errors("dev", ("profile", "article"), ("lambda", """{"versions":{"pythn":"1.25.0"}}"""));
        Assert.Equal(
            $"unknown key '{Lambda}.versions.pythn'. Did you mean 'python'? Known keys here: python, nodejs, java-wrapper.",
            Message(errors, $"{Lambda}.versions.pythn"));
    }

    [Fact]
    public void AnUnknownVersionKeyIsNotAlsoCheckedForItsFormat()
    {
        var errors = TestStacks.Errors("dev", ("profile", "article"), ("lambda", """{"versions":{"ruby":"x"}}"""));
        Assert.StartsWith($"unknown key '{Lambda}.versions.ruby'.", Message(errors, $"{Lambda}.versions.ruby"), StringComparison.Ordinal);
    }

    [Fact]
    public void AVersionOfTheWrongFormIsReportedUnderItsLanguage()
    {
        // docs/configuration.md, "lambda": distro layers are pinned by a layer version number from 1.
        var errors = TestStacks.Errors("dev", ("lambda", """{"versions":{"python":"1.25.0"}}"""));
        Assert.Equal(
            "'1.25.0' is not a layer version number; distro layers are pinned by their Lambda layer version, a whole number from 1.",
            Message(errors, $"{Lambda}.versions.python"));
    }

    [Fact]
    public void AVersionOfTheRightFormPasses() =>
        Assert.Equal("7", TestStacks.Settings("dev", ("lambda", """{"versions":{"python":"7"}}""")).Lambda.Versions["python"]);

    [Fact]
    public void ALayerFromAnotherRegionIsRefused()
    {
        // Lambda attaches only layers from the function's own Region: https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html
        const string arn = "arn:aws:lambda:eu-west-1:123456789012:layer:custom:3";
        var errors = TestStacks.Errors("dev", ("lambda", $$"""{"layerArn":"{{arn}}"}"""));
        Assert.Equal(
            $"'{arn}' is in eu-west-1 (aws); Lambda attaches only layers from the function's own Region, us-west-2 (aws).",
            Message(errors, $"{Lambda}.layerArn"));
    }

    [Fact]
    public void ALayerFromAnotherPartitionIsRefused()
    {
        const string arn = "arn:aws-cn:lambda:us-west-2:123456789012:layer:custom:3";
        var errors = TestStacks.Errors("dev", ("lambda", $$"""{"layerArn":"{{arn}}"}"""));
        Assert.Equal(
            $"'{arn}' is in us-west-2 (aws-cn); Lambda attaches only layers from the function's own Region, us-west-2 (aws).",
            Message(errors, $"{Lambda}.layerArn"));
    }

    [Fact]
    public void LayerVersionZeroIsRefused()
    {
        // Lambda numbers layer versions from 1: https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html
        const string arn = "arn:aws:lambda:us-west-2:123456789012:layer:custom:0";
        var errors = TestStacks.Errors("dev", ("lambda", $$"""{"layerArn":"{{arn}}"}"""));
        Assert.Equal($"'{arn}' names layer version 0; Lambda layer versions start at 1.", Message(errors, $"{Lambda}.layerArn"));
    }

    [Fact]
    public void ALayerOfTheStacksRegionAndVersionOneIsUsed()
    {
        const string arn = "arn:aws:lambda:us-west-2:123456789012:layer:custom:1";
        Assert.Equal(arn, TestStacks.Settings("dev", ("lambda", $$"""{"layerArn":"{{arn}}"}""")).Lambda.LayerArn);
    }

    [Fact]
    public void AMissingLayerIsReportedOnceForAllFunctionsThatNeedIt()
    {
        // The article profile's legacy layers are not published in me-south-1; both functions run Python.
        var errors = TestStacks.ParseRaw(new RawStackConfig("dev", new Dictionary<string, string>
        {
            ["aws:region"] = "me-south-1",
            ["aws-native:region"] = "me-south-1",
            ["adot-tracing:profile"] = "article",
        })).Errors;
        Assert.StartsWith(
            "no ADOT layer for function chatbot (python3.12, x86_64, me-south-1): the legacy ADOT layers are not published in me-south-1; they are published in: ",
            Message(errors, $"{Lambda}.flavor"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitLayerArnStandsInForAMissingCatalogLayer()
    {
        const string arn = "arn:aws:lambda:me-south-1:123456789012:layer:custom:4";
        var result = TestStacks.ParseRaw(new RawStackConfig("dev", new Dictionary<string, string>
        {
            ["aws:region"] = "me-south-1",
            ["aws-native:region"] = "me-south-1",
            ["adot-tracing:profile"] = "article",
            ["adot-tracing:lambda"] = $$"""{"layerArn":"{{arn}}"}""",
        }));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }

    [Fact]
    public void ATimeoutAboveApiGatewaysIntegrationTimeoutIsWarned()
    {
        // API Gateway's integration timeout for REST APIs is 29 seconds by default:
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
        var result = TestStacks.Parse("dev", ("lambda", """{"timeoutSeconds":30}"""));
        Assert.True(result.IsValid);
        Assert.Equal(
            "adot-tracing:lambda.timeoutSeconds: 30s applies to functions no route invokes; those behind routes (chatbot) stay at 29s, API Gateway's integration timeout.",
            Assert.Single(result.Warnings));
    }

    [Fact]
    public void ATimeoutWithinApiGatewaysIntegrationTimeoutIsNotWarned()
    {
        var result = TestStacks.Parse("dev", ("lambda", """{"timeoutSeconds":29}"""));
        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
    }
}

/// <summary>adot-tracing:transactionSearch. Transaction Search is not available in AWS GovCloud (US):
/// https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cw.html</summary>
public class TransactionSearchSettingsTests
{
    private const string Key = "adot-tracing:transactionSearch";

    private static RawStackConfig InRegion(string region, string transactionSearch) => new("dev", new Dictionary<string, string>
    {
        ["aws:region"] = region,
        ["aws-native:region"] = region,
        ["adot-tracing:transactionSearch"] = transactionSearch,
    });

    [Fact]
    public void ByDefaultItIsOffWithOnePercentIndexed()
    {
        // docs/configuration.md, "transactionSearch": enabled false, enabledElsewhere false, indexingPercentage 1.
        var settings = TestStacks.Settings("dev");
        Assert.Equal(new TransactionSearchSettings(Enabled: false, IndexingPercentage: 1, EnabledElsewhere: false), settings.TransactionSearch);
    }

    [Fact]
    public void EnabledElsewhereIsRead()
    {
        var settings = TestStacks.Settings("dev", ("transactionSearch", """{"enabledElsewhere":true}"""));
        Assert.Equal(new TransactionSearchSettings(Enabled: false, IndexingPercentage: 1, EnabledElsewhere: true), settings.TransactionSearch);
        Assert.True(settings.TransactionSearch.OnForAccount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void IndexingFromZeroToAHundredPercentIsKept(double percentage) =>
        Assert.Equal(percentage, TestStacks.Settings("dev", ("transactionSearch", $$"""{"indexingPercentage":{{percentage}}}""")).TransactionSearch.IndexingPercentage);

    [Theory]
    [InlineData("-1")]
    [InlineData("101")]
    public void IndexingOutsideZeroToAHundredIsAnError(string percentage)
    {
        var errors = TestStacks.Errors("dev", ("transactionSearch", $$"""{"indexingPercentage":{{percentage}}}"""));
        Assert.Equal($"{percentage} is out of range; allowed: 0 to 100.", TestStacks.Single(errors, $"{Key}.indexingPercentage").Message);
    }

    [Fact]
    public void BothSwitchesTogetherAreRefusedAndEnabledWins()
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Key, System.Text.Json.JsonDocument.Parse("""{"enabled":true,"enabledElsewhere":true}""").RootElement.Clone(), errors);
        var settings = TransactionSearchSettingsReader.Read(reader, errors);
        Assert.Equal(
            $"{Key}.enabledElsewhere: true together with {Key}.enabled: true. enabled means this stack turns Transaction Search on for the account "
            + "and owns it; enabledElsewhere means another stack or an account setup already has it on. Set one of them.",
            Assert.Single(errors.Errors).ToString());
        Assert.Equal(new TransactionSearchSettings(Enabled: true, IndexingPercentage: 1, EnabledElsewhere: false), settings);
    }

    [Fact]
    public void AnUnknownKeyIsReported()
    {
        var errors = TestStacks.Errors("dev", ("transactionSearch", """{"enable":true}"""));
        Assert.Equal(
            $"unknown key '{Key}.enable'. Did you mean 'enabled'? Known keys here: enabled, enabledElsewhere, indexingPercentage, adopt, keepOnDestroy.",
            TestStacks.Single(errors, $"{Key}.enable").Message);
    }

    [Theory]
    [InlineData("enabled")]
    [InlineData("enabledElsewhere")]
    public void EitherSwitchIsRefusedInGovCloud(string name)
    {
        var errors = TestStacks.ParseRaw(InRegion("us-gov-west-1", $$"""{"{{name}}":true}""")).Errors;
        Assert.Equal(
            "true, but us-gov-west-1 is in AWS GovCloud (US) (aws-us-gov), where CloudWatch Transaction Search is not available; "
            + "leave it false there (the collector then exports with awsxray).",
            TestStacks.Single(errors, $"{Key}.{name}").Message);
    }

    [Fact]
    public void OffInGovCloudIsNoError()
    {
        var errors = TestStacks.ParseRaw(InRegion("us-gov-west-1", """{"enabled":false}""")).Errors;
        Assert.DoesNotContain(errors, error => error.Key.StartsWith(Key, StringComparison.Ordinal));
    }

    [Fact]
    public void ChinaIsNotGovCloud()
    {
        var errors = TestStacks.ParseRaw(InRegion("cn-north-1", """{"enabled":true}""")).Errors;
        Assert.DoesNotContain(errors, error => error.Key.StartsWith(Key, StringComparison.Ordinal));
    }
}

/// <summary>adot-tracing:applicationSignals, as docs/configuration.md's "applicationSignals" section documents it. Only the distro
/// layers report Application Signals:
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html</summary>
public class ApplicationSignalsSettingsTests
{
    private const string Key = "adot-tracing:applicationSignals";

    [Fact]
    public void OffByDefaultInEveryEnvironmentWhereNoSloOrAlarmReadsIt()
    {
        foreach (var stack in new[] { "dev", "staging", "prod" })
        {
            Assert.Equal(new ApplicationSignalsSettings(Enabled: false, Discovery: false), TestStacks.Settings(stack).ApplicationSignals);
        }
    }

    [Fact]
    public void AStackFileCanTurnItOnWhereThePresetLeavesItOff() =>
        Assert.True(TestStacks.Settings("prod", ("applicationSignals", """{"enabled":true}""")).ApplicationSignals.Enabled);

    [Fact]
    public void OffByDefaultWithTheArticleProfile() =>
        Assert.Equal(new ApplicationSignalsSettings(Enabled: false, Discovery: false), TestStacks.Settings("dev", ("profile", "article")).ApplicationSignals);

    [Fact]
    public void OffByDefaultWhenTheRecommendedProfileRunsLegacyLayers()
    {
        var result = TestStacks.Parse("dev", ("lambda", """{"flavor":"legacy"}"""));
        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
        Assert.False(result.Settings!.ApplicationSignals.Enabled);
    }

    [Fact]
    public void StillOffWhenTheArticleProfileSwitchesToDistroLayers() =>
        Assert.False(TestStacks.Settings("dev", ("profile", "article"), ("lambda", """{"flavor":"distro"}""")).ApplicationSignals.Enabled);

    [Fact]
    public void TurnedOnExplicitlyWithDistroLayers() =>
        Assert.True(TestStacks.Settings("dev", ("profile", "article"), ("lambda", """{"flavor":"distro"}"""), ("applicationSignals", """{"enabled":true}""")).ApplicationSignals.Enabled);

    [Fact]
    public void TurnedOffExplicitly() =>
        Assert.False(TestStacks.Settings("dev", ("applicationSignals", """{"enabled":false}""")).ApplicationSignals.Enabled);

    [Fact]
    public void OnWithLegacyLayersIsRefused()
    {
        var errors = new ErrorSink();
        var reader = new ObjectReader(Key, System.Text.Json.JsonDocument.Parse("""{"enabled":true}""").RootElement.Clone(), errors);
        var settings = ApplicationSignalsSettingsReader.Read(reader, profileDefault: true, LayerFlavor.Legacy, errors);
        Assert.Equal(
            $"{Key}.enabled: true needs adot-tracing:lambda.flavor 'distro' (it is 'legacy'): only the AWS Distro for OpenTelemetry layers report "
            + "Application Signals. Set lambda.flavor to distro, or applicationSignals.enabled to false.",
            Assert.Single(errors.Errors).ToString());
        Assert.False(settings.Enabled);
    }

    [Fact]
    public void DiscoveryIsRead() =>
        Assert.True(TestStacks.Settings("dev", ("applicationSignals", """{"discovery":true}""")).ApplicationSignals.Discovery);

    [Fact]
    public void AnUnknownKeyIsReported()
    {
        var errors = TestStacks.Errors("dev", ("applicationSignals", """{"discover":true}"""));
        Assert.Equal(
            $"unknown key '{Key}.discover'. Did you mean 'discovery'? Known keys here: enabled, discovery.",
            TestStacks.Single(errors, $"{Key}.discover").Message);
    }
}
