using Infra.Core.App;
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
public sealed class FunctionStatement : ResourceArgs
{
    /// <summary>The statement's id in the role's policy: letters and digits.</summary>
    [Input("sid", required: true)]
    public required string Sid { get; init; }

    /// <summary>The IAM actions allowed, e.g. dynamodb:PutItem.</summary>
    [Input("actions", required: true)]
    public required List<string> Actions { get; init; }

    /// <summary>The ARNs the actions apply to; values may be other resources' outputs.</summary>
    [Input("resources", required: true)]
    public required InputList<string> Resources { get; init; }

    public static FunctionStatement Allow(string sid, IReadOnlyList<string> actions, params Input<string>[] resources)
    {
        var list = new InputList<string>();
        foreach (var resource in resources)
        {
            list.Add(resource);
        }

        return new FunctionStatement { Sid = sid, Actions = [.. actions], Resources = list };
    }
}

/// <summary>A queue the function consumes: Lambda polls it and invokes the function with batches of messages.</summary>
public sealed class QueueSource : ResourceArgs
{
    /// <summary>Short and unique among the function's sources: names the mapping and the role's statement.</summary>
    [Input("key", required: true)]
    public required string Key { get; init; }

    /// <summary>The queue's ARN (a TracedQueue's queueArn).</summary>
    [Input("queueArn", required: true)]
    public required Input<string> QueueArn { get; init; }

    /// <summary>Messages per invocation, 1 to 10 without a batching window. Default 10.</summary>
    [Input("batchSize")]
    public int? BatchSize { get; init; }

    /// <summary>The function reports which messages failed, so only those return to the queue. Default true.</summary>
    [Input("reportBatchItemFailures")]
    public bool? ReportBatchItemFailures { get; init; }

    /// <summary>How long Lambda gathers messages before invoking, 0 to 300 s. Default 0.</summary>
    [Input("batchingWindowSeconds")]
    public int? BatchingWindowSeconds { get; init; }
}

/// <summary>
/// What a Pulumi program says about a function to trace. Everything but the runtime, handler and code has a
/// default, applied by the component; the ADOT layer, its wrapper, the propagators and the role's tracing
/// permissions are decided from these by Infra.Core, the same decisions the offline plan shows.
/// </summary>
public sealed class TracedFunctionArgs : ResourceArgs
{
    /// <summary>A Lambda runtime with an ADOT layer (python3.x, nodejs*.x, java*, dotnet*).</summary>
    [Input("runtime", required: true)]
    public required string Runtime { get; init; }

    /// <summary>The function's handler, e.g. app.handler.</summary>
    [Input("handler", required: true)]
    public required string Handler { get; init; }

    /// <summary>The code: a folder (zipped as it is; Python and Node.js) or a built .zip or .jar file (Java, .NET),
    /// as a path the Pulumi program can read.</summary>
    [Input("codePath", required: true)]
    public required string CodePath { get; init; }

    /// <summary>The Lambda function's name. Default: the component's name.</summary>
    [Input("functionName")]
    public string? FunctionName { get; init; }

    /// <summary>The function's description. Default: none.</summary>
    [Input("description")]
    public string? Description { get; init; }

    /// <summary>x86_64 (default) or arm64.</summary>
    [Input("architecture")]
    public string? Architecture { get; init; }

    /// <summary>Memory in MB, 128 to 10240. Default 256.</summary>
    [Input("memorySize")]
    public int? MemorySize { get; init; }

    /// <summary>Timeout in seconds, 1 to 900. Default 15.</summary>
    [Input("timeoutSeconds")]
    public int? TimeoutSeconds { get; init; }

    /// <summary>The function's own variables; values may be outputs (a queue's URL) or secrets. The tracing variables
    /// are added next to them.</summary>
    [Input("environment")]
    public InputMap<string>? Environment { get; init; }

    /// <summary>What the function may do besides tracing.</summary>
    [Input("statements")]
    public List<FunctionStatement>? Statements { get; init; }

    /// <summary>Queues the function consumes; each gets an event source mapping and the statement Lambda's poller needs.</summary>
    [Input("queueSources")]
    public List<QueueSource>? QueueSources { get; init; }

    /// <summary>Top-level modules the code imports (Python): only their instrumentations are loaded. Default: every one.</summary>
    [Input("imports")]
    public List<string>? Imports { get; init; }

    /// <summary>Load only the instrumentations the imports need (default true); false: every one the layer ships, as the article does.</summary>
    [Input("instrumentationBudget")]
    public bool? InstrumentationBudget { get; init; }

    /// <summary>distro (default: AWS's current AWSOpenTelemetryDistro layers, Application Signals) or legacy.</summary>
    [Input("flavor")]
    public string? Flavor { get; init; }

    /// <summary>Layer releases by language (python, nodejs, java, dotnet). Default: the catalog's current one.</summary>
    [Input("layerVersions")]
    public Dictionary<string, string>? LayerVersions { get; init; }

