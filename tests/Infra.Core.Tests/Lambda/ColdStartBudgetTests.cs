using Infra.Core.App;
using Infra.Core.Lambda;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>
/// Each Python function loads only the instrumentations its code uses. The expected names are the entry points the
/// layers ship, read from their sources (not from the catalog):
/// - legacy: open-telemetry/opentelemetry-lambda 5cc1580 python/src/otel/otel_sdk/requirements.txt and
///   nodeps-requirements.txt (the aws-otel-python 1.32.0 layer), entry-point names from each package's pyproject.toml
///   in open-telemetry/opentelemetry-python-contrib v0.53b0 (asgi, wsgi and dbapi register none);
/// - distro: aws-observability/aws-otel-python-instrumentation v0.18.0, aws-opentelemetry-distro/pyproject.toml (less
///   aws-lambda and system-metrics, removed by lambda-layer/src/Dockerfile), entry points from contrib v0.63b1, and the
///   default list that lambda-layer/src/otel-instrument exports when OTEL_PYTHON_DISABLED_INSTRUMENTATIONS is unset.
/// </summary>
public class ColdStartBudgetTests
{
    private const string Variable = "OTEL_PYTHON_DISABLED_INSTRUMENTATIONS";

    private static readonly string[] LegacyEntryPoints =
    [
        "aiohttp-client", "asyncpg", "aws-lambda", "boto", "boto3", "botocore", "celery", "django", "elasticsearch",
        "falcon", "fastapi", "flask", "grpc_client", "grpc_server", "grpc_aio_client", "grpc_aio_server", "jinja2",
        "mysql", "psycopg2", "pymemcache", "pymongo", "pymysql", "pyramid", "redis", "requests", "sqlalchemy", "sqlite3",
        "starlette", "tornado",
    ];

    // aws-otel-python-instrumentation v0.18.0, lambda-layer/src/otel-instrument, in its order.
    private static readonly string[] DistroWrapperDefault =
    [
        "aio-pika", "aiohttp-client", "aiohttp-server", "aiopg", "asgi", "asyncio", "asyncpg", "boto", "boto3", "cassandra",
        "celery", "confluent_kafka", "dbapi", "django", "elasticsearch", "falcon", "fastapi", "flask", "grpc_client",
        "grpc_server", "grpc_aio_client", "grpc_aio_server", "httpx", "jinja2", "kafka", "logging", "mysql", "mysqlclient",
        "pika", "psycopg", "psycopg2", "pymemcache", "pymongo", "pymysql", "pyramid", "redis", "remoulade", "requests",
        "sklearn", "sqlalchemy", "sqlite3", "starlette", "system_metrics", "threading", "tornado", "tortoiseorm", "wsgi",
        "openai_agents", "aws_openai_agents", "aws_crewai", "aws_langchain", "aws_mcp", "aws_llama-index",
    ];

    // The distro's pinned instrumentations that its wrapper leaves on: botocore and aiobotocore (one package),
    // aiokafka, urllib and urllib3.
    private static readonly string[] DistroOnByDefault = ["aiobotocore", "aiokafka", "botocore", "urllib", "urllib3"];

    private static IReadOnlySet<string> Disabled(FunctionSpec function) =>
        function.Environment[Variable].Split(',').ToHashSet(StringComparer.Ordinal);

    private static FunctionSpec Build(LayerFlavor flavor, string runtime, IReadOnlyList<string>? imports)
    {
        var settings = TestStacks.Settings("dev", ("lambda", $$"""{"flavor":"{{flavor.Wire()}}"}"""));
        var declaration = new FunctionDeclaration("worker", "A custom function", runtime, "app.handler", FunctionCode.Folder("functions/worker"),
            new Dictionary<string, string>(), [], Imports: imports);
        return TracedFunctions.Build(declaration, AppDeclaration.Empty with { Functions = [declaration] }, settings, StackNames.For(settings), AwsContext.For(settings.Region, TestStacks.Account));
    }

    [Fact]
    public void OnTheLegacyLayerTheSampleFunctionsLoadOnlyTheAwsSdkAndHandlerInstrumentations()
    {
        var functions = TestStacks.Blueprint("dev", ("lambda", """{"flavor":"legacy"}""")).Functions;
        Assert.Equal(2, functions.Count);
        var expected = LegacyEntryPoints.Except(["botocore", "aws-lambda"]).ToHashSet();
        foreach (var function in functions)
        {
            Assert.Equal(expected, Disabled(function));
            Assert.Equal(["aws-lambda", "botocore"], function.Instrumentation!.Loaded);
        }
    }

