using System.Collections.Immutable;
using Infra.Core.Iam;
using Infra.Core.Lambda;
using Infra.Core.Settings;
using Pulumi;
using Aws = Pulumi.Aws;
using Iam = Pulumi.AwsNative.Iam;
using Logs = Pulumi.AwsNative.Logs;

namespace Infra.Components;

/// <summary>An IAM statement a traced function needs for its own work; its resources may be other resources' outputs.</summary>
public sealed class FunctionStatement
{
    public required string Sid { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public required InputList<string> Resources { get; init; }

    public static FunctionStatement Allow(string sid, IReadOnlyList<string> actions, params Input<string>[] resources)
    {
        var list = new InputList<string>();
        foreach (var resource in resources)
        {
            list.Add(resource);
        }

        return new FunctionStatement { Sid = sid, Actions = actions, Resources = list };
    }
}

/// <summary>A queue the function consumes: Lambda polls it and invokes the function with batches of messages.</summary>
public sealed class QueueSource
{
    /// <summary>Short and unique among the function's sources: names the mapping and the role's statement.</summary>
    public required string Key { get; init; }

    public required Input<string> QueueArn { get; init; }

    /// <summary>1 to 10 without a batching window. Default 10.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>The function reports which messages failed, so only those return to the queue. Default on.</summary>
    public bool ReportBatchItemFailures { get; init; } = true;

    /// <summary>How long Lambda gathers messages before invoking (0 to 300 s). Default 0.</summary>
    public int BatchingWindowSeconds { get; init; }
}

/// <summary>
/// What a Pulumi program says about a function to trace. Everything but the runtime, handler and code has a
/// default; the ADOT layer, its wrapper, the propagators and the role's tracing permissions are decided from these
/// by Infra.Core, the same decisions the offline plan shows.
/// </summary>
public sealed class TracedFunctionArgs
{
    /// <summary>A Lambda runtime with an ADOT layer (python3.x, nodejs*.x, java*, dotnet*).</summary>
    public required string Runtime { get; init; }

    public required string Handler { get; init; }

    /// <summary>The code: a folder (zipped as it is; Python and Node.js) or a built .zip or .jar file (Java, .NET),
    /// as a path the Pulumi program can read.</summary>
    public required string CodePath { get; init; }

    /// <summary>The Lambda function's name. Default: the component's name.</summary>
    public string? FunctionName { get; init; }

    public string? Description { get; init; }

    /// <summary>x86_64 (default) or arm64.</summary>
    public string Architecture { get; init; } = "x86_64";

    /// <summary>Default 256 MB.</summary>
    public int MemorySize { get; init; } = 256;

    /// <summary>Default 15 s.</summary>
    public int TimeoutSeconds { get; init; } = 15;

    /// <summary>The function's own variables; values may be outputs (a queue's URL) or secrets. The tracing variables
    /// are added next to them.</summary>
    public InputMap<string> Environment { get; init; } = [];

    /// <summary>What the function may do besides tracing.</summary>
    public IReadOnlyList<FunctionStatement> Statements { get; init; } = [];

    /// <summary>Queues the function consumes; each gets an event source mapping and the role the statement Lambda's
    /// poller needs.</summary>
    public IReadOnlyList<QueueSource> QueueSources { get; init; } = [];

    /// <summary>Top-level modules the code imports (Python): only their instrumentations are loaded. None: every one.</summary>
    public IReadOnlyList<string>? Imports { get; init; }

    /// <summary>Load only the instrumentations <see cref="Imports"/> needs (default); false: every one the layer ships, as the article does.</summary>
    public bool InstrumentationBudget { get; init; } = true;

    /// <summary>distro (default: AWS's current AWSOpenTelemetryDistro layers, Application Signals) or legacy.</summary>
    public string Flavor { get; init; } = "distro";

