using Infra.Core.Lambda;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

public class UnsupportedRuntimeTests
{
    [Fact]
    public void AFunctionWhoseRuntimeHasNoAdotLayerIsASettingsErrorNotACrash()
    {
        var settings = TestStacks.Settings("dev");
        var names = StackNames.For(settings);
        var declaration = new FunctionDeclaration("report", "A custom function", "ruby3.3", "app.handler", "functions/report",
            new Dictionary<string, string>(), []);
        var exception = Assert.Throws<InvalidStackSettingsException>(() => TracedFunctions.Build(declaration, settings, names, AwsContext.For(settings.Region, TestStacks.Account)));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("adot-tracing:lambda.flavor", error.Key);
        Assert.Contains("ruby3.3", error.Message, StringComparison.Ordinal);
    }
}