    [Fact]
    public void OnTheDistroLayerTheSampleFunctionsDisableWhatTheWrapperWouldAndTheHttpClientsTheyDoNotUse()
    {
        var functions = TestStacks.Blueprint("dev", ("lambda", """{"flavor":"distro"}""")).Functions;
        Assert.Equal(2, functions.Count);
        // Setting the variable replaces the wrapper's default, so every name of that default must stay in it.
        var expected = DistroWrapperDefault.Concat(DistroOnByDefault).Except(["botocore"]).ToHashSet();
        foreach (var function in functions)
        {
            Assert.Equal(expected, Disabled(function));
            Assert.Equal(["botocore"], function.Instrumentation!.Loaded);
        }
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy)]
    [InlineData(LayerFlavor.Distro)]
    public void AnImportedLibraryKeepsItsInstrumentation(LayerFlavor flavor)
    {
        var function = Build(flavor, "python3.12", ["json", "requests", "boto3"]);
        var disabled = Disabled(function);
        Assert.DoesNotContain("requests", disabled);
        Assert.DoesNotContain("botocore", disabled);
        Assert.Contains("flask", disabled);
        Assert.Contains("boto3", disabled);
        Assert.Contains("requests", function.Instrumentation!.Loaded);
    }

    [Fact]
    public void ASubmoduleImportCountsForItsPackage()
    {
        var function = Build(LayerFlavor.Distro, "python3.12", ["urllib.request", "concurrent.futures"]);
        Assert.Equal(["threading", "urllib"], function.Instrumentation!.Loaded);
        Assert.Equal(["concurrent", "urllib"], function.Instrumentation.Imports);
        Assert.Contains("urllib3", Disabled(function));
        Assert.Contains("botocore", Disabled(function));
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy)]
    [InlineData(LayerFlavor.Distro)]
    public void TheLambdaHandlerInstrumentationIsNeverDisabled(LayerFlavor flavor)
    {
        // The wrappers' otel_wrapper.py instruments the handler with AwsLambdaInstrumentor themselves.
        var function = Build(flavor, "python3.12", []);
        Assert.DoesNotContain("aws-lambda", Disabled(function));
        Assert.Contains("botocore", Disabled(function));
    }

    [Fact]
    public void WithoutDeclaredImportsTheLayerKeepsEveryInstrumentation()
    {
        var function = Build(LayerFlavor.Legacy, "python3.12", null);
        Assert.False(function.Environment.ContainsKey(Variable));
        Assert.Null(function.Instrumentation);
    }

    [Fact]
    public void OnlyPythonFunctionsGetThePythonVariable()
    {
        var function = Build(LayerFlavor.Legacy, "nodejs20.x", ["boto3"]);
        Assert.False(function.Environment.ContainsKey(Variable));
        Assert.Null(function.Instrumentation);
    }

    [Theory]
    [InlineData(LayerFlavor.Legacy)]
    [InlineData(LayerFlavor.Distro)]
    public void TheEnvironmentStaysWithinLambdasFourKilobytes(LayerFlavor flavor)
    {
        // "Function environment variables: 4 KB, for all environment variables associated with the function, in
        // aggregate": https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
        var functions = TestStacks.Blueprint("dev", ("lambda", $$"""{"flavor":"{{flavor.Wire()}}"}""")).Functions;
        Assert.Equal(2, functions.Count);
        Assert.All(functions, function =>
        {
            Assert.True(function.Environment.ContainsKey(Variable));
            Assert.InRange(function.Environment.Sum(pair => System.Text.Encoding.UTF8.GetByteCount(pair.Key + pair.Value)), 1, 4096);
        });
    }

    [Fact]
    public void TheLegacyCatalogHoldsTheEntryPointsTheLayerShips() =>
        Assert.Equal(LegacyEntryPoints.Order(StringComparer.Ordinal), PythonInstrumentationCatalog.Legacy.EntryPoints.Order(StringComparer.Ordinal));

    [Fact]
    public void TheDistroCatalogHoldsTheWrapperDefaultAsPublished() =>
        Assert.Equal(DistroWrapperDefault, PythonInstrumentationCatalog.Distro.DisabledByWrapper);

    [Fact]
    public void EveryModuleMapsToEntryPointsALayerShips()
    {
        var shipped = PythonInstrumentationCatalog.Legacy.EntryPoints
            .Concat(PythonInstrumentationCatalog.Distro.EntryPoints)
            .Concat(PythonInstrumentationCatalog.Distro.DisabledByWrapper)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = PythonInstrumentationCatalog.ByModule
            .SelectMany(pair => pair.Value.Where(entryPoint => !shipped.Contains(entryPoint)).Select(entryPoint => $"{pair.Key} -> {entryPoint}"))
            .ToList();
        Assert.True(PythonInstrumentationCatalog.ByModule.Count > 40);
        Assert.Empty(unknown);
    }
}
