using System.Collections.Immutable;

namespace Infra.Tests;

/// <summary>The deployed functions carry the cold-start budget: the layer skips the instrumentations the code does not use.</summary>
[Collection(PulumiCollection.Name)]
public class ColdStartFunctionTests
{
    [Theory]
    [InlineData("legacy")]
    [InlineData("distro")]
    public async Task EveryFunctionTurnsOffTheInstrumentationsItsCodeDoesNotUse(string flavor)
    {
        var run = await StackRun.RunAsync("dev", new Dictionary<string, string> { ["lambda"] = $$"""{"flavor":"{{flavor}}"}""" });
        var functions = run.Mocks.OfType("aws:lambda/function:Function");
        Assert.Equal(2, functions.Count);
        foreach (var function in functions)
        {
            var variables = (ImmutableDictionary<string, object>)function.Object("environment")["variables"];
            var disabled = ((string)variables["OTEL_PYTHON_DISABLED_INSTRUMENTATIONS"]).Split(',');
            // Names are opentelemetry_instrumentor entry points (opentelemetry-python-contrib, instrumentation/*/pyproject.toml).
            Assert.Contains("requests", disabled);
            Assert.Contains("flask", disabled);
            Assert.DoesNotContain("botocore", disabled);
            Assert.DoesNotContain("aws-lambda", disabled);
        }
    }
}
