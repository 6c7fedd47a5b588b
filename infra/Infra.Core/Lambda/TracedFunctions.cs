using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Lambda;

/// <summary>Turns a function's declaration into a fully traced function spec (the article's Step 2, for every function).</summary>
internal static class TracedFunctions
{
    public const string ActiveTracing = "Active";

    /// <summary>
    /// Structured logs: Lambda writes each line as a JSON object with its level, timestamp and request id, so logs can
    /// be queried by field next to the traces. https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html
    /// </summary>
    public const string JsonLogFormat = "JSON";

    /// <summary>The distro layer's switch for Application Signals (on unless set to false).</summary>
    public const string ApplicationSignalsVariable = "OTEL_AWS_APPLICATION_SIGNALS_ENABLED";

    public static FunctionSpec Build(FunctionDeclaration declaration, StackSettings settings, StackNames names, AwsContext aws)
    {
        var layer = AdotLayers.Resolve(settings.Lambda, settings.Region, declaration.Runtime, declaration.JavaHandler);
        if (layer.Choice is not { } choice)
        {
            throw new InvalidStackSettingsException([new SettingsError(
                $"{ConfigKeys.Full(ConfigKeys.Lambda)}.{layer.Setting}",
                $"no ADOT layer for function {declaration.Key} ({declaration.Runtime}, {settings.Lambda.Architecture.Wire()}, {settings.Region}): {layer.Error}")]);
        }

        var functionName = names.Function(declaration.Key);
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = choice.ExecWrapper,
            ["OTEL_SERVICE_NAME"] = functionName,
            ["OTEL_PROPAGATORS"] = choice.Propagators,
        };
        // The article's functions load every instrumentation their layer ships; the budget is this program's addition.
        var instrumentation = settings.Profile == Profile.Article
            ? null
            : InstrumentationBudget.For(choice.Language, settings.Lambda.Flavor, declaration.Imports);
        if (instrumentation is not null)
        {
            environment[PythonInstrumentationCatalog.DisabledVariable] = instrumentation.DisabledVariableValue;
        }

        if (settings.Lambda.Flavor == LayerFlavor.Distro)
        {
            // The distro layer reports Application Signals unless this says false; written out either way so the plan shows it.
            // https://aws-otel.github.io/docs/getting-started/lambda
            environment[ApplicationSignalsVariable] = settings.ApplicationSignals.Enabled ? "true" : "false";
        }

        foreach (var (key, value) in declaration.Environment)
        {
            environment[key] = value;
        }

        var inline = new List<InlinePolicy>
        {
            new("xray-tracing", new PolicyDocument([XRayPermissions.FunctionStatement(settings.IamMode)])),
        };
        if (declaration.Statements.Count > 0)
        {
            inline.Add(new InlinePolicy("function-access", new PolicyDocument(declaration.Statements)));
        }

        var role = new RoleSpec(
            names.FunctionRole(declaration.Key),
            $"Execution role of {functionName}",
            new PolicyDocument([PolicyStatement.AssumeRole(
                AwsContext.ServicePrincipal("lambda"),
                new PolicyCondition("StringEquals", "aws:SourceAccount", [aws.AccountId]))]),
            settings.ApplicationSignals.Enabled
                ? [aws.ManagedPolicyArn(ManagedPolicies.LambdaBasicExecution), aws.ManagedPolicyArn(ManagedPolicies.LambdaApplicationSignalsExecution)]
                : [aws.ManagedPolicyArn(ManagedPolicies.LambdaBasicExecution)],
            inline);

        return new FunctionSpec(
            declaration.Key,
            functionName,
            declaration.Description,
            declaration.Runtime,
            declaration.Handler,
            declaration.CodePath,
            settings.Lambda.Architecture,
            settings.Lambda.MemorySize,
            declaration.TimeoutSeconds ?? settings.Lambda.TimeoutSeconds,
            ActiveTracing,
            [choice.Arn],
            environment,
            names.FunctionLogGroup(declaration.Key),
            JsonLogFormat,
            settings.Lambda.LogRetentionDays,
            role,
            EnvironmentPresets.For(settings.Environment).Protection.LogGroups,
            instrumentation,
            // Log-level filtering needs the JSON log format, which every function uses.
            // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
            EnvironmentPresets.For(settings.Environment).Logs.FunctionApplicationLogLevel,
            EnvironmentPresets.FunctionSystemLogLevel);
    }
}