    /// <summary>An explicit ADOT layer ARN in the function's Region, instead of the catalog's.</summary>
    [Input("layerArn")]
    public string? LayerArn { get; init; }

    /// <summary>Report CloudWatch Application Signals (distro layers only). Default true.</summary>
    [Input("applicationSignals")]
    public bool? ApplicationSignals { get; init; }

    /// <summary>least-privilege (default) or seed (the two X-Ray actions the article grants).</summary>
    [Input("iamMode")]
    public string? IamMode { get; init; }

    /// <summary>The Region, to pick the layer published there. Default: the AWS provider's.</summary>
    [Input("region")]
    public string? Region { get; init; }

    /// <summary>The account the role trusts Lambda from. Default: the caller's.</summary>
    [Input("accountId")]
    public string? AccountId { get; init; }

    /// <summary>The function's log group. Default: /aws/lambda/&lt;function name&gt;.</summary>
    [Input("logGroupName")]
    public string? LogGroupName { get; init; }

    /// <summary>Days the function's logs are kept. Default 30.</summary>
    [Input("logRetentionDays")]
    public int? LogRetentionDays { get; init; }

    /// <summary>Lambda's application log level (JSON logs): TRACE, DEBUG, INFO, WARN, ERROR or FATAL. Default INFO.</summary>
    [Input("applicationLogLevel")]
    public string? ApplicationLogLevel { get; init; }

    /// <summary>Lambda's system log level: DEBUG, INFO or WARN; INFO keeps platform.report. Default INFO.</summary>
    [Input("systemLogLevel")]
    public string? SystemLogLevel { get; init; }

    /// <summary>Pulumi protects the log group from deletion. Default false.</summary>
    [Input("protectLogGroup")]
    public bool? ProtectLogGroup { get; init; }

    /// <summary>Deleting the component leaves the log group in the account. Default false.</summary>
    [Input("retainLogGroupOnDelete")]
    public bool? RetainLogGroupOnDelete { get; init; }

    /// <summary>The execution role's name. Default: &lt;function name&gt;-role.</summary>
    [Input("roleName")]
    public string? RoleName { get; init; }

    /// <summary>Tags on every resource the component creates.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; init; }
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
        var input = Resolved.Of(name, args);
        var functionName = input.FunctionName;
        var logGroupName = args.LogGroupName ?? $"/aws/lambda/{functionName}";
        var lambda = input.Lambda;
        var tracing = AwsScope.Of(args.Region, args.AccountId).Apply(scope => Trace(functionName, args, input, scope.Region, scope.AccountId));
        var tags = args.Tags ?? [];
        var queueSources = args.QueueSources ?? [];

        var logGroup = new Logs.LogGroup($"{name}-logs", new Logs.LogGroupArgs
        {
            LogGroupName = logGroupName,
            RetentionInDays = lambda.LogRetentionDays,
            Tags = Inputs.Tags(tags),
        }, Inputs.Guarded(this, new ResourceProtection(args.ProtectLogGroup ?? false, args.RetainLogGroupOnDelete ?? false)));

