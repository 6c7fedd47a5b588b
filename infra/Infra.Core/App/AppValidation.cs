using System.Text.RegularExpressions;
using Infra.Core.Settings;

namespace Infra.Core.App;

/// <summary>
/// Checks an app declaration as a whole: keys unique and well formed, every route, queue and table naming functions
/// that exist, code packaged the way its runtime needs, and values within what Lambda and SQS accept. Errors are
/// keyed <c>app.&lt;part&gt;.&lt;key&gt;</c> so they name the declaration that is wrong.
/// </summary>
public static partial class AppValidation
{
    /// <summary>What a batch of an SQS event source may hold without a batching window: 1 to 10.
    /// https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html (BatchSize)</summary>
    public const int MaxQueueBatchSize = 10;

    /// <summary>SQS's redrive policy allows 1 to 1,000 receives.
    /// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html (RedrivePolicy)</summary>
    public const int MaxReceiveCountLimit = 1000;

    /// <summary>MaximumBatchingWindowInSeconds: 0 to 300 seconds.
    /// https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html</summary>
    public const int MaxBatchingWindowSeconds = 300;

    /// <summary>The HTTP methods a REST API method may have, ANY included.
    /// https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html (httpMethod)</summary>
    public static readonly IReadOnlyList<string> HttpMethods = ["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

    public static void Validate(AppDeclaration app, ErrorSink errors)
    {
        var functions = CheckKeys("functions", app.Functions.Select(function => function.Key), errors);
        foreach (var function in app.Functions)
        {
            CheckFunction(function, errors);
        }

        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in app.Routes)
        {
            var key = $"app.routes.{route.Method} {route.Path}";
            if (!HttpMethods.Contains(route.Method))
            {
                errors.Add(key, $"'{route.Method}' is not an HTTP method API Gateway accepts; allowed: {string.Join(", ", HttpMethods)}.");
            }

            if (!route.Path.StartsWith('/'))
            {
                errors.Add(key, $"the path '{route.Path}' must start with '/', as every API Gateway resource path does.");
            }

            if (!routes.Add($"{route.Method} {route.Path}"))
            {
                errors.Add(key, "declared twice; each method and path has one integration.");
            }

            if (route.FunctionKey is { } target && !functions.Contains(target))
            {
                errors.Add(key, UnknownFunction(target, functions));
            }
        }

        CheckKeys("queues", app.Queues.Select(queue => queue.Key), errors);
        foreach (var queue in app.Queues)
        {
            var key = $"app.queues.{queue.Key}";
            foreach (var (role, function) in new[] { ("producer", queue.Producer), ("consumer", queue.Consumer) })
            {
                if (!functions.Contains(function))
                {
                    errors.Add($"{key}.{role}", UnknownFunction(function, functions));
                }
            }

            if (queue.BatchSize is < 1 or > MaxQueueBatchSize)
            {
                errors.Add($"{key}.batchSize", $"{queue.BatchSize} is outside 1..{MaxQueueBatchSize}, what an SQS event source takes without a batching window.");
            }

            if (queue.MaxReceiveCount is < 1 or > MaxReceiveCountLimit)
            {
                errors.Add($"{key}.maxReceiveCount", $"{queue.MaxReceiveCount} is outside 1..{MaxReceiveCountLimit}, what an SQS redrive policy takes.");
            }

            if (queue.BatchingWindowSeconds is < 0 or > MaxBatchingWindowSeconds)
            {
                errors.Add($"{key}.batchingWindowSeconds", $"{queue.BatchingWindowSeconds} is outside 0..{MaxBatchingWindowSeconds} seconds, what an SQS event source's batching window takes.");
            }

            CheckVariable($"{key}.urlVariable", queue.UrlVariable, errors);
        }

        CheckKeys("tables", app.Tables.Select(table => table.Key), errors);
        foreach (var table in app.Tables)
        {
            var key = $"app.tables.{table.Key}";
            if (table.PartitionKey.Type is not ("S" or "N" or "B"))
            {
                errors.Add($"{key}.partitionKey", $"type '{table.PartitionKey.Type}' is not a DynamoDB key type; allowed: S, N, B.");
            }

            foreach (var writer in table.Writers.Where(writer => !functions.Contains(writer)))
            {
                errors.Add($"{key}.writers", UnknownFunction(writer, functions));
            }

            CheckVariable($"{key}.nameVariable", table.NameVariable, errors);
        }
    }

    private static void CheckFunction(FunctionDeclaration function, ErrorSink errors)
    {
        var key = $"app.functions.{function.Key}";
        var compiled = function.Runtime.StartsWith("java", StringComparison.Ordinal) || function.Runtime.StartsWith("dotnet", StringComparison.Ordinal);
        if (compiled && function.Code.Packaging == CodePackaging.Folder)
        {
            // Lambda runs Java and .NET from a built deployment package, not from source.
            // https://docs.aws.amazon.com/lambda/latest/dg/java-package.html, https://docs.aws.amazon.com/lambda/latest/dg/csharp-package.html
            errors.Add($"{key}.code", $"{function.Runtime} runs a built artifact (a .zip or .jar file), not a source folder: declare FunctionCode.Artifact(\"<path>\").");
        }

        if (function.Code.Packaging == CodePackaging.Artifact
            && !(function.Code.Path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || function.Code.Path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"{key}.code", $"'{function.Code.Path}' is not a .zip or .jar file, the artifacts Lambda deploys.");
        }

        foreach (var variable in function.Environment.Keys)
        {
            CheckVariable($"{key}.environment", variable, errors);
        }
    }

    /// <summary>Keys name resources: lower-case letters, digits and hyphens, starting with a letter, unique.</summary>
    private static HashSet<string> CheckKeys(string part, IEnumerable<string> keys, ErrorSink errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!KeyPattern().IsMatch(key))
            {
                errors.Add($"app.{part}.{key}", $"'{key}' cannot name AWS resources: use lower-case letters, digits and hyphens, starting with a letter.");
            }

            if (!seen.Add(key))
            {
                errors.Add($"app.{part}.{key}", $"'{key}' is declared twice; keys are unique within {part}.");
            }
        }

        return seen;
    }

    /// <summary>Lambda environment variable names: a letter, then letters, digits and underscores.
    /// https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html</summary>
    private static void CheckVariable(string key, string variable, ErrorSink errors)
    {
        if (!VariablePattern().IsMatch(variable))
        {
            errors.Add(key, $"'{variable}' is not a Lambda environment variable name (a letter, then letters, digits or underscores).");
        }
    }

    private static string UnknownFunction(string key, IReadOnlyCollection<string> functions) =>
        $"names function '{key}', which the app does not declare; declared: {(functions.Count == 0 ? "none" : string.Join(", ", functions.Order(StringComparer.Ordinal)))}.";

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]+$")]
    private static partial Regex VariablePattern();
}
