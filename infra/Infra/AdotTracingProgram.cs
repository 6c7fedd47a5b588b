using System.Collections.Immutable;
using Infra.App;
using Infra.Components;
using Infra.Core;
using Infra.Core.App;
using Infra.Core.Blueprint;
using Infra.Core.Collector;
using Infra.Core.Lambda;
using Infra.Core.Naming;
using Infra.Core.Settings;
using Pulumi;
using Aws = Pulumi.Aws;

namespace Infra;

/// <summary>
/// The whole stack: settings from config (validated before any resource exists), Core's blueprint, one component
/// per concept, and the stack outputs.
/// </summary>
public static class AdotTracingProgram
{
    /// <summary>The program's own app, with the outputs scripts/verify-traces reads.</summary>
    public static Task<IDictionary<string, object?>> RunAsync() =>
        RunAsync(new ChatbotApp(), ChatbotOutputs.Add, ProjectRoot.Find(Directory.GetCurrentDirectory()));

    /// <param name="app">The app to deploy: its functions, routes, queues and tables.</param>
    /// <param name="addOutputs">Adds the app's own stack outputs, from what was deployed.</param>
    /// <param name="projectDirectory">The folder of Pulumi.yaml and the stack files, whose other stacks this one is checked
    /// against (one owner per account and Region, as scripts/plan checks); none: no sibling checks.</param>
    public static async Task<IDictionary<string, object?>> RunAsync(
        AppDefinition app, Action<DeployedApp, IDictionary<string, object?>>? addOutputs = null, string? projectDirectory = null)
    {
        var result = StackSettingsParser.Parse(PulumiConfigSource.Read(), app);
        foreach (var warning in result.Warnings)
        {
            Log.Warn(warning);
        }

        try
        {
            var settings = result.GetOrThrow();
            if (projectDirectory is not null)
            {
                var (errors, notes) = SiblingStacks.Check(projectDirectory, settings, app);
                foreach (var note in notes)
                {
                    Log.Warn(note);
                }

                if (errors.Count > 0)
                {
                    throw new InvalidStackSettingsException(errors);
                }
            }

            var identity = await Aws.GetCallerIdentity.InvokeAsync();
            var aws = AwsContext.For(settings.Region, identity.AccountId);
            if (settings.Role.IsFoundation)
            {
                return FoundationProgram.Build(FoundationBlueprint.Create(settings, aws), LookUpNetwork);
            }

            var blueprint = StackBlueprint.Create(settings, result.Declaration, aws);
            foreach (var warning in blueprint.RouteWarnings)
            {
                Log.Warn(warning);
            }

            var outputs = Build(blueprint, out var deployed);
            addOutputs?.Invoke(deployed, outputs);
            return outputs;
        }
        catch (InvalidStackSettingsException exception)
        {
            // Pulumi prints a RunException's message alone; any other exception comes with a stack trace.
            throw new RunException(exception.Message);
        }
    }

