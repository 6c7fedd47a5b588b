using Infra.Core.Settings;

namespace Infra.Tests;

[Collection(PulumiCollection.Name)]
public class ProgramTests
{
    [Fact]
    public async Task InvalidSettingsStopTheProgramBeforeAnyResource()
    {
        var mocks = new StackMocks();
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("dev", new Dictionary<string, string>
        {
            ["api"] = """{"type":"http"}""",
            ["colector"] = "{}",
        }, mocks: mocks));
        var message = exception.ToString();
        Assert.Contains("adot-tracing:api.type", message);
        Assert.Contains("Did you mean 'collector'?", message);
        Assert.DoesNotContain(mocks.Resources, resource => !resource.Type.StartsWith("pulumi:", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidSettingsAreReportedAsOneExceptionListingEveryError()
    {
        var result = StackSettingsParser.Parse(new RawStackConfig("dev", new Dictionary<string, string>
        {
            ["aws:region"] = "us-west-2",
            ["aws-native:region"] = "eu-west-1",
            ["adot-tracing:iamMode"] = "root",
        }));
        var exception = Assert.Throws<InvalidStackSettingsException>(result.GetOrThrow);
        Assert.Equal(2, exception.Errors.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PreviewAndUpRegisterTheSameResources(bool isPreview)
    {
        var run = await StackRun.RunAsync("staging", isPreview: isPreview);
        var types = run.Mocks.Resources.Select(resource => resource.Type).ToHashSet();
        foreach (var type in new[]
        {
            "aws-native:iam:Role", "aws-native:ecs:Service", "aws:lambda/function:Function", "aws-native:sqs:Queue",
            "aws-native:apigateway:Stage", "aws-native:xray:SamplingRule", "aws-native:xray:Group",
        })
        {
            Assert.Contains(type, types);
        }
    }

    [Fact]
    public async Task EveryComponentRegistersItsOutputs()
    {
        var run = await StackRun.RunAsync("staging");
        var components = run.Mocks.Resources.Where(resource => resource.Type.StartsWith("adot-tracing:", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, components.Count);
        foreach (var component in components)
        {
            Assert.Contains(run.Mocks.OutputsRegistered, urn => urn.EndsWith($"{component.Type}::{component.Name}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task IamNamesDifferAcrossStacksInOneAccount()
    {
        var dev = (await StackRun.RunAsync("dev")).Mocks;
        var prod = (await StackRun.RunAsync("prod")).Mocks;
        var devNames = dev.OfType("aws-native:iam:Role").Select(role => role.String("roleName")).ToHashSet();
        var prodNames = prod.OfType("aws-native:iam:Role").Select(role => role.String("roleName")).ToHashSet();
        Assert.Empty(devNames.Intersect(prodNames));
        Assert.Equal(5, devNames.Count);
    }
}
