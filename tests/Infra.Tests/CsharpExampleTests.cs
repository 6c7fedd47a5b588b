using System.Collections.Immutable;
using System.Xml.Linq;
using Pulumi;
using Pulumi.Testing;

namespace Infra.Tests;

/// <summary>
/// examples/csharp, a Pulumi program that references the component library alone, runs under mocks: one traced
/// function behind a traced REST API, with the Region and account taken from the provider.
/// </summary>
[Collection(PulumiCollection.Name)]
public class CsharpExampleTests
{
    private static async Task<StackMocks> Run()
    {
        var mocks = new StackMocks();
        await Deployment.TestAsync(mocks.Mock.Object, new TestOptions { StackName = "dev", ProjectName = "traced-api-example" }, TracedApiExample.TracedApi.Run);
        return mocks;
    }

    [Fact]
    public void TheExampleReferencesOnlyTheComponentLibrary()
    {
        var project = XDocument.Load(Path.Combine(Infra.Core.ProjectRoot.Find(AppContext.BaseDirectory), "examples", "csharp", "TracedApiExample.csproj"));
        var references = project.Descendants("ProjectReference").Select(reference => (string?)reference.Attribute("Include")).ToList();
        Assert.Equal(["../../infra/Infra.Components/Infra.Components.csproj"], references);
    }

    [Fact]
    public async Task TheFunctionIsTracedWithTheDistroLayerOfTheProvidersRegion()
    {
        var mocks = await Run();
        var function = mocks.Single("aws:lambda/function:Function");
        Assert.Equal("Active", function.Object("tracingConfig")["mode"]);
        // AWS's Python distro layer in us-west-2 (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html).
        Assert.StartsWith("arn:aws:lambda:us-west-2:615299751070:layer:AWSOpenTelemetryDistroPython:", Assert.Single(function.Strings("layers")));
        var variables = Assert.IsAssignableFrom<ImmutableDictionary<string, object>>(function.Object("environment")["variables"]);
        Assert.Equal("/opt/otel-instrument", variables["AWS_LAMBDA_EXEC_WRAPPER"]);
    }

    [Fact]
    public async Task TheApiStageIsTracedAndInvokesTheFunction()
    {
        var mocks = await Run();
        Assert.Equal(true, mocks.Single("aws-native:apigateway:Stage").Input("tracingEnabled"));
        var permission = mocks.Single("aws:lambda/permission:Permission");
        Assert.Equal($"arn:aws:lambda:us-west-2:{StackMocks.Account}:function:hello", permission.String("function"));
        Assert.Equal($"arn:aws:execute-api:us-west-2:{StackMocks.Account}:a1b2c3d4e5/api/GET/hello", permission.String("sourceArn"));
    }
}
