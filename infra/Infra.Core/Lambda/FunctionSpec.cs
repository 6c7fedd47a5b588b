using Infra.Core.App;
using Infra.Core.Iam;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>
/// A traced Lambda function: code, runtime, the ADOT layer and its wrapper, active tracing, and an execution
/// role holding the X-Ray permissions plus exactly the statements the function declares.
/// </summary>
/// <param name="Key">The short name within the app.</param>
/// <param name="Environment">Every variable the function gets; those of <paramref name="Links"/> hold the values
/// predicted from the stack's names, which the program replaces with the resources' outputs.</param>
/// <param name="Statements">What the function may do besides tracing: its links' statements (with predicted ARNs)
/// and its own declared statements, in that order.</param>
/// <param name="Links">Grants to the app's own queues and tables.</param>
/// <param name="LogFormat">The Lambda log format (Text or JSON) of the function's logging configuration.</param>
/// <param name="Instrumentation">For Python functions that list their imports: the auto-instrumentations the layer loads.</param>
/// <param name="ApplicationLogLevel">Lambda's application log level (JSON format only): handler lines below it are dropped.</param>
/// <param name="SystemLogLevel">Lambda's system log level (JSON format only); INFO emits platform.start and platform.report.</param>
public sealed record FunctionSpec(
    string Key,
    string FunctionName,
    string Description,
    string Runtime,
    string Handler,
    FunctionCode Code,
    LambdaArchitecture Architecture,
    int MemorySize,
    int TimeoutSeconds,
    string TracingMode,
    IReadOnlyList<string> Layers,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<PolicyStatement> Statements,
    IReadOnlyList<ResourceLink> Links,
    string LogGroupName,
    string LogFormat,
    int LogRetentionDays,
    RoleSpec Role,
    ResourceProtection LogGroupProtection,
    FunctionInstrumentation? Instrumentation = null,
    string ApplicationLogLevel = "INFO",
    string SystemLogLevel = "INFO")
{
    /// <summary>The Lambda architecture name (x86_64 or arm64).</summary>
    public string ArchitectureName => Architecture.Wire();

    /// <summary>What the role's inline policies allow, in one document.</summary>
    public PolicyDocument Policy => new(Role.InlinePolicies.SelectMany(policy => policy.Document.Statements).ToList());

}

public enum AppResourceKind
{
    Queue,
    Table,
}

/// <summary>
/// A function's grant to one of the app's own queues or tables. At deploy time the resource's ARN (and its URL or
/// name, for <paramref name="Variable"/>) come from the resource's outputs, so Pulumi knows the function depends on it.
/// </summary>
/// <param name="Variable">The environment variable that carries the queue's URL or the table's name; none for a consumer.</param>
public sealed record ResourceLink(AppResourceKind Kind, string Key, string Sid, IReadOnlyList<string> Actions, string? Variable);
