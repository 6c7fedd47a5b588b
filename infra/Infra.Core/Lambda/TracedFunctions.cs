using Infra.Core.App;
using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>What decides how a function is traced, whoever declares it: a stack's settings or a component's arguments.</summary>
/// <param name="ServiceName">The function's name in X-Ray and Application Signals (OTEL_SERVICE_NAME).</param>
/// <param name="InstrumentationBudget">Load only the instrumentations the code imports (the article loads every one).</param>
public sealed record FunctionTracingRequest(
    string ServiceName,
    string Runtime,
    string Region,
    string AccountId,
    LambdaSettings Lambda,
    IamMode IamMode,
    bool ApplicationSignals,
    bool InstrumentationBudget,
    IReadOnlyList<string>? Imports = null,
    string JavaHandler = "request");

/// <summary>Tracing as decided for one function: its layer, the variables the layer needs, and its role's tracing part.</summary>
public sealed record FunctionTracing(
    string LayerArn,
    IReadOnlyDictionary<string, string> Environment,
    PolicyStatement XRayStatement,
    PolicyDocument AssumeRolePolicy,
    IReadOnlyList<string> ManagedPolicyArns,
    FunctionInstrumentation? Instrumentation);

/// <summary>No ADOT layer fits the function: <see cref="Setting"/> names the lambda setting that decides it.</summary>
public sealed class NoAdotLayerException(string setting, string message) : Exception(message)
{
    public string Setting { get; } = setting;
}

/// <summary>Turns a function's declaration into a fully traced function spec (the article's Step 2, for every function).</summary>
public static class TracedFunctions
{
    public const string ActiveTracing = "Active";

    /// <summary>
    /// Structured logs: Lambda writes each line as a JSON object with its level, timestamp and request id, so logs can
    /// be queried by field next to the traces. https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html
    /// </summary>
    public const string JsonLogFormat = "JSON";

