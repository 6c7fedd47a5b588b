using Infra.Core.Monitoring;
using Infra.Core.Collector;
using Infra.Core.Cost;
using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Blueprint;

/// <summary>Transaction Search as the foundation owns it: the spec, and whether it is adopted and kept on at destroy.</summary>
public sealed record OwnedTransactionSearch(TransactionSearchSpec Spec, bool Adopt, bool KeepOnDestroy);

/// <summary>
/// What a foundation stack provisions once per account and Region: API Gateway's CloudWatch Logs role, Transaction
/// Search, Application Signals discovery, and optionally the ADOT collector of a VPC. App stacks reference it.
/// </summary>
public sealed record FoundationBlueprint(
    StackSettings Settings,
    StackNames Names,
    AwsContext Aws,
    IReadOnlyDictionary<string, string> Tags,
    RoleSpec ApiGatewayLogsRole,
    OwnedTransactionSearch? TransactionSearch,
    bool Discovery,
    CollectorIamSpec? CollectorIam,
    CollectorSpec? Collector,
    SetupCost MonthlyCost,
    MonitoringSpec? Monitoring = null)
{
    /// <summary>
    /// The AWS managed policy API Gateway needs to write access and execution logs to CloudWatch Logs.
    /// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
    /// </summary>
    public const string PushToCloudWatchLogsPolicy = "AmazonAPIGatewayPushToCloudWatchLogs";

    public static FoundationBlueprint Create(StackSettings settings, AwsContext aws)
    {
        var names = StackNames.For(settings);
        (CollectorSpec Collector, CollectorIamSpec Iam)? collector = settings.Collector.Enabled ? CollectorBuilder.Build(settings, names, aws) : null;
        var role = new RoleSpec(
            $"{names.Prefix}-apigateway-cloudwatch",
            "Lets API Gateway write the account's API access and execution logs to CloudWatch Logs (AWS::ApiGateway::Account).",
            new PolicyDocument([PolicyStatement.AssumeRole(AwsContext.ServicePrincipal("apigateway"))]),
            [$"arn:{aws.Partition}:iam::aws:policy/service-role/{PushToCloudWatchLogsPolicy}"],
            []);
        var search = settings.TransactionSearch.Enabled
            ? new OwnedTransactionSearch(SamplingBuilder.TransactionSearch(settings, names, aws), settings.TransactionSearch.Adopt, settings.TransactionSearch.KeepOnDestroy)
            : null;
        // The collector's alarms move with it: whoever runs the collector watches it.
        var monitoring = collector is { } running ? MonitoringBuilder.Collector(settings, names, aws, running.Collector) : null;
        return new FoundationBlueprint(settings, names, aws, StackTags.For(settings), role, search, settings.ApplicationSignals.Discovery,
            collector?.Iam, collector?.Collector, MonthlyCostBuilder.Foundation(collector?.Collector, monitoring, settings.Region), monitoring);
    }
}
