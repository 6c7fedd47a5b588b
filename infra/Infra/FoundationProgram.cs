using System.Collections.Immutable;
using Infra.Components;
using Infra.Core.Blueprint;
using Infra.Core.Collector;
using Pulumi;

namespace Infra;

/// <summary>A foundation stack: what exists once per account and Region, and the outputs app stacks read from it.</summary>
internal static class FoundationProgram
{
    /// <summary>The role of AWS::ApiGateway::Account; an app stack's stage logs access only once it exists.</summary>
    public const string ApiGatewayRoleOutput = "apiGatewayCloudWatchRoleArn";

    /// <summary>Where hosts and services of the VPC send telemetry: the collector's cluster, VPC and listening ports.</summary>
    public const string CollectorEndpointOutput = "collectorEndpoint";

    public static Dictionary<string, object?> Build(FoundationBlueprint blueprint, Func<CollectorSpec, CollectorNetwork> lookUpNetwork)
    {
        var tags = blueprint.Tags;
        var outputs = new Dictionary<string, object?>
        {
            ["kind"] = "foundation",
            ["region"] = blueprint.Settings.Region,
            ["accountId"] = blueprint.Aws.AccountId,
        };

        var apiGateway = new ApiGatewayAccount("apigateway-account", new ApiGatewayAccountArgs { Role = blueprint.ApiGatewayLogsRole, Tags = tags });
        outputs[ApiGatewayRoleOutput] = apiGateway.CloudWatchRoleArn;

        outputs["transactionSearch"] = blueprint.TransactionSearch is not null;
        if (blueprint.TransactionSearch is { } search)
        {
            _ = new TransactionSearch("transaction-search", new TransactionSearchArgs
            {
                Spec = search.Spec,
                AdoptAccountId = search.Adopt ? blueprint.Aws.AccountId : null,
                KeepOnDestroy = search.KeepOnDestroy,
            });
        }

        outputs["applicationSignalsDiscovery"] = blueprint.Discovery;
        if (blueprint.Discovery)
        {
            _ = new ApplicationSignalsDiscovery("application-signals");
        }

        if (blueprint is { Collector: { } collectorSpec, CollectorIam: { } iamSpec })
        {
            var roles = new CollectorRoles("collector-iam", new CollectorRolesArgs { Spec = iamSpec, Tags = tags });
            var network = lookUpNetwork(collectorSpec);
            var collector = new CollectorCluster("collector", new CollectorClusterArgs
            {
                Spec = collectorSpec,
                Roles = roles.RoleArns,
                Network = network,
                Tags = tags,
            });
            var ports = collectorSpec.Task.Container.PortMappings
                .ToImmutableDictionary(port => $"{port.ContainerPort}/{port.Protocol}", port => (object)port.HostPort);
            outputs[CollectorEndpointOutput] = Output.Tuple(collector.ClusterName, network.VpcId).Apply(pair => (object)ImmutableDictionary<string, object>.Empty
                .Add("clusterName", pair.Item1)
                .Add("vpcId", pair.Item2)
                .Add("ports", ports));
            outputs["collectorClusterName"] = collector.ClusterName;
            outputs["collectorTaskRoleArn"] = roles.TaskRoleArn;

            if (blueprint.Monitoring is { } monitoringSpec)
            {
                var monitoring = new StackMonitoring("monitoring", new StackMonitoringArgs { Spec = monitoringSpec, Tags = tags, Secrets = blueprint.Settings.Secrets },
                    new ComponentResourceOptions { DependsOn = { collector } });
                outputs["alertTopicArn"] = monitoring.AlertTopicArn;
                outputs["dashboardName"] = monitoring.DashboardName;
            }
        }

        return outputs;
    }
}
