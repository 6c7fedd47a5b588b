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
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task PreviewAndUpRegisterTheSameResources(string stack)
    {
        var preview = await StackRun.RunAsync(stack, isPreview: true);
        var up = await StackRun.RunAsync(stack, isPreview: false);
        var previewed = ResourceSet(preview.Mocks);
        var deployed = ResourceSet(up.Mocks);
        Assert.Equal(deployed, previewed);
        foreach (var type in new[]
        {
            "aws-native:iam:Role", "aws:lambda/function:Function", "aws-native:sqs:Queue", "aws-native:dynamodb:Table",
            "aws-native:apigateway:Stage", "aws-native:xray:SamplingRule", "aws-native:xray:Group",
        })
        {
            Assert.Contains(deployed, resource => resource.StartsWith(type + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task APreviewSeesProviderComputedOutputsAsUnknown()
    {
        var preview = await StackRun.RunAsync("dev", isPreview: true);
        var up = await StackRun.RunAsync("dev", isPreview: false);

        // A function's role is the ARN IAM assigns: unknown until the role exists, so a preview sends no value.
        static Registered Chatbot(StackRun run) => run.Mocks.OfType("aws:lambda/function:Function").Single(function => function.String("name") == "adot-tracing-dev-chatbot");
        Assert.Null(Chatbot(preview).Input("role"));
        Assert.Equal($"arn:aws:iam::{StackMocks.Account}:role/adot-tracing-dev-chatbot-role", Chatbot(up).String("role"));

        // Values the program chose itself are known in both.
        Assert.Equal("python3.12", Chatbot(preview).String("runtime"));
    }

    private static List<string> ResourceSet(StackMocks mocks)
    {
        var resources = mocks.Resources.Select(resource => $"{resource.Type} {resource.Name}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(resources.Count, resources.Distinct().Count());
        return resources;
    }

    [Fact]
    public async Task EveryComponentRegistersItsOutputs()
    {
        var run = await StackRun.RunAsync("staging");
        var components = run.Mocks.Resources.Where(resource => resource.Type.StartsWith("adot-tracing:", StringComparison.Ordinal)).ToList();
        // Collector roles and cluster, two functions, the queue, its table, the API, sampling and monitoring.
        Assert.Equal(9, components.Count);
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
