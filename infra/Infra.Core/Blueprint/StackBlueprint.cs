using Infra.Core.Api;
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
/// Everything one stack provisions, decided from its settings. The Pulumi program maps it to resources; the
/// offline plan prints it. Nothing here talks to AWS.
/// </summary>
public sealed record StackBlueprint(
    StackSettings Settings,
    StackNames Names,
    AwsContext Aws,
    IReadOnlyDictionary<string, string> Tags,
    CollectorIamSpec? CollectorIam,
    CollectorSpec? Collector,
    FunctionSpec Chatbot,
    FunctionSpec Consumer,
    QueueSpec Queue,
    ApiSpec Api,
    SamplingSpec Sampling,
    ApplicationSignalsSpec ApplicationSignals,
    CostEstimate Cost,
    MonthlyCost MonthlyCost,
    MonitoringSpec Monitoring)
{
    public IReadOnlyList<FunctionSpec> Functions => [Chatbot, Consumer];

    /// <exception cref="InvalidStackSettingsException">A secret would be written in plain text (<see cref="SecretPlacement"/>).</exception>
    public static StackBlueprint Create(StackSettings settings, AwsContext aws)
    {
        var names = StackNames.For(settings);
        (CollectorSpec Collector, CollectorIamSpec Iam)? collector = settings.Collector.Enabled
            ? CollectorBuilder.Build(settings, names, aws)
            : null;

        var chatbot = TracedFunctions.Build(SampleApp.ChatbotDeclaration(settings, names, aws), settings, names, aws);
        var consumer = TracedFunctions.Build(SampleApp.ConsumerDeclaration(names, aws), settings, names, aws);
        var queue = SampleApp.Queue(settings, names, aws, consumer);
        var api = ApiBuilder.Build(settings, names, aws, ApiBuilder.DefaultRoutes(SampleApp.Chatbot));
        var rules = SamplingBuilder.Rules(settings);
        var sampling = new SamplingSpec(
            rules,
            SamplingBuilder.Group(settings, names, api.XRayServiceName, [chatbot.FunctionName, consumer.FunctionName]),
            SamplingBuilder.TransactionSearch(settings, names, aws));

        var traces = CostEstimator.Estimate(rules, settings.Traffic, api.XRayServiceName);
        var monitoring = MonitoringBuilder.Build(settings, names, aws, api, [chatbot, consumer], queue, collector?.Collector);
        var monthly = MonthlyCostBuilder.Build(settings, traces, api, collector?.Collector, [chatbot, consumer], sampling,
            new MonitoringCounts(monitoring.Alarms.Count, Dashboards: 1));

        var blueprint = new StackBlueprint(
            settings, names, aws, StackTags.For(settings),
            collector?.Iam, collector?.Collector,
            chatbot, consumer, queue, api, sampling,
            ApplicationSignalsSpec.For(settings, [chatbot, consumer]),
            traces, monthly, monitoring);
        var misplaced = SecretPlacement.Check(blueprint);
        return misplaced.Count == 0 ? blueprint : throw new InvalidStackSettingsException(misplaced);
    }
}
