using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>
/// What one family of Python ADOT layers can auto-instrument: the names of the entry points it registers in the
/// <c>opentelemetry_instrumentor</c> group (the names <c>OTEL_PYTHON_DISABLED_INSTRUMENTATIONS</c> takes), and what
/// its wrapper disables by itself when that variable is unset.
/// </summary>
/// <param name="Release">The release the lists were read from.</param>
/// <param name="EntryPoints">Every instrumentor entry point the layer ships.</param>
/// <param name="DisabledByWrapper">The wrapper's own default for the variable; replaced, not extended, once the variable is set.</param>
/// <param name="AlwaysOn">Entry points the layer needs whatever the code imports (the Lambda handler instrumentation).</param>
internal sealed record PythonLayerInstrumentations(
    LayerFlavor Flavor,
    string Release,
    IReadOnlyList<string> EntryPoints,
    IReadOnlyList<string> DisabledByWrapper,
    IReadOnlyList<string> AlwaysOn);

/// <summary>
/// The Python instrumentations of the ADOT layers as data, and which Python modules each one traces.
///
/// How the names are used: opentelemetry-instrument walks the <c>opentelemetry_instrumentor</c> entry points and
/// skips, before importing it or checking its dependencies, every one whose name is listed in
/// <c>OTEL_PYTHON_DISABLED_INSTRUMENTATIONS</c> (opentelemetry-python-contrib,
/// opentelemetry-instrumentation/src/opentelemetry/instrumentation/auto_instrumentation/_load.py, _load_instrumentors,
/// at v0.53b0 and v0.63b1; documented in opentelemetry-instrumentation/README.rst and at
/// https://opentelemetry.io/docs/zero-code/python/configuration/#disabling-specific-instrumentations). Neither version
/// has an "enable only" variable; the "*" wildcard (v0.63b1 only) would switch off the AWS SDK tracing as well.
///
/// Why it matters: in Lambda, package discovery costs 750–1000 ms and the botocore instrumentation 350–400 ms of the
/// INIT phase of a 512 MB function (open-telemetry/opentelemetry-lambda#1497, comment of 2024-08-30), and Lambda bills
/// the INIT phase.
/// </summary>
internal static class PythonInstrumentationCatalog
{
    /// <summary>The environment variable both layer families honour (the distro's wrapper sets it when it is unset).</summary>
    public const string DisabledVariable = "OTEL_PYTHON_DISABLED_INSTRUMENTATIONS";

    /// <summary>
    /// The legacy aws-otel-python layers. The layer is open-telemetry/opentelemetry-lambda's Python layer
    /// (aws-observability/aws-otel-lambda, python/build.sh) built from python/src/otel/otel_sdk/requirements.txt and
    /// nodeps-requirements.txt: the same 29 instrumentation packages at opentelemetry-lambda 51c8d30 (layer 1.25.0,
    /// contrib 0.46b0), 6a8b279 (1.29.0, 0.50b0) and 5cc1580 (1.32.0, 0.53b0); 1.21.0 (21052d8) lacks boto3sqs, which
    /// only makes one name in the list unused there. Entry-point names from each package's pyproject.toml in
    /// opentelemetry-python-contrib at v0.53b0; asgi, wsgi and dbapi register none. The legacy wrapper
    /// (python/src/otel/otel_sdk/otel-instrument) disables nothing by itself.
    /// https://github.com/open-telemetry/opentelemetry-lambda/blob/5cc158009047d6c5cdc9fad69b4a28e75c7c92f7/python/src/otel/otel_sdk/requirements.txt
    /// </summary>
    public static readonly PythonLayerInstrumentations Legacy = new(
        LayerFlavor.Legacy,
        "aws-otel-python 1.32.0 (opentelemetry-lambda 5cc1580, opentelemetry-python-contrib 0.53b0)",
        [
            "aiohttp-client", "asyncpg", "aws-lambda", "boto", "boto3", "botocore", "celery", "django", "elasticsearch",
            "falcon", "fastapi", "flask", "grpc_aio_client", "grpc_aio_server", "grpc_client", "grpc_server", "jinja2",
            "mysql", "psycopg2", "pymemcache", "pymongo", "pymysql", "pyramid", "redis", "requests", "sqlalchemy",
            "sqlite3", "starlette", "tornado",
        ],
        [],
        ["aws-lambda"]);

