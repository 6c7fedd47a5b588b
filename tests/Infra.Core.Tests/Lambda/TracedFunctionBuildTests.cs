using Infra.Core.App;
using Infra.Core.Lambda;
using Infra.Core.Naming;

namespace Infra.Core.Tests.Lambda;

/// <summary>TracedFunctions.Build on declarations other than the sample app's.</summary>
public class TracedFunctionBuildTests
{
    private static FunctionSpec Build(FunctionDeclaration declaration)
    {
        // The legacy layer: the environment it needs is the wrapper, the propagators and the service name only.
        var settings = TestStacks.Settings("dev", ("lambda", """{"flavor":"legacy"}"""));
        var aws = AwsContext.For(settings.Region, TestStacks.Account);
        return TracedFunctions.Build(declaration, AppDeclaration.Empty with { Functions = [declaration] }, settings, StackNames.For(settings), aws);
    }

    private static FunctionDeclaration Declaration(string runtime = "python3.12", IReadOnlyDictionary<string, string>? environment = null) =>
        new("reports", "Builds reports", runtime, "app.handler", FunctionCode.Folder("functions/reports"), environment ?? new Dictionary<string, string>(), []);

    [Fact]
    public void AFunctionThatDeclaresNothingGetsOnlyTheTracingPolicy()
    {
        var function = Build(Declaration());
        var policy = Assert.Single(function.Role.InlinePolicies);
        Assert.Equal("xray-tracing", policy.Name);
        Assert.Equal("Execution role of adot-tracing-dev-reports", function.Role.Description);
        Assert.Equal("adot-tracing-dev-reports-role", function.Role.Name);
    }

    [Fact]
    public void AFunctionsOwnEnvironmentIsKeptNextToTheTracingVariables()
    {
        var function = Build(Declaration(environment: new Dictionary<string, string> { ["REPORT_BUCKET"] = "reports" }));
        Assert.Equal(["AWS_LAMBDA_EXEC_WRAPPER", "OTEL_PROPAGATORS", "OTEL_SERVICE_NAME", "REPORT_BUCKET"], function.Environment.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("reports", function.Environment["REPORT_BUCKET"]);
    }

    [Fact]
    public void ARuntimeWithoutALayerStopsTheBuildNamingTheFunction()
    {
        var exception = Assert.Throws<Infra.Core.Settings.InvalidStackSettingsException>(() => Build(Declaration("ruby3.3")));
        Assert.Contains("adot-tracing-dev-reports", exception.Message);
        Assert.Contains("ruby3.3", exception.Message);
    }
}
