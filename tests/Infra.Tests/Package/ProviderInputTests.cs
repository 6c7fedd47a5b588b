using System.Collections.Immutable;
using Infra.Components;
using Pulumi;
using Pulumi.Experimental;
using Pulumi.Experimental.Provider;

namespace Infra.Tests.Package;

/// <summary>
/// Inputs as a program in another language sends them: property values, read into the args class by the serializer
/// the component provider's Construct uses (pulumi-dotnet v3.112.1 sdk/Pulumi/Provider/ComponentProvider.cs), then the
/// component built under the strict mocks. A bad input gives the C# component's error, naming the input.
/// </summary>
[Collection(PulumiCollection.Name)]
public class ProviderInputTests
{
    private static readonly ImmutableDictionary<string, PropertyValue> Function = Map(new()
    {
        ["runtime"] = new PropertyValue("python3.12"),
        ["handler"] = new PropertyValue("app.handler"),
        ["codePath"] = new PropertyValue("orders-code"),
        ["region"] = new PropertyValue(StackMocks.Region),
        ["accountId"] = new PropertyValue(StackMocks.Account),
    });

#pragma warning disable CS0618 // The serializer ComponentProvider.Construct uses is marked experimental.
    private static TArgs Read<TArgs>(ImmutableDictionary<string, PropertyValue> inputs) =>
        (TArgs)new PropertyValueSerializer().Deserialize(new PropertyValue(inputs), typeof(TArgs))!;
#pragma warning restore CS0618

    private static ImmutableDictionary<string, PropertyValue> Map(Dictionary<string, PropertyValue> values) => values.ToImmutableDictionary();

    private static async Task<string> ErrorOf<TComponent>(Func<ComponentResourceOptions, TComponent> create)
        where TComponent : ComponentResource
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => ComponentRun<TComponent>.RunAsync(create));
        return exception.ToString();
    }

    [Fact]
    public async Task OnlyTheRequiredInputsBuildATracedFunctionWithTheDefaults()
    {
        var run = await ComponentRun<TracedFunction>.RunAsync(options => new TracedFunction("orders", Read<TracedFunctionArgs>(Function), options));
        var function = run.Mocks.Single("aws:lambda/function:Function");
        Assert.Equal(256.0, function.Input("memorySize"));
        Assert.Equal(15.0, function.Input("timeout"));
    }

    [Fact]
    public async Task AMissingRequiredInputIsNamed()
    {
        var error = await ErrorOf(options => new TracedFunction("orders", Read<TracedFunctionArgs>(Function.Remove("runtime")), options));
        Assert.Contains("runtime: required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadInputIsNamedAtOnce()
    {
        var inputs = Function.Remove("handler").SetItem("architecture", new PropertyValue("sparc"));
        var error = await ErrorOf(options => new TracedFunction("orders", Read<TracedFunctionArgs>(inputs), options));
        Assert.Contains("handler: required", error, StringComparison.Ordinal);
        Assert.Contains("architecture: 'sparc' is not allowed; allowed: x86_64, arm64.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRuntimeIsNamedWithTheInputsThatDecideTheLayer()
    {
        var error = await ErrorOf(options => new TracedFunction("orders", Read<TracedFunctionArgs>(Function.SetItem("runtime", new PropertyValue("ruby3.3"))), options));
        Assert.Contains("runtime 'ruby3.3' has no ADOT distro layer", error, StringComparison.Ordinal);
        Assert.Contains("inputs runtime, architecture, flavor, layerVersions, region", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALayerMissingInTheRegionIsNamedWithTheRegionInput()
    {
        var error = await ErrorOf(options => new TracedFunction("orders", Read<TracedFunctionArgs>(Function.SetItem("region", new PropertyValue("us-gov-west-1"))), options));
        Assert.Contains("not published in us-gov-west-1", error, StringComparison.Ordinal);
        Assert.Contains("region)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARouteWithoutAPathIsNamedByItsPlace()
    {
        var route = new PropertyValue(Map(new() { ["method"] = new PropertyValue("GET") }));
        var inputs = Map(new() { ["routes"] = new PropertyValue([route]) });
        var error = await ErrorOf(options => new TracedRestApi("chat", Read<TracedRestApiArgs>(inputs), options));
        Assert.Contains("routes[0].path: required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASamplingRuleOutOfXRaysLimitsIsNamedField()
    {
        var inputs = Map(new()
        {
            ["ruleName"] = new PropertyValue("orders"),
            ["priority"] = new PropertyValue(0),
            ["fixedRate"] = new PropertyValue(1.5),
            ["urlPath"] = new PropertyValue("orders"),
        });
        var error = await ErrorOf(options => new TracedSamplingRule("orders", Read<TracedSamplingRuleArgs>(inputs), options));
        // X-Ray's limits: Priority 1-9999, FixedRate 0-1 (https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html).
        Assert.Contains("priority: 0 is out of range", error, StringComparison.Ordinal);
        Assert.Contains("fixedRate: 1.5 is out of range", error, StringComparison.Ordinal);
        Assert.Contains("urlPath: 'orders' can match no request", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASamplingRuleWithoutItsRequiredInputsNamesThem()
    {
        var error = await ErrorOf(options => new TracedSamplingRule("orders", Read<TracedSamplingRuleArgs>(Map(new() { ["ruleName"] = new PropertyValue("orders") })), options));
        Assert.Contains("priority: required", error, StringComparison.Ordinal);
        Assert.Contains("fixedRate: required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValidSamplingRuleIsOneXRayRule()
    {
        var inputs = Map(new()
        {
            ["ruleName"] = new PropertyValue("orders-get"),
            ["priority"] = new PropertyValue(100),
            ["fixedRate"] = new PropertyValue(0.1),
            ["httpMethod"] = new PropertyValue("GET"),
            ["urlPath"] = new PropertyValue("/orders"),
        });
        var run = await ComponentRun<TracedSamplingRule>.RunAsync(options => new TracedSamplingRule("orders", Read<TracedSamplingRuleArgs>(inputs), options));
        var rule = run.Mocks.Single("aws-native:xray:SamplingRule").Object("samplingRule");
        Assert.Equal(100.0, rule["priority"]);
        Assert.Equal("/orders", rule["urlPath"]);
        Assert.Equal("*", rule["serviceName"]);
    }
}
