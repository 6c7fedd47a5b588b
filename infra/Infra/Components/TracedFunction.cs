using Infra.Core.Lambda;
using Pulumi;
using Aws = Pulumi.Aws;
using Logs = Pulumi.AwsNative.Logs;

namespace Infra.Components;

public sealed class TracedFunctionArgs
{
    /// <summary>The function as Core decided it: runtime, ADOT layer, wrapper, role statements.</summary>
    public required FunctionSpec Spec { get; init; }

    /// <summary>The code: a folder (zipped as it is) or a built .zip or .jar file, as a path the Pulumi program can read
    /// (relative to its working directory).</summary>
    public required string CodePath { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// A Lambda function traced end to end (the article's Step 2): active tracing, the ADOT layer for the stack's
/// region and architecture, AWS_LAMBDA_EXEC_WRAPPER, JSON logs in a log group with the environment's retention,
/// and its own execution role with the X-Ray permissions, Application Signals' managed policy when Core turns it on,
/// and exactly what the function declared.
/// Reusable: declare a function in the app declaration and the program creates one of these for it.
/// </summary>
public sealed class TracedFunction : ComponentResource
{
    public TracedFunction(string name, TracedFunctionArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:lambda:TracedFunction", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var spec = args.Spec;

        var logGroup = new Logs.LogGroup($"{name}-logs", new Logs.LogGroupArgs
        {
            LogGroupName = spec.LogGroupName,
            RetentionInDays = spec.LogRetentionDays,
            Tags = Inputs.Tags(args.Tags),
        }, Inputs.Guarded(this, spec.LogGroupProtection));

        var role = CollectorRoles.Role($"{name}-role", spec.Role, args.Tags, child);

        var function = new Aws.Lambda.Function($"{name}-function", new Aws.Lambda.FunctionArgs
        {
            Name = spec.FunctionName,
            Description = spec.Description,
            Runtime = spec.Runtime,
            Handler = spec.Handler,
            Code = new FileArchive(args.CodePath),
            Architectures = { spec.ArchitectureName },
            MemorySize = spec.MemorySize,
            Timeout = spec.TimeoutSeconds,
            Role = role.Arn,
            Layers = spec.Layers.ToList(),
            TracingConfig = new Aws.Lambda.Inputs.FunctionTracingConfigArgs { Mode = spec.TracingMode },
            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = Inputs.Map(spec.Environment) },
            LoggingConfig = new Aws.Lambda.Inputs.FunctionLoggingConfigArgs
            {
                LogFormat = spec.LogFormat,
                ApplicationLogLevel = spec.ApplicationLogLevel,
                SystemLogLevel = spec.SystemLogLevel,
                LogGroup = logGroup.LogGroupName.Apply(groupName => groupName ?? spec.LogGroupName),
            },
            Tags = Inputs.Map(args.Tags),
        }, child);

        FunctionName = function.Name;
        FunctionArn = function.Arn;
        RoleArn = role.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["functionName"] = FunctionName,
            ["functionArn"] = FunctionArn,
            ["roleArn"] = RoleArn,
        });
    }

    [Output] public Output<string> FunctionName { get; private set; }

    [Output] public Output<string> FunctionArn { get; private set; }

    [Output] public Output<string> RoleArn { get; private set; }
}