        var policies = new InputList<Iam.Inputs.RolePolicyArgs>
        {
            new Iam.Inputs.RolePolicyArgs
            {
                PolicyName = "xray-tracing",
                PolicyDocument = tracing.Apply(traced => Inputs.Policy(new PolicyDocument([traced.XRayStatement]))),
            },
        };
        // The queues' statements first, then the function's own, as the plan lists them.
        var statements = queueSources
            .Select(source => TracedFunctions.ConsumeLink(source.Key))
            .Zip(queueSources, (link, source) => FunctionStatement.Allow(link.Sid, link.Actions, source.QueueArn))
            .Concat(args.Statements ?? [])
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
            Tags = Inputs.Tags(tags),
        }, child);

        // The function's own variables win over the tracing ones, as a value set on purpose should.
        var variables = InputMap<string>.Merge(tracing.Apply(traced => traced.Environment.ToImmutableDictionary()), args.Environment ?? []);

        var function = new Aws.Lambda.Function($"{name}-function", new Aws.Lambda.FunctionArgs
        {
            Name = functionName,
            Description = args.Description ?? "",
            Runtime = args.Runtime,
            Handler = args.Handler,
            Code = new FileArchive(args.CodePath),
            Architectures = { lambda.Architecture.Wire() },
            MemorySize = lambda.MemorySize,
            Timeout = lambda.TimeoutSeconds,
            Role = role.Arn,
            Layers = tracing.Apply(traced => ImmutableArray.Create(traced.LayerArn)),
            TracingConfig = new Aws.Lambda.Inputs.FunctionTracingConfigArgs { Mode = TracedFunctions.ActiveTracing },
            Environment = new Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = variables },
            LoggingConfig = new Aws.Lambda.Inputs.FunctionLoggingConfigArgs
            {
                LogFormat = TracedFunctions.JsonLogFormat,
                ApplicationLogLevel = input.ApplicationLogLevel,
                SystemLogLevel = input.SystemLogLevel,
                LogGroup = logGroup.LogGroupName.Apply(groupName => groupName ?? logGroupName),
            },
            Tags = Inputs.Map(tags),
        }, child);

        foreach (var source in queueSources)
        {
            _ = new Aws.Lambda.EventSourceMapping($"{name}-{source.Key}-mapping", new Aws.Lambda.EventSourceMappingArgs
            {
                EventSourceArn = source.QueueArn,
                FunctionName = function.Name,
                BatchSize = source.BatchSize ?? 10,
                MaximumBatchingWindowInSeconds = source.BatchingWindowSeconds ?? 0,
                FunctionResponseTypes = source.ReportBatchItemFailures ?? true ? [Core.Messaging.MessagingBuilder.ReportBatchItemFailures] : [],
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

    /// <summary>The Lambda function's name.</summary>
    [Output("functionName")] public Output<string> FunctionName { get; private set; }

    /// <summary>The Lambda function's ARN: a TracedRestApi route's functionArn.</summary>
    [Output("functionArn")] public Output<string> FunctionArn { get; private set; }

    /// <summary>The execution role's ARN.</summary>
    [Output("roleArn")] public Output<string> RoleArn { get; private set; }

    /// <summary>The inputs with their defaults applied, every bad one reported at once.</summary>
    private sealed record Resolved(string FunctionName, LambdaSettings Lambda, IamMode IamMode, string ApplicationLogLevel, string SystemLogLevel)
    {
        public static Resolved Of(string name, TracedFunctionArgs args)
        {
            var errors = new InputErrors(nameof(TracedFunction), name);
            errors.Required(args.Runtime, "runtime", "a Lambda runtime with an ADOT layer, e.g. python3.12");
            errors.Required(args.Handler, "handler", "the function's entry point, e.g. app.handler");
            errors.Required(args.CodePath, "codePath", "a folder or a .zip or .jar file");
            var lambda = new LambdaSettings(
                errors.Choice(args.Flavor, "distro", EnumNames.Flavors, "flavor"),
                errors.Choice(args.Architecture, "x86_64", EnumNames.Architectures, "architecture"),
                args.LayerVersions ?? [],
                args.LayerArn,
                // Lambda's limits: https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html (MemorySize, Timeout).
                errors.Range(args.MemorySize, 256, 128, 10240, "memorySize"),
                errors.Range(args.TimeoutSeconds, 15, 1, 900, "timeoutSeconds"),
                args.LogRetentionDays ?? 30);
            var iamMode = errors.Choice(args.IamMode, "least-privilege", EnumNames.IamModes, "iamMode");
            // LoggingConfig's levels: https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html
            var applicationLevel = errors.Choice(args.ApplicationLogLevel, "INFO", LogLevels(["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]), "applicationLogLevel");
            var systemLevel = errors.Choice(args.SystemLogLevel, "INFO", LogLevels(["DEBUG", "INFO", "WARN"]), "systemLogLevel");
            foreach (var source in args.QueueSources ?? [])
            {
                // https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html (MaximumBatchingWindowInSeconds).
                errors.Range(source.BatchingWindowSeconds, 0, 0, AppValidation.MaxBatchingWindowSeconds, "queueSources[].batchingWindowSeconds");
            }

            errors.ThrowIfAny();
            return new Resolved(args.FunctionName ?? name, lambda, iamMode, applicationLevel, systemLevel);
        }

        private static Dictionary<string, string> LogLevels(string[] levels) => levels.ToDictionary(level => level, level => level);
    }

    private static FunctionTracing Trace(string functionName, TracedFunctionArgs args, Resolved input, string region, string accountId)
    {
        try
        {
            return TracedFunctions.Trace(new FunctionTracingRequest(
                functionName, args.Runtime, region, accountId, input.Lambda, input.IamMode,
                (args.ApplicationSignals ?? true) && input.Lambda.Flavor == LayerFlavor.Distro,
                args.InstrumentationBudget ?? true,
                args.Imports));
        }
        catch (NoAdotLayerException exception)
        {
            // Names the input to change, as a settings error names its key.
            throw new ArgumentException($"TracedFunction '{functionName}': {exception.Message} (inputs runtime, architecture, flavor, layerVersions, region)", nameof(args.Runtime));
        }
    }

    /// <summary>The function's own statements, once every resource (an output of another resource) is known.</summary>
    private static Output<PolicyDocument> Access(IReadOnlyList<FunctionStatement> statements) =>
        Output.All(statements.Select(statement => statement.Resources.ToOutput().Apply(resources =>
                PolicyStatement.Allow(statement.Sid, statement.Actions, [.. resources]))))
            .Apply(resolved => new PolicyDocument(resolved.ToList()));
}
