using Infra.Core.Api;
using Infra.Core.App;
using Infra.Core.Collector;
using Infra.Core.Cost;
using Infra.Core.Iam;
using Infra.Core.Lambda;
using Infra.Core.Messaging;
using Infra.Core.Monitoring;
using Infra.Core.Naming;
using Infra.Core.Sampling;
using Infra.Core.Settings;
using Infra.Core.Signals;

namespace Infra.Core.Blueprint;

/// <summary>
/// Everything one stack provisions, decided from its settings and the app it deploys. The Pulumi program maps it
/// to resources; the offline plan prints it. Nothing here talks to AWS.
/// </summary>
public sealed record StackBlueprint(
    StackSettings Settings,
    StackNames Names,
    AwsContext Aws,
    IReadOnlyDictionary<string, string> Tags,
    CollectorIamSpec? CollectorIam,
    CollectorSpec? Collector,
    IReadOnlyList<FunctionSpec> Functions,
    IReadOnlyList<QueueSpec> Queues,
    IReadOnlyList<TableSpec> Tables,
    ApiSpec Api,
    SamplingSpec Sampling,
    ApplicationSignalsSpec ApplicationSignals,
    CostEstimate Cost,
    MonthlyCost MonthlyCost,
    MonitoringSpec Monitoring,
    AppDeclaration App)
{
    /// <summary>Whether the stage logs access: only with a foundation, which owns API Gateway's account-level CloudWatch Logs role.</summary>
    public bool AccessLogging => Settings.Role.HasFoundation;

    public FunctionSpec Function(string key) => Functions.Single(function => function.Key == key);

    /// <summary>Traffic entries and sampling paths that name no route of the API (see <see cref="TrafficCheck"/>).</summary>
    public IReadOnlyList<string> RouteWarnings => TrafficCheck.Warnings(Settings, Api);

    /// <exception cref="InvalidStackSettingsException">A secret would be written in plain text (<see cref="SecretPlacement"/>).</exception>
    public static StackBlueprint Create(StackSettings settings, AppDeclaration app, AwsContext aws)
    {
        var names = StackNames.For(settings);
        (CollectorSpec Collector, CollectorIamSpec Iam)? collector = settings.Collector.Enabled
            ? CollectorBuilder.Build(settings, names, aws)
            : null;

        var functions = app.Functions.Select(function => TracedFunctions.Build(function, app, settings, names, aws)).ToList();
        var queues = app.Queues
            .Select(queue => MessagingBuilder.Queue(queue, functions.Single(function => function.Key == queue.Consumer).TimeoutSeconds, settings, names, aws))
            .ToList();
        var tables = app.Tables.Select(table => MessagingBuilder.Table(table, settings, names, aws)).ToList();
        var api = ApiBuilder.Build(settings, names, aws, app.Routes);
        var rules = SamplingBuilder.Rules(settings);
        var sampling = new SamplingSpec(
            rules,
            SamplingBuilder.Group(settings, names, api.XRayServiceName, functions.Select(function => function.FunctionName)),
            SamplingBuilder.TransactionSearch(settings, names, aws));

        var traces = CostEstimator.Estimate(rules, settings.Traffic, api.XRayServiceName);
        var monitoring = MonitoringBuilder.Build(settings, names, aws, api, functions, queues, collector?.Collector);
        var monthly = MonthlyCostBuilder.Build(settings, api, collector?.Collector, functions,
            queues.Select(queue => new QueueLink(queue.Producer, queue.Consumer, queue.BatchSize, queue.BatchingWindowSeconds)).ToList(), sampling, monitoring);

        var blueprint = new StackBlueprint(
            settings, names, aws, StackTags.For(settings),
            collector?.Iam, collector?.Collector,
            functions, queues, tables, api, sampling,
            ApplicationSignalsSpec.For(settings, functions),
            traces, monthly, monitoring, app);
        var misplaced = SecretPlacement.Check(blueprint);
        return misplaced.Count == 0 ? blueprint : throw new InvalidStackSettingsException(misplaced);
    }
}