    /// <summary>Layer releases by language (python, nodejs, java, dotnet); none: the catalog's current one.</summary>
    public IReadOnlyDictionary<string, string> LayerVersions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>An explicit ADOT layer ARN in the function's Region, instead of the catalog's.</summary>
    public string? LayerArn { get; init; }

    /// <summary>Report CloudWatch Application Signals (distro layers only). Default: on.</summary>
    public bool ApplicationSignals { get; init; } = true;

    /// <summary>least-privilege (default) or seed (the two X-Ray actions the article grants).</summary>
    public string IamMode { get; init; } = "least-privilege";

    /// <summary>The Region, to pick the layer published there. Default: the AWS provider's.</summary>
    public string? Region { get; init; }

    /// <summary>The account the role trusts Lambda from. Default: the caller's.</summary>
    public string? AccountId { get; init; }

    /// <summary>Default: /aws/lambda/&lt;function name&gt;.</summary>
    public string? LogGroupName { get; init; }

    /// <summary>Default 30 days.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>Lambda's application log level (JSON logs). Default INFO.</summary>
    public string ApplicationLogLevel { get; init; } = "INFO";

    /// <summary>Lambda's system log level; INFO keeps platform.report. Default INFO.</summary>
    public string SystemLogLevel { get; init; } = "INFO";

    /// <summary>Guards the log group against deletion (Pulumi protect, retain on delete). Default: neither.</summary>
    public ResourceProtection LogGroupProtection { get; init; } = ResourceProtection.None;

    /// <summary>Default: &lt;function name&gt;-role.</summary>
    public string? RoleName { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = ImmutableDictionary<string, string>.Empty;
}

/// <summary>
/// A Lambda function traced end to end (the article's Step 2): active tracing, the ADOT layer for its Region,
/// architecture and runtime, AWS_LAMBDA_EXEC_WRAPPER, JSON logs in its own log group, and an execution role with the
/// X-Ray permissions, Application Signals' managed policy when it reports it, and exactly the statements given.
/// </summary>
public sealed class TracedFunction : ComponentResource
{
    public TracedFunction(string name, TracedFunctionArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:lambda:TracedFunction", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var functionName = args.FunctionName ?? name;
        var logGroupName = args.LogGroupName ?? $"/aws/lambda/{functionName}";
        var lambda = LambdaSettingsOf(args);
        var iamMode = ArgumentChoice.Of(args.IamMode, EnumNames.IamModes, nameof(args.IamMode));
        var tracing = AwsScope.Of(args.Region, args.AccountId).Apply(scope => Trace(functionName, args, lambda, iamMode, scope.Region, scope.AccountId));

        var logGroup = new Logs.LogGroup($"{name}-logs", new Logs.LogGroupArgs
        {
            LogGroupName = logGroupName,
            RetentionInDays = args.LogRetentionDays,
            Tags = Inputs.Tags(args.Tags),
        }, Inputs.Guarded(this, args.LogGroupProtection));

        var policies = new InputList<Iam.Inputs.RolePolicyArgs>
        {
            new Iam.Inputs.RolePolicyArgs
            {
                PolicyName = "xray-tracing",
                PolicyDocument = tracing.Apply(traced => Inputs.Policy(new PolicyDocument([traced.XRayStatement]))),
            },
        };
        // The queues' statements first, then the function's own, as the plan lists them.
        var statements = args.QueueSources
            .Select(source => TracedFunctions.ConsumeLink(source.Key))
            .Zip(args.QueueSources, (link, source) => FunctionStatement.Allow(link.Sid, link.Actions, source.QueueArn))
            .Concat(args.Statements)
            .ToList();
        if (statements.Count > 0)
        {
            policies.Add(new Iam.Inputs.RolePolicyArgs { PolicyName = "function-access", PolicyDocument = Access(statements).Apply(Inputs.Policy) });
        }

        var role = new Iam.Role($"{name}-role", new Iam.RoleArgs
        {
            RoleName = args.RoleName ?? $"{functionName}-role",
            Description = $"Execution role of {functionName}",
            AssumeRolePolicyDocument = tracing.Apply(traced => Inputs.Policy(traced.AssumeRolePolicy)),
            ManagedPolicyArns = tracing.Apply(traced => traced.ManagedPolicyArns.ToImmutableArray()),
            Policies = policies,
            Tags = Inputs.Tags(args.Tags),
        }, child);

        // The function's own variables win over the tracing ones, as a value set on purpose should.
        var variables = InputMap<string>.Merge(tracing.Apply(traced => traced.Environment.ToImmutableDictionary()), args.Environment);

        var function = new Aws.Lambda.Function($"{name}-function", new Aws.Lambda.FunctionArgs
        {
            Name = functionName,
            Description = args.Description ?? "",
            Runtime = args.Runtime,
            Handler = args.Handler,
            Code = new FileArchive(args.CodePath),
            Architectures = { lambda.Architecture.Wire() },
            MemorySize = args.MemorySize,
            Timeout = args.TimeoutSeconds,
            Role = role.Arn,
            Layers = tracing.Apply(traced => ImmutableArray.Create(traced.LayerArn)),
            TracingConfig = new Aws.Lambda.Inputs.FunctionTracingConfigArgs { Mode = TracedFunctions.ActiveTracing },
            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = variables },
            LoggingConfig = new Aws.Lambda.Inputs.FunctionLoggingConfigArgs
            {
                LogFormat = TracedFunctions.JsonLogFormat,
                ApplicationLogLevel = args.ApplicationLogLevel,
                SystemLogLevel = args.SystemLogLevel,
                LogGroup = logGroup.LogGroupName.Apply(groupName => groupName ?? logGroupName),
            },
            Tags = Inputs.Map(args.Tags),
        }, child);

