using System.Collections.Immutable;
using Infra.Components;
using Infra.Core;
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
    public static async Task<IDictionary<string, object?>> RunAsync()
    {
        var result = StackSettingsParser.Parse(PulumiConfigSource.Read());
        foreach (var warning in result.Warnings)
        {
            Log.Warn(warning);
        }

        try
        {
            var settings = result.GetOrThrow();
            var identity = await Aws.GetCallerIdentity.InvokeAsync();
            var blueprint = StackBlueprint.Create(settings, AwsContext.For(settings.Region, identity.AccountId));
            return Build(blueprint);
        }
        catch (InvalidStackSettingsException exception)
        {
            // Pulumi prints a RunException's message alone; any other exception comes with a stack trace.
            throw new RunException(exception.Message);
        }
    }

    private static Dictionary<string, object?> Build(StackBlueprint blueprint)
    {
        var names = blueprint.Names;
        var tags = blueprint.Tags;
        var watched = new List<Resource>();
        var outputs = new Dictionary<string, object?>
        {
            ["region"] = blueprint.Settings.Region,
            ["environment"] = blueprint.Settings.Environment.Wire(),
        };

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

        var codeRoot = ProjectRoot.Find(Directory.GetCurrentDirectory());
        var functions = blueprint.Functions.ToDictionary(
            spec => spec.Key,
            spec => new TracedFunction(spec.Key, new TracedFunctionArgs
            {
                Spec = spec,
                CodeDirectory = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(codeRoot, spec.CodePath)),
                Tags = tags,
                Secrets = blueprint.Settings.Secrets,
            }));

        var queue = new QuestionQueue("questions", new QuestionQueueArgs
        {
            Spec = blueprint.Queue,
            ConsumerFunctionName = functions[SampleApp.Consumer].FunctionName,
            Tags = tags,
        });

        var api = new TracedRestApi("chat", new TracedRestApiArgs
        {
            Spec = blueprint.Api,
            FunctionNames = functions.ToDictionary(pair => pair.Key, pair => (Input<string>)pair.Value.FunctionName),
            Aws = blueprint.Aws,
            Tags = tags,
        });

        var sampling = new SamplingRules("sampling", new SamplingRulesArgs { Spec = blueprint.Sampling, Tags = tags });
        if (blueprint.ApplicationSignals.Discovery)
        {
            var discovery = new ApplicationSignalsDiscovery("application-signals");
            outputs["applicationSignalsDiscoveryAccountId"] = discovery.AccountId;
        }

        // The metric filters need the functions' log groups; alarms and SLOs watch what the other components create.
        watched.AddRange(functions.Values);
        watched.Add(queue);
        watched.Add(api);
        var monitoring = new StackMonitoring("monitoring", new StackMonitoringArgs { Spec = blueprint.Monitoring, Tags = tags, Secrets = blueprint.Settings.Secrets },
            new ComponentResourceOptions { DependsOn = watched });

        outputs["apiUrl"] = api.InvokeUrl;
        outputs["apiStageArn"] = api.StageArn;
        outputs["apiName"] = blueprint.Api.Name;
        outputs["stageName"] = api.StageName;
        outputs["chatbotFunctionName"] = functions[SampleApp.Chatbot].FunctionName;
        outputs["consumerFunctionName"] = functions[SampleApp.Consumer].FunctionName;
        outputs["queueUrl"] = queue.QueueUrl;
        outputs["queueName"] = queue.QueueName;
        outputs["xrayGroupName"] = sampling.GroupName;
        outputs["samplingRuleNames"] = sampling.RuleNames;
        outputs["alertTopicArn"] = monitoring.AlertTopicArn;
        outputs["dashboardName"] = monitoring.DashboardName;
        outputs["dashboardUrl"] = monitoring.DashboardUrl;
        return outputs;
    }

    /// <summary>The configured VPC and subnets, or the account's default VPC and all its subnets.</summary>
    private static CollectorNetwork LookUpNetwork(CollectorSpec collector)
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