    /// <summary>
    /// The distro layer's switch for Application Signals. The layer reports Application Signals by default; AWS documents
    /// only setting it to false, to keep tracing and turn Application Signals off
    /// (https://docs.aws.amazon.com/xray/latest/devguide/xray-sdk-migration.html: "To use only tracing, set the Lambda
    /// environment variable OTEL_AWS_APPLICATION_SIGNALS_ENABLED=false";
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html).
    /// </summary>
    public const string ApplicationSignalsVariable = "OTEL_AWS_APPLICATION_SIGNALS_ENABLED";

    /// <summary>API Gateway's integration timeout: a function behind a route never runs longer.
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html</summary>
    public const int ApiIntegrationTimeoutSeconds = 29;

    /// <summary>The ADOT layer, wrapper, propagators and role of a traced function. Throws
    /// <see cref="NoAdotLayerException"/> when no layer fits the runtime, architecture and Region.</summary>
    public static FunctionTracing Trace(FunctionTracingRequest request)
    {
        var layer = AdotLayers.Resolve(request.Lambda, request.Region, request.Runtime, request.JavaHandler);
        if (layer.Choice is not { } choice)
        {
            throw new NoAdotLayerException(layer.Setting,
                $"no ADOT layer for {request.ServiceName} ({request.Runtime}, {request.Lambda.Architecture.Wire()}, {request.Region}): {layer.Error}");
        }

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = choice.ExecWrapper,
            ["OTEL_SERVICE_NAME"] = request.ServiceName,
            ["OTEL_PROPAGATORS"] = choice.Propagators,
        };
        var instrumentation = request.InstrumentationBudget
            ? InstrumentationBudget.For(choice.Language, request.Lambda.Flavor, request.Imports)
            : null;
        if (instrumentation is not null)
        {
            environment[PythonInstrumentationCatalog.DisabledVariable] = instrumentation.DisabledVariableValue;
        }

        if (request.Lambda.Flavor == LayerFlavor.Distro && !request.ApplicationSignals)
        {
            // Set only to turn Application Signals off, the one value AWS documents; on is the layer's own default.
            environment[ApplicationSignalsVariable] = "false";
        }

        var aws = AwsContext.For(request.Region, request.AccountId);
        return new FunctionTracing(
            choice.Arn,
            environment,
            XRayPermissions.FunctionStatement(request.IamMode),
            new PolicyDocument([PolicyStatement.AssumeRole(
                AwsContext.ServicePrincipal("lambda"),
                new PolicyCondition("StringEquals", "aws:SourceAccount", [request.AccountId]))]),
            request.ApplicationSignals
                ? [aws.ManagedPolicyArn(ManagedPolicies.LambdaBasicExecution), aws.ManagedPolicyArn(ManagedPolicies.LambdaApplicationSignalsExecution)]
                : [aws.ManagedPolicyArn(ManagedPolicies.LambdaBasicExecution)],
            instrumentation);
    }

    /// <summary>The statements a function gets for the app's queues and tables it sends to, consumes or writes.</summary>
    public static IReadOnlyList<ResourceLink> LinksOf(string functionKey, AppDeclaration app)
    {
        var links = new List<ResourceLink>();
        foreach (var queue in app.Queues)
        {
            if (queue.Producer == functionKey)
            {
                links.Add(new ResourceLink(AppResourceKind.Queue, queue.Key, $"Send{Pascal(queue.Key)}", ["sqs:SendMessage"], queue.UrlVariable));
            }

            if (queue.Consumer == functionKey)
            {
                links.Add(ConsumeLink(queue.Key));
            }
        }

        foreach (var table in app.Tables.Where(table => table.Writers.Contains(functionKey)))
        {
            links.Add(new ResourceLink(AppResourceKind.Table, table.Key, $"Write{Pascal(table.Key)}", ["dynamodb:PutItem"], table.NameVariable));
        }

        return links;
    }

    /// <summary>What Lambda's event source mapping needs from a queue consumer's role.
    /// https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html (execution role permissions)</summary>
    public static ResourceLink ConsumeLink(string queueKey) => new(AppResourceKind.Queue, queueKey, $"Consume{Pascal(queueKey)}",
        ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"], null);

    public static FunctionSpec Build(FunctionDeclaration declaration, AppDeclaration app, StackSettings settings, StackNames names, AwsContext aws)
    {
        var functionName = names.Function(declaration.Key);
        FunctionTracing tracing;
        try
        {
            tracing = Trace(new FunctionTracingRequest(
                functionName,
                declaration.Runtime,
                settings.Region,
                aws.AccountId,
                settings.Lambda,
                settings.IamMode,
                settings.ApplicationSignals.Enabled,
                // The article's functions load every instrumentation their layer ships; the budget is this program's addition.
                InstrumentationBudget: settings.Profile != Profile.Article,
                declaration.Imports,
                declaration.JavaHandler));
        }
        catch (NoAdotLayerException exception)
        {
            throw new InvalidStackSettingsException([new SettingsError($"{ConfigKeys.Full(ConfigKeys.Lambda)}.{exception.Setting}", exception.Message)]);
        }

        var links = LinksOf(declaration.Key, app);
        var environment = new SortedDictionary<string, string>(tracing.Environment.ToDictionary(), StringComparer.Ordinal);
        foreach (var link in links.Where(link => link.Variable is not null))
        {
            environment[link.Variable!] = link.Kind == AppResourceKind.Queue
                ? aws.QueueUrl(names.Queue(link.Key))
                : names.Table(link.Key);
        }

        foreach (var (key, value) in declaration.Environment)
        {
            environment[key] = value;
        }

        var statements = links
            .Select(link => PolicyStatement.Allow(link.Sid, link.Actions, link.Kind == AppResourceKind.Queue
                ? aws.QueueArn(names.Queue(link.Key))
                : aws.TableArn(names.Table(link.Key))))
            // A declaration made without the account (AwsContext.For(region)) names it as a placeholder; this stack's fills it.
            .Concat(declaration.Statements.Select(statement => statement with
            {
                Resources = statement.Resources.Select(resource => resource.Replace(AwsContext.UnknownAccount, aws.AccountId, StringComparison.Ordinal)).ToList(),
            }))
            .ToList();
        var inline = new List<InlinePolicy> { new("xray-tracing", new PolicyDocument([tracing.XRayStatement])) };
        if (statements.Count > 0)
        {
            inline.Add(new InlinePolicy("function-access", new PolicyDocument(statements)));
        }

        var role = new RoleSpec(names.FunctionRole(declaration.Key), $"Execution role of {functionName}", tracing.AssumeRolePolicy, tracing.ManagedPolicyArns, inline);
        var timeout = declaration.TimeoutSeconds ?? settings.Lambda.TimeoutSeconds;
        if (app.Routes.Any(route => route.FunctionKey == declaration.Key))
        {
            timeout = Math.Min(timeout, ApiIntegrationTimeoutSeconds);
        }

        return new FunctionSpec(
            declaration.Key,
            functionName,
            declaration.Description,
            declaration.Runtime,
            declaration.Handler,
            declaration.Code,
            settings.Lambda.Architecture,
            settings.Lambda.MemorySize,
            timeout,
            ActiveTracing,
            [tracing.LayerArn],
            environment,
            statements,
            links,
            names.FunctionLogGroup(declaration.Key),
            JsonLogFormat,
            settings.Lambda.LogRetentionDays,
            role,
            EnvironmentPresets.For(settings.Environment).Protection.LogGroups,
            tracing.Instrumentation,
            // Log-level filtering needs the JSON log format, which every function uses.
            // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
            EnvironmentPresets.For(settings.Environment).Logs.FunctionApplicationLogLevel,
            EnvironmentPresets.FunctionSystemLogLevel);
    }

    private static string Pascal(string key) =>
        string.Concat(key.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
