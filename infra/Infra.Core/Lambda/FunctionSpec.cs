using Infra.Core.Iam;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>
/// A traced Lambda function: code, runtime, the ADOT layer and its wrapper, active tracing, and an execution
/// role holding the X-Ray permissions plus exactly the statements the function declares.
/// </summary>
/// <param name="Key">The short name within the stack (chatbot, sqs-consumer).</param>
/// <param name="CodePath">The folder holding the function's code, relative to the repository root.</param>
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
    string CodePath,
    LambdaArchitecture Architecture,
    int MemorySize,
    int TimeoutSeconds,
    string TracingMode,
    IReadOnlyList<string> Layers,
    IReadOnlyDictionary<string, string> Environment,
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

/// <summary>What a function declares it needs besides tracing: scoped statements and its own environment.</summary>
/// <param name="Imports">
/// Every top-level module the code in <paramref name="CodePath"/> imports (standard library included, __future__ and the
/// folder's own modules left out); it decides which instrumentations the layer loads. functions/tests checks that it
/// matches the code. Null keeps every instrumentation of the layer on.
/// </param>
public sealed record FunctionDeclaration(
    string Key,
    string Description,
    string Runtime,
    string Handler,
    string CodePath,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<PolicyStatement> Statements,
    int? TimeoutSeconds = null,
    string JavaHandler = "request",
    IReadOnlyList<string>? Imports = null);
