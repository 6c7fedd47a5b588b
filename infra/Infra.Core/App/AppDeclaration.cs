using Infra.Core.Api;
using Infra.Core.Iam;

namespace Infra.Core.App;

/// <summary>
/// An application as a platform team declares it: its functions, the API routes in front of them, the queues
/// between them and the tables they write. The blueprint traces every part of it; nothing here names AWS
/// resources or ARNs of the app's own parts (those come from the stack's names, and at deploy time from outputs).
/// </summary>
public sealed record AppDeclaration(
    IReadOnlyList<FunctionDeclaration> Functions,
    IReadOnlyList<RouteSpec> Routes,
    IReadOnlyList<QueueDeclaration> Queues,
    IReadOnlyList<TableDeclaration> Tables)
{
    public static readonly AppDeclaration Empty = new([], [], [], []);

    public FunctionDeclaration Function(string key) => Functions.Single(function => function.Key == key);
}

/// <summary>How a function's code reaches Lambda.</summary>
public enum CodePackaging
{
    /// <summary>The folder as it is, zipped at deploy time: interpreted runtimes (Python, Node.js).</summary>
    Folder,

    /// <summary>A built artifact (a .zip or .jar file): compiled runtimes (Java, .NET) build theirs first.</summary>
    Artifact,
}

/// <param name="Path">Relative to the repository root: a folder for <see cref="CodePackaging.Folder"/>, a file for an artifact.</param>
public sealed record FunctionCode(string Path, CodePackaging Packaging)
{
    public static FunctionCode Folder(string path) => new(path, CodePackaging.Folder);

    public static FunctionCode Artifact(string path) => new(path, CodePackaging.Artifact);
}

/// <summary>What a function declares it needs besides tracing: its code, scoped statements and its own environment.</summary>
/// <param name="Key">Short and unique within the app (lower-case letters, digits and hyphens); it names the function's resources.</param>
/// <param name="Statements">IAM statements for resources outside the app (the app's own queues and tables are granted by their declarations).</param>
/// <param name="TimeoutSeconds">None: the stack's lambda.timeoutSeconds (capped at API Gateway's integration timeout behind a route).</param>
/// <param name="Imports">
/// Every top-level module the code imports (standard library included, __future__ and the folder's own modules left
/// out); for Python it decides which instrumentations the layer loads. Null keeps every instrumentation of the layer on.
/// </param>
public sealed record FunctionDeclaration(
    string Key,
    string Description,
    string Runtime,
    string Handler,
    FunctionCode Code,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<PolicyStatement> Statements,
    int? TimeoutSeconds = null,
    string JavaHandler = "request",
    IReadOnlyList<string>? Imports = null);

/// <summary>
/// A queue from a producer function to a consumer function. The producer gets the queue's URL in
/// <paramref name="UrlVariable"/> and may send; the consumer is invoked by an event source mapping, in batches,
/// reporting partial batch failures when <paramref name="PartialBatchFailures"/> is on. SQS carries the X-Ray
/// trace header from producer to consumer, which links their traces.
/// </summary>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue.</param>
/// <param name="BatchingWindowSeconds">How long Lambda gathers messages before invoking the consumer (0 to 300 s): fewer,
/// fuller invocations for a little latency.</param>
public sealed record QueueDeclaration(
    string Key,
    string Producer,
    string Consumer,
    int BatchSize = 10,
    int MaxReceiveCount = 3,
    bool PartialBatchFailures = true,
    string UrlVariable = "QUEUE_URL",
    int BatchingWindowSeconds = 0);

/// <summary>A DynamoDB key attribute: its name and type (S, N or B).</summary>
public sealed record TableKey(string Name, string Type = "S");

/// <summary>
/// A DynamoDB table (on demand, encrypted) that <paramref name="Writers"/> put items in; each writer gets the
/// table's name in <paramref name="NameVariable"/>.
/// </summary>
public sealed record TableDeclaration(
    string Key,
    TableKey PartitionKey,
    IReadOnlyList<string> Writers,
    string NameVariable = "TABLE_NAME");
