using Infra.Core.App;
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
        var declaration = new FunctionDeclaration("report", "A custom function", "ruby3.3", "app.handler", FunctionCode.Folder("functions/report"),
            new Dictionary<string, string>(), []);
        var exception = Assert.Throws<InvalidStackSettingsException>(() => TracedFunctions.Build(declaration, AppDeclaration.Empty with { Functions = [declaration] }, settings, names, AwsContext.For(settings.Region, TestStacks.Account)));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("adot-tracing:lambda.flavor", error.Key);
        Assert.Contains("ruby3.3", error.Message, StringComparison.Ordinal);
    }
}

public class ArticleProfileInstrumentationTests
{
    [Fact]
    public void TheArticleProfileLeavesEveryInstrumentationOnAsTheArticleDoes()
    {
        // The article sets only AWS_LAMBDA_EXEC_WRAPPER on its functions (Step 2c); nothing disables instrumentations.
        var functions = TestStacks.Blueprint("dev", ("profile", "article")).Functions;
        Assert.Equal(2, functions.Count);
        Assert.DoesNotContain(functions, function => function.Environment.ContainsKey("OTEL_PYTHON_DISABLED_INSTRUMENTATIONS"));
        Assert.Contains(TestStacks.Blueprint("dev").Functions, function => function.Environment.ContainsKey("OTEL_PYTHON_DISABLED_INSTRUMENTATIONS"));
    }
}