    /// <summary>
    /// The AWSOpenTelemetryDistroPython layers at the catalog's layer versions: ADOT Python v0.18.0 (the ARNs of
    /// aws-otel/aws-otel.github.io src/config/lambdaLayerArns.js changed to them in "Update Lambda layer ARNs for Python
    /// release v0.18.0"). The layer installs aws-opentelemetry-distro with its pinned instrumentations
    /// (aws-opentelemetry-distro/pyproject.toml at v0.18.0; contrib 0.63b1 entry-point names) less aws-lambda and
    /// system-metrics, which lambda-layer/src/Dockerfile removes; the distro adds its own aws_* entry points. The wrapper
    /// (lambda-layer/src/otel-instrument at v0.18.0) sets <see cref="DisabledByWrapper"/> when the variable is unset and
    /// always appends aws-lambda, which its otel_wrapper.py instruments itself. v0.19.0 adds a lite mode
    /// (OTEL_AWS_LAMBDA_FAST_START) that still honours the variable; the catalog's layers predate it.
    /// https://github.com/aws-observability/aws-otel-python-instrumentation/blob/v0.18.0/lambda-layer/src/otel-instrument
    /// </summary>
    public static readonly PythonLayerInstrumentations Distro = new(
        LayerFlavor.Distro,
        "AWSOpenTelemetryDistroPython, ADOT Python v0.18.0 (opentelemetry-python-contrib 0.63b1)",
        [
            "aio-pika", "aiobotocore", "aiohttp-client", "aiokafka", "aiopg", "asyncpg", "aws_crewai", "aws_langchain",
            "aws_llama-index", "aws_mcp", "aws_openai_agents", "boto3", "botocore", "cassandra", "celery",
            "confluent_kafka", "django", "elasticsearch", "falcon", "fastapi", "flask", "grpc_aio_client",
            "grpc_aio_server", "grpc_client", "grpc_server", "httpx", "jinja2", "kafka", "logging", "mysql",
            "mysqlclient", "openai_agents", "pika", "psycopg2", "pymemcache", "pymongo", "pymysql", "pyramid", "redis",
            "remoulade", "requests", "sqlalchemy", "sqlite3", "starlette", "threading", "tornado", "tortoiseorm",
            "urllib", "urllib3",
        ],
        [
            "aio-pika", "aiohttp-client", "aiohttp-server", "aiopg", "asgi", "asyncio", "asyncpg", "boto", "boto3",
            "cassandra", "celery", "confluent_kafka", "dbapi", "django", "elasticsearch", "falcon", "fastapi", "flask",
            "grpc_client", "grpc_server", "grpc_aio_client", "grpc_aio_server", "httpx", "jinja2", "kafka", "logging",
            "mysql", "mysqlclient", "pika", "psycopg", "psycopg2", "pymemcache", "pymongo", "pymysql", "pyramid", "redis",
            "remoulade", "requests", "sklearn", "sqlalchemy", "sqlite3", "starlette", "system_metrics", "threading",
            "tornado", "tortoiseorm", "wsgi", "openai_agents", "aws_openai_agents", "aws_crewai", "aws_langchain",
            "aws_mcp", "aws_llama-index",
        ],
        ["aws-lambda"]);

    public static PythonLayerInstrumentations For(LayerFlavor flavor) => flavor == LayerFlavor.Distro ? Distro : Legacy;

    /// <summary>
    /// The entry points that trace a top-level Python module, for every module some layer can instrument. Each
    /// instrumentation names the library it patches in its package.py (<c>_instruments</c>) in opentelemetry-python-contrib;
    /// the module is the name that library is imported by. boto3 maps to botocore: boto3 is built on botocore, and
    /// the botocore instrumentation records every AWS SDK call and injects the X-Ray trace header that links an SQS
    /// message to its consumer. boto3's own "boto3" entry point (boto3sqs) only adds messaging spans for SQS and
    /// stays off, as the distro's wrapper has it. logging maps to nothing: its instrumentation correlates log records,
    /// it traces no call, and the distro's wrapper disables it too.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByModule = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["aio_pika"] = ["aio-pika"],
        ["aiobotocore"] = ["aiobotocore"],
        ["aiohttp"] = ["aiohttp-client"],
        ["aiokafka"] = ["aiokafka"],
        ["aiopg"] = ["aiopg"],
        ["agents"] = ["openai_agents", "aws_openai_agents"],
        ["asyncio"] = ["asyncio"],
        ["asyncpg"] = ["asyncpg"],
        ["boto"] = ["boto"],
        ["boto3"] = ["botocore"],
        ["botocore"] = ["botocore"],
        ["cassandra"] = ["cassandra"],
        ["celery"] = ["celery"],
        ["concurrent"] = ["threading"],
        ["confluent_kafka"] = ["confluent_kafka"],
        ["crewai"] = ["aws_crewai"],
        ["django"] = ["django"],
        ["elasticsearch"] = ["elasticsearch"],
        ["falcon"] = ["falcon"],
        ["fastapi"] = ["fastapi"],
        ["flask"] = ["flask"],
        ["grpc"] = ["grpc_client", "grpc_aio_client", "grpc_server", "grpc_aio_server"],
        ["httpx"] = ["httpx"],
        ["jinja2"] = ["jinja2"],
        ["kafka"] = ["kafka"],
        ["langchain"] = ["aws_langchain"],
        ["langchain_core"] = ["aws_langchain"],
        ["llama_index"] = ["aws_llama-index"],
        ["mcp"] = ["aws_mcp"],
        ["MySQLdb"] = ["mysqlclient"],
        ["mysql"] = ["mysql"],
        ["pika"] = ["pika"],
        ["psycopg"] = ["psycopg"],
        ["psycopg2"] = ["psycopg2"],
        ["pymemcache"] = ["pymemcache"],
        ["pymongo"] = ["pymongo"],
        ["pymysql"] = ["pymysql"],
        ["pyramid"] = ["pyramid"],
        ["redis"] = ["redis"],
        ["remoulade"] = ["remoulade"],
        ["requests"] = ["requests"],
        ["sqlalchemy"] = ["sqlalchemy"],
        ["sqlite3"] = ["sqlite3"],
        ["starlette"] = ["starlette"],
        ["threading"] = ["threading"],
        ["tornado"] = ["tornado"],
        ["tortoise"] = ["tortoiseorm"],
        ["urllib"] = ["urllib"],
        ["urllib3"] = ["urllib3"],
    };
}