        foreach (var source in args.QueueSources)
        {
            _ = new Aws.Lambda.EventSourceMapping($"{name}-{source.Key}-mapping", new Aws.Lambda.EventSourceMappingArgs
            {
                EventSourceArn = source.QueueArn,
                FunctionName = function.Name,
                BatchSize = source.BatchSize,
                MaximumBatchingWindowInSeconds = source.BatchingWindowSeconds,
                FunctionResponseTypes = source.ReportBatchItemFailures ? [Core.Messaging.MessagingBuilder.ReportBatchItemFailures] : [],
            }, child);
        }

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

    private static LambdaSettings LambdaSettingsOf(TracedFunctionArgs args) => new(
        ArgumentChoice.Of(args.Flavor, EnumNames.Flavors, nameof(args.Flavor)),
        ArgumentChoice.Of(args.Architecture, EnumNames.Architectures, nameof(args.Architecture)),
        args.LayerVersions,
        args.LayerArn,
        args.MemorySize,
        args.TimeoutSeconds,
        args.LogRetentionDays);

    private static FunctionTracing Trace(string functionName, TracedFunctionArgs args, LambdaSettings lambda, IamMode iamMode, string region, string accountId)
    {
        try
        {
            return TracedFunctions.Trace(new FunctionTracingRequest(
                functionName, args.Runtime, region, accountId, lambda, iamMode,
                args.ApplicationSignals && lambda.Flavor == LayerFlavor.Distro,
                args.InstrumentationBudget,
                args.Imports));
        }
        catch (NoAdotLayerException exception)
        {
            // Names the input to change, as a settings error names its key.
            throw new ArgumentException($"TracedFunction {functionName}: {exception.Message} (inputs runtime, architecture, flavor, layerVersions, region)", nameof(args.Runtime));
        }
    }

    /// <summary>The function's own statements, once every resource (an output of another resource) is known.</summary>
    private static Output<PolicyDocument> Access(IReadOnlyList<FunctionStatement> statements) =>
        Output.All(statements.Select(statement => statement.Resources.ToOutput().Apply(resources =>
                PolicyStatement.Allow(statement.Sid, statement.Actions, [.. resources]))))
            .Apply(resolved => new PolicyDocument(resolved.ToList()));
}