    private static Dictionary<string, object?> Build(StackBlueprint blueprint, out DeployedApp deployed)
    {
        var names = blueprint.Names;
        var tags = blueprint.Tags;
        var watched = new List<Resource>();
        var outputs = new Dictionary<string, object?>
        {
            ["region"] = blueprint.Settings.Region,
            ["environment"] = blueprint.Settings.Environment.Wire(),
        };

        // An app stack with a foundation relies on it for the account's API Gateway role (so the stage may log access)
        // and for the collector of its VPC; the reference fails the update when the foundation is missing.
        StackReference? foundation = null;
        if (blueprint.Settings.Role is { HasFoundation: true, Foundation: { } foundationName })
        {
            foundation = new StackReference("foundation", new StackReferenceArgs { Name = foundationName });
            outputs["foundation"] = foundationName;
            outputs["apiGatewayCloudWatchRoleArn"] = foundation.RequireOutput(FoundationProgram.ApiGatewayRoleOutput);
            outputs["collectorEndpoint"] = foundation.GetOutput(FoundationProgram.CollectorEndpointOutput);
        }

        if (blueprint is { Collector: { } collectorSpec, CollectorIam: { } iamSpec })
        {
            var roles = new CollectorRoles("collector-iam", new CollectorRolesArgs { Spec = iamSpec, Tags = tags });
            var collector = new CollectorCluster("collector", new CollectorClusterArgs
            {
                Spec = collectorSpec,
                Roles = roles.RoleArns,
                Network = LookUpNetwork(collectorSpec),
                Tags = tags,
            });
            watched.Add(collector);
            outputs["collectorClusterName"] = collector.ClusterName;
            outputs["collectorTaskRoleArn"] = roles.TaskRoleArn;
        }

        // Queues and tables first: functions take their URLs, names and ARNs as outputs, so Pulumi orders them.
        var queues = blueprint.Queues.ToDictionary(spec => spec.Key, spec => new TracedQueue(spec.Key, TracedQueueArgs.Of(spec, tags)));
        var tables = blueprint.Tables.ToDictionary(spec => spec.Key, spec => new AppTable(spec.Key, new AppTableArgs { Spec = spec, Tags = tags }));
        var codeRoot = ProjectRoot.Find(Directory.GetCurrentDirectory());
        var functions = blueprint.Functions.ToDictionary(
            spec => spec.Key,
            spec => new TracedFunction(spec.Key, FunctionArgs(blueprint, spec, queues, tables, codeRoot, tags)));
        deployed = new DeployedApp(functions, queues, tables);

        var api = new TracedRestApi("chat", new TracedRestApiArgs
        {
            Name = blueprint.Api.Name,
            Routes = blueprint.Api.Routes
                .Select(route => route.FunctionKey is { } key
                    ? TracedRoute.Lambda(route.Method, route.Path, functions[key].FunctionArn)
                    : TracedRoute.Mock(route.Method, route.Path))
                .ToList(),
            StageName = blueprint.Api.StageName,
            ThrottlingRateLimit = blueprint.Api.Throttling.RateLimit,
            ThrottlingBurstLimit = blueprint.Api.Throttling.BurstLimit,
            AccessLogGroupName = blueprint.Api.AccessLogs.LogGroupName,
            AccessLogRetentionDays = blueprint.Api.AccessLogs.RetentionDays,
            AccessLogClass = blueprint.Api.AccessLogs.LogGroupClass.Wire(),
            ProtectAccessLogs = blueprint.Api.AccessLogs.Protection.Protect,
            RetainAccessLogsOnDelete = blueprint.Api.AccessLogs.Protection.RetainOnDelete,
            AccessLogs = blueprint.AccessLogging,
            Region = blueprint.Aws.Region,
            AccountId = blueprint.Aws.AccountId,
            Tags = new(tags),
        }, foundation is null ? null : new ComponentResourceOptions { DependsOn = { foundation } });

        var sampling = new SamplingRules("sampling", new SamplingRulesArgs { Spec = blueprint.Sampling, Tags = tags });
        if (blueprint.ApplicationSignals.Discovery)
        {
            var discovery = new ApplicationSignalsDiscovery("application-signals");
            outputs["applicationSignalsDiscoveryAccountId"] = discovery.AccountId;
        }

        // The metric filters need the functions' log groups; alarms and SLOs watch what the other components create.
        watched.AddRange(functions.Values);
        watched.AddRange(queues.Values);
        watched.Add(api);
        var monitoring = new StackMonitoring("monitoring", new StackMonitoringArgs { Spec = blueprint.Monitoring, Tags = tags, Secrets = blueprint.Settings.Secrets },
            new ComponentResourceOptions { DependsOn = watched });

        outputs["apiUrl"] = api.InvokeUrl;
        outputs["apiStageArn"] = api.StageArn;
        outputs["apiName"] = blueprint.Api.Name;
        outputs["stageName"] = api.StageName;
        outputs["functionNames"] = Output.All(functions.Select(pair => pair.Value.FunctionName.Apply(name => KeyValuePair.Create(pair.Key, name))))
            .Apply(pairs => pairs.ToImmutableDictionary());
        outputs["xrayGroupName"] = sampling.GroupName;
        outputs["samplingRuleNames"] = sampling.RuleNames;
        outputs["alertTopicArn"] = monitoring.AlertTopicArn;
        outputs["dashboardName"] = monitoring.DashboardName;
        outputs["dashboardUrl"] = monitoring.DashboardUrl;
        return outputs;
    }

