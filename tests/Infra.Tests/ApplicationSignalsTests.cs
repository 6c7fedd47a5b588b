using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.StackFiles;
using Pulumi.Utilities;

namespace Infra.Tests;

/// <summary>
/// ApplicationSignalsDiscovery alone, and Application Signals across the committed stacks: prod owns the account's
/// discovery (AWS::ApplicationSignals::Discovery, one stack per account), every function of the recommended profile
/// reports Application Signals, and the article profile deploys the article's layer without it.
/// </summary>
[Collection(PulumiCollection.Name)]
public class ApplicationSignalsTests
{
    private const string DiscoveryType = "aws-native:applicationsignals:Discovery";

    private static ImmutableDictionary<string, object> Variables(Registered function) =>
        (ImmutableDictionary<string, object>)function.Object("environment")["variables"];

    [Fact]
    public async Task TheComponentRegistersOneDiscoveryAsItsChild()
    {
        var run = await ComponentRun<ApplicationSignalsDiscovery>.RunAsync(options => new ApplicationSignalsDiscovery("signals", options));
        // AWS::ApplicationSignals::Discovery has no properties; Ref and AccountId give the 12-digit account id.
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationsignals-discovery.html
        Assert.Empty(run.Mocks.Single(DiscoveryType).Inputs);
        var child = run.Child<Pulumi.AwsNative.ApplicationSignals.Discovery>("signals-discovery");
        Assert.Same(run.Component, child.Options.Parent);
        Assert.Equal(StackMocks.Account, await OutputUtilities.GetValueAsync(run.Component.AccountId));
        Assert.Contains(run.Mocks.OutputsRegistered, urn => urn.EndsWith("adot-tracing:cloudwatch:ApplicationSignalsDiscovery::signals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InAPreviewTheAccountIdIsUnknown()
    {
        var mocks = new StackMocks(isPreview: true);
        var component = await ComponentRun.RunAsync(mocks, () => new ApplicationSignalsDiscovery("signals"));
        Assert.Single(mocks.OfType(DiscoveryType));
        Assert.False(await OutputUtilities.GetIsKnownAsync(component.AccountId));
    }

    [Fact]
    public async Task CommittedProdOwnsTheAccountsDiscovery()
    {
        var run = await StackRun.RunAsync("prod", StackRun.CommittedConfig("prod"));
        Assert.Single(run.Mocks.OfType(DiscoveryType));
        Assert.Equal(StackMocks.Account, await run.OutputAsync<string>("applicationSignalsDiscoveryAccountId"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public async Task CommittedDevAndStagingLeaveDiscoveryToProd(string stack)
    {
        var run = await StackRun.RunAsync(stack, StackRun.CommittedConfig(stack));
        Assert.Empty(run.Mocks.OfType(DiscoveryType));
        Assert.False(run.Outputs.ContainsKey("applicationSignalsDiscoveryAccountId"));
    }

    [Theory]
    [InlineData("staging", "false")]
    [InlineData("dev", "false")]
    [InlineData("prod", "false")]
    public async Task CommittedFunctionsReportApplicationSignalsOnlyWhereTheirEnvironmentsPresetSaysSo(string stack, string enabled)
    {
        // Application Signals is an environment preset, on only where an SLO or alarm reads it: nowhere today.
        var run = await StackRun.RunAsync(stack, StackRun.CommittedConfig(stack));
        var functions = run.Mocks.OfType("aws:lambda/function:Function");
        Assert.Equal(2, functions.Count);
        Assert.All(functions, function =>
        {
            var variables = Variables(function);
            // https://aws-otel.github.io/docs/getting-started/lambda, "Manually add ADOT Lambda Layers".
            Assert.Equal("/opt/otel-instrument", variables["AWS_LAMBDA_EXEC_WRAPPER"]);
            Assert.Equal(enabled, variables["OTEL_AWS_APPLICATION_SIGNALS_ENABLED"]);
            Assert.Equal("Active", function.Object("tracingConfig")["mode"]);
        });
        var roles = run.Mocks.OfType("aws-native:iam:Role").Where(role => role.String("roleName")!.EndsWith("-role", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, roles.Count);
        Assert.All(roles, role => Assert.Equal(enabled == "true", role.Strings("managedPolicyArns").Contains("arn:aws:iam::aws:policy/CloudWatchLambdaApplicationSignalsExecutionRolePolicy")));
    }

    /// <summary>
    /// The distro layer's wrapper sets OTEL_PROPAGATORS to "baggage,xray,tracecontext" when it is unset
    /// (aws-observability/aws-otel-python-instrumentation, lambda-layer/src/otel-instrument); the stack states it.
    /// </summary>
    [Fact]
    public async Task DistroFunctionsReadTheXRayContextWithTheDistrosPropagators()
    {
        var run = await StackRun.RunAsync("dev");
        Assert.All(run.Mocks.OfType("aws:lambda/function:Function"), function => Assert.Equal("baggage,xray,tracecontext", Variables(function)["OTEL_PROPAGATORS"]));
    }

    [Fact]
    public async Task TheArticleProfileDeploysTheArticlesLayerWithoutApplicationSignals()
    {
        var config = new Dictionary<string, string>(StackRun.CommittedConfig("dev")) { ["adot-tracing:profile"] = "article" };
        var run = await StackRun.RunAsync("dev", config);
        var functions = run.Mocks.OfType("aws:lambda/function:Function");
        Assert.Equal(2, functions.Count);
        Assert.All(functions, function =>
        {
            // The article, Step 2b.
            Assert.Equal(["arn:aws:lambda:us-west-2:901920570463:layer:aws-otel-python-amd64-ver-1-25-0:1"], function.Strings("layers"));
            Assert.False(Variables(function).ContainsKey("OTEL_AWS_APPLICATION_SIGNALS_ENABLED"));
        });
        var roles = run.Mocks.OfType("aws-native:iam:Role").Where(role => role.String("roleName")!.EndsWith("-role", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, roles.Count);
        Assert.All(roles, role => Assert.Equal(["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"], role.Strings("managedPolicyArns")));
        // The article, Step 1e: t2.medium hosts.
        Assert.Equal("t2.medium", (string)run.Mocks.Single("aws-native:ec2:LaunchTemplate").Object("launchTemplateData")["instanceType"]);
    }
}
