using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Tests.Lambda;

/// <summary>
/// The Python instrumentation catalog against recorded copies of its sources: which entry points trace which module
/// (python-instrumented-modules.tsv, which names the source files and tags), and which entry points the distro layer
/// installs. Each module of the recording keeps exactly its entry points on, on the layer that ships them.
/// </summary>
public class PythonInstrumentationSnapshotTests
{
    /// <summary>
    /// The distro layer's instrumentor entry points: the opentelemetry-instrumentation-* packages pinned by
    /// aws-observability/aws-otel-python-instrumentation v0.18.0 aws-opentelemetry-distro/pyproject.toml, less
    /// aws-lambda and system-metrics (deleted by lambda-layer/src/Dockerfile), with the entry-point names of their
    /// pyproject.toml in open-telemetry/opentelemetry-python-contrib v0.63b1 (openai-agents-v2 0.1.0 as openai_agents),
    /// plus the distro's own [project.entry-points.opentelemetry_instrumentor].
    /// </summary>
    private static readonly string[] DistroEntryPoints =
    [
        "aio-pika", "aiobotocore", "aiohttp-client", "aiokafka", "aiopg", "asyncpg", "boto3", "botocore", "cassandra",
        "celery", "confluent_kafka", "django", "elasticsearch", "falcon", "fastapi", "flask", "grpc_aio_client",
        "grpc_aio_server", "grpc_client", "grpc_server", "httpx", "jinja2", "kafka", "logging", "mysql", "mysqlclient",
        "openai_agents", "pika", "psycopg2", "pymemcache", "pymongo", "pymysql", "pyramid", "redis", "remoulade",
        "requests", "sqlalchemy", "sqlite3", "starlette", "threading", "tornado", "tortoiseorm", "urllib", "urllib3",
        "aws_llama-index", "aws_crewai", "aws_langchain", "aws_mcp", "aws_openai_agents",
    ];

    private static IReadOnlyList<(string Module, string[] EntryPoints)> Recorded()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Lambda", "python-instrumented-modules.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], fields[1].Split(' ')))
            .ToList();
    }

    public static TheoryData<string> RecordedModules()
    {
        var data = new TheoryData<string>();
        foreach (var (module, _) in Recorded())
        {
            data.Add(module);
        }

        return data;
    }

    [Fact]
    public void TheModuleMapIsTheRecordedOne()
    {
        var recorded = Recorded();
        Assert.Equal(49, recorded.Count);
        Assert.Equal(
            recorded.Select(row => $"{row.Module} -> {string.Join(' ', row.EntryPoints.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal),
            PythonInstrumentationCatalog.ByModule.Select(pair => $"{pair.Key} -> {string.Join(' ', pair.Value.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDistroLayerShipsTheDistrosPinnedInstrumentations() =>
        Assert.Equal(DistroEntryPoints.Order(StringComparer.Ordinal), PythonInstrumentationCatalog.Distro.EntryPoints.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RecordedModules))]
    public void ImportingAModuleKeepsOnExactlyTheEntryPointsThatTraceIt(string module)
    {
        var entryPoints = Recorded().Single(row => row.Module == module).EntryPoints;

        var distro = InstrumentationBudget.For(AdotLanguage.Python, LayerFlavor.Distro, [$"{module}.sub", "json"])!;
        Assert.Equal(entryPoints.Intersect(DistroEntryPoints).Order(StringComparer.Ordinal), distro.Loaded);
        Assert.Empty(distro.Disabled.Intersect(entryPoints));

        var legacy = InstrumentationBudget.For(AdotLanguage.Python, LayerFlavor.Legacy, [module])!;
        Assert.Equal(
            entryPoints.Intersect(PythonInstrumentationCatalog.Legacy.EntryPoints).Append("aws-lambda").Distinct().Order(StringComparer.Ordinal),
            legacy.Loaded);
        Assert.Empty(legacy.Disabled.Intersect(entryPoints));
    }
}