    /// <summary>
    /// A declared function as any Pulumi program would trace it: the stack's Lambda settings, the declaration's own
    /// variables and statements, and for each queue or table it uses, that resource's outputs (never a predicted name).
    /// </summary>
    private static TracedFunctionArgs FunctionArgs(
        StackBlueprint blueprint, FunctionSpec spec, IReadOnlyDictionary<string, TracedQueue> queues, IReadOnlyDictionary<string, AppTable> tables,
        string codeRoot, IReadOnlyDictionary<string, string> tags)
    {
        var settings = blueprint.Settings;
        var declaration = blueprint.App.Function(spec.Key);
        var environment = new InputMap<string>();
        // A value holding one of the stack's secrets stays a secret in the state and the engine's output.
        Input<string> Guarded(string value) => settings.Secrets.Holds(value) ? Output.CreateSecret(value) : value;
        foreach (var (key, value) in declaration.Environment)
        {
            environment.Add(key, Guarded(value));
        }

        var statements = new List<FunctionStatement>();
        var sources = new List<QueueSource>();
        foreach (var link in spec.Links)
        {
            if (link.Kind == AppResourceKind.Queue && link.Variable is null)
            {
                var consumed = blueprint.Queues.Single(queue => queue.Key == link.Key);
                sources.Add(new QueueSource
                {
                    Key = link.Key,
                    QueueArn = queues[link.Key].QueueArn,
                    BatchSize = consumed.BatchSize,
                    ReportBatchItemFailures = consumed.FunctionResponseTypes.Count > 0,
                    BatchingWindowSeconds = consumed.BatchingWindowSeconds,
                });
                continue;
            }

            var (arn, value) = link.Kind == AppResourceKind.Queue
                ? (queues[link.Key].QueueArn, queues[link.Key].QueueUrl)
                : (tables[link.Key].TableArn, tables[link.Key].TableName);
            statements.Add(FunctionStatement.Allow(link.Sid, link.Actions, arn));
            environment.Add(link.Variable!, value);
        }

        // The declaration's own statements, with the account Core filled in.
        statements.AddRange(spec.Statements.Skip(spec.Links.Count).Select(statement =>
            FunctionStatement.Allow(statement.Sid ?? "", statement.Actions, [.. statement.Resources.Select(Guarded)])));

        return new TracedFunctionArgs
        {
            Runtime = spec.Runtime,
            Handler = spec.Handler,
            CodePath = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(codeRoot, spec.Code.Path)),
            FunctionName = spec.FunctionName,
            Description = spec.Description,
            Architecture = spec.ArchitectureName,
            MemorySize = spec.MemorySize,
            TimeoutSeconds = spec.TimeoutSeconds,
            Environment = environment,
            Statements = statements,
            QueueSources = sources,
            Imports = declaration.Imports is { } imports ? [.. imports] : null,
            InstrumentationBudget = settings.Profile != Profile.Article,
            Flavor = settings.Lambda.Flavor.Wire(),
            LayerVersions = new(settings.Lambda.Versions),
            LayerArn = settings.Lambda.LayerArn,
            ApplicationSignals = settings.ApplicationSignals.Enabled,
            IamMode = settings.IamMode.Wire(),
            Region = settings.Region,
            AccountId = blueprint.Aws.AccountId,
            LogGroupName = spec.LogGroupName,
            LogRetentionDays = spec.LogRetentionDays,
            ApplicationLogLevel = spec.ApplicationLogLevel,
            SystemLogLevel = spec.SystemLogLevel,
            ProtectLogGroup = spec.LogGroupProtection.Protect,
            RetainLogGroupOnDelete = spec.LogGroupProtection.RetainOnDelete,
            RoleName = spec.Role.Name,
            Tags = new(tags),
        };
    }

    /// <summary>The configured VPC and subnets, or the account's default VPC and all its subnets.</summary>
    internal static CollectorNetwork LookUpNetwork(CollectorSpec collector)
    {
        var vpc = collector.AutoScaling.VpcId is { } vpcId
            ? Aws.Ec2.GetVpc.Invoke(new Aws.Ec2.GetVpcInvokeArgs { Id = vpcId })
            : Aws.Ec2.GetVpc.Invoke(new Aws.Ec2.GetVpcInvokeArgs { Default = true });
        var subnetIds = collector.AutoScaling.SubnetIds.Count > 0
            ? Output.Create(collector.AutoScaling.SubnetIds.ToImmutableArray())
            : vpc.Apply(found => Aws.Ec2.GetSubnets.Invoke(new Aws.Ec2.GetSubnetsInvokeArgs
            {
                Filters = { new Aws.Ec2.Inputs.GetSubnetsFilterInputArgs { Name = "vpc-id", Values = { found.Id } } },
            })).Apply(subnets => subnets.Ids);
        return new CollectorNetwork(vpc.Apply(found => found.Id), vpc.Apply(found => found.CidrBlock), subnetIds);
    }
}

/// <summary>What the program deployed for the app, by declaration key.</summary>
public sealed record DeployedApp(
    IReadOnlyDictionary<string, TracedFunction> Functions,
    IReadOnlyDictionary<string, TracedQueue> Queues,
    IReadOnlyDictionary<string, AppTable> Tables);
