using System.Text.Json.Nodes;
using Infra.Core.Collector;
using Infra.Core.Cost;
using Infra.Core.Iam;
using Infra.Core.Lambda;
using Infra.Core.Sampling;
using Infra.Core.Settings;

namespace Infra.Core.Blueprint;

/// <summary>The plan as JSON (camelCase keys). Every top-level key is always present.</summary>
public static class PlanJson
{
    public static JsonObject Build(StackBlueprint blueprint, IReadOnlyList<string> warnings)
    {
        var settings = blueprint.Settings;
        return new JsonObject
        {
            ["stack"] = settings.StackName,
            ["environment"] = settings.Environment.Wire(),
            ["region"] = settings.Region,
            ["account"] = blueprint.Aws.AccountId,
            ["iam"] = Iam(blueprint),
            ["collector"] = Collector(blueprint),
            ["functions"] = Array(blueprint.Functions.Select(Function)),
            ["api"] = Api(blueprint),
            ["queues"] = Array([Queue(blueprint)]),
            ["sampling"] = Sampling(blueprint.Sampling),
            ["cost"] = Cost(blueprint.Cost),
            ["tags"] = Map(blueprint.Tags),
            ["warnings"] = Strings(warnings),
        };
    }

    private static JsonObject Iam(StackBlueprint blueprint)
    {
        var json = new JsonObject { ["mode"] = blueprint.Settings.IamMode.Wire() };
        if (blueprint.CollectorIam is { } iam)
        {
            json["collectorPolicy"] = new JsonObject
            {
                ["name"] = iam.CollectorPolicy.Name,
                ["arn"] = iam.CollectorPolicy.Arn,
                ["document"] = iam.CollectorPolicy.Document.ToJson(),
            };
            json["taskRole"] = Role(iam.TaskRole);
            json["executionRole"] = Role(iam.ExecutionRole);
            json["instanceRole"] = Role(iam.InstanceRole);
        }

        return json;
    }

    private static JsonObject Role(RoleSpec role) => new()
    {
        ["name"] = role.Name,
        ["trustPolicy"] = role.TrustPolicy.ToJson(),
        ["managedPolicyArns"] = Strings(role.ManagedPolicyArns),
        ["inlinePolicies"] = Array(role.InlinePolicies.Select(policy => new JsonObject
        {
            ["name"] = policy.Name,
            ["document"] = policy.Document.ToJson(),
        })),
    };

    private static JsonObject Collector(StackBlueprint blueprint)
    {
        if (blueprint.Collector is not { } collector)
        {
            return new JsonObject { ["enabled"] = false };
        }

        var container = collector.Task.Container;
        var config = new JsonObject { ["source"] = collector.Config.Source.Wire() };
        if (collector.Config.Source == CollectorConfigSource.Bundled)
        {
            config["bundledPath"] = collector.Config.BundledPath;
        }
        else
        {
            config["parameterName"] = collector.Config.ParameterName;
            config["yaml"] = collector.Config.Yaml;
        }

        return new JsonObject
        {
            ["enabled"] = true,
            ["cluster"] = collector.ClusterName,
            ["instanceType"] = collector.LaunchTemplate.InstanceType,
            ["imageId"] = collector.LaunchTemplate.ImageId,
            ["autoScaling"] = new JsonObject
            {
                ["minSize"] = collector.AutoScaling.MinSize,
                ["maxSize"] = collector.AutoScaling.MaxSize,
                ["desiredCapacity"] = collector.AutoScaling.DesiredCapacity,
                ["vpcId"] = collector.AutoScaling.VpcId ?? "(default VPC)",
                ["subnetIds"] = collector.AutoScaling.SubnetIds.Count > 0 ? Strings(collector.AutoScaling.SubnetIds) : Strings(["(the VPC's subnets)"]),
            },
            ["ingress"] = Array(collector.Ingress.Select(rule => new JsonObject
            {
                ["protocol"] = rule.Protocol,
                ["fromPort"] = rule.FromPort,
                ["toPort"] = rule.ToPort,
                ["source"] = "VPC CIDR",
                ["purpose"] = rule.Purpose,
            })),
            ["task"] = new JsonObject
            {
                ["family"] = collector.Task.Family,
                ["cpu"] = collector.Task.Cpu,
                ["memory"] = collector.Task.Memory,
                ["networkMode"] = collector.Task.NetworkMode,
                ["requiresCompatibilities"] = Strings(collector.Task.RequiresCompatibilities),
                ["container"] = new JsonObject
                {
                    ["name"] = container.Name,
                    ["image"] = container.Image,
                    ["command"] = Strings(container.Command),
                    ["portMappings"] = Array(container.PortMappings.Select(port => new JsonObject
                    {
                        ["containerPort"] = port.ContainerPort,
                        ["hostPort"] = port.HostPort,
                        ["protocol"] = port.Protocol,
                    })),
                    ["healthCheck"] = new JsonObject
                    {
                        ["command"] = Strings(container.HealthCheck.Command),
                        ["interval"] = container.HealthCheck.IntervalSeconds,
                        ["timeout"] = container.HealthCheck.TimeoutSeconds,
                        ["retries"] = container.HealthCheck.Retries,
                        ["startPeriod"] = container.HealthCheck.StartPeriodSeconds,
                    },
                    ["secrets"] = Array(container.Secrets.Select(secret => new JsonObject { ["name"] = secret.Name, ["valueFrom"] = secret.ValueFrom })),
                    ["logConfiguration"] = new JsonObject
                    {
                        ["logDriver"] = container.LogConfiguration.Driver,
                        ["options"] = Map(container.LogConfiguration.Options),
                    },
                },
            },
            ["service"] = new JsonObject
            {
                ["name"] = collector.Service.Name,
                ["schedulingStrategy"] = collector.Service.SchedulingStrategy.Wire(),
                ["desiredCount"] = collector.Service.DesiredCount,
                ["circuitBreakerRollback"] = collector.Service.SchedulingStrategy == SchedulingStrategy.Replica && collector.Service.CircuitBreakerRollback,
            },
            ["config"] = config,
            ["logGroup"] = new JsonObject { ["name"] = collector.LogGroupName, ["retentionDays"] = collector.LogRetentionDays },
        };
    }

    private static JsonObject Function(FunctionSpec function) => new()
    {
        ["name"] = function.FunctionName,
        ["key"] = function.Key,
        ["runtime"] = function.Runtime,
        ["architecture"] = function.ArchitectureName,
        ["handler"] = function.Handler,
        ["code"] = function.CodePath,
        ["memorySize"] = function.MemorySize,
        ["timeoutSeconds"] = function.TimeoutSeconds,
        ["tracingMode"] = function.TracingMode,
        ["layers"] = Strings(function.Layers),
        ["environment"] = Map(function.Environment),
        ["role"] = function.Role.Name,
        ["managedPolicyArns"] = Strings(function.Role.ManagedPolicyArns),
        ["policy"] = function.Policy.ToJson(),
        ["logGroup"] = new JsonObject { ["name"] = function.LogGroupName, ["retentionDays"] = function.LogRetentionDays, ["format"] = function.LogFormat },
    };

    private static JsonObject Api(StackBlueprint blueprint)
    {
        var api = blueprint.Api;
        return new JsonObject
        {
            ["name"] = api.Name,
            ["type"] = "rest",
            ["stage"] = api.StageName,
            ["tracingEnabled"] = api.TracingEnabled,
            ["xrayServiceName"] = api.XRayServiceName,
            ["routes"] = Array(api.Routes.Select(route => new JsonObject
            {
                ["method"] = route.Method,
                ["path"] = route.Path,
                ["target"] = route.Target,
            })),
            ["throttling"] = new JsonObject { ["rateLimit"] = api.Throttling.RateLimit, ["burstLimit"] = api.Throttling.BurstLimit },
            ["accessLogs"] = new JsonObject
            {
                ["logGroup"] = api.AccessLogs.LogGroupName,
                ["retentionDays"] = api.AccessLogs.RetentionDays,
                ["format"] = api.AccessLogs.Format,
            },
            ["deploymentKey"] = api.DeploymentKey,
            ["openApi"] = api.OpenApi.DeepClone(),
        };
    }

    private static JsonObject Queue(StackBlueprint blueprint)
    {
        var queue = blueprint.Queue;
        return new JsonObject
        {
            ["name"] = queue.Name,
            ["arn"] = queue.Arn,
            ["deadLetterQueue"] = queue.DeadLetterName,
            ["maxReceiveCount"] = queue.MaxReceiveCount,
            ["visibilityTimeoutSeconds"] = queue.VisibilityTimeoutSeconds,
            ["encryption"] = queue.SqsManagedEncryption ? "SQS-managed SSE" : "none",
            ["producer"] = blueprint.Chatbot.FunctionName,
            ["consumer"] = blueprint.Consumer.FunctionName,
            ["batchSize"] = queue.BatchSize,
            ["functionResponseTypes"] = Strings(queue.FunctionResponseTypes),
            ["consumerTable"] = new JsonObject { ["name"] = queue.ConsumerTable.Name, ["partitionKey"] = queue.ConsumerTable.PartitionKey },
        };
    }

    private static JsonObject Sampling(SamplingSpec sampling) => new()
    {
        ["rules"] = Array(sampling.Rules.Select(rule =>
        {
            var json = new JsonObject
            {
                ["name"] = rule.RuleName,
                ["kind"] = rule.Kind.ToString().ToLowerInvariant(),
                ["priority"] = rule.Priority,
                ["fixedRate"] = rule.FixedRate,
                ["reservoirSize"] = rule.ReservoirSize,
                ["serviceName"] = rule.ServiceName,
                ["serviceType"] = rule.ServiceType,
                ["host"] = rule.Host,
                ["httpMethod"] = rule.HttpMethod,
                ["urlPath"] = rule.UrlPath,
            };
            if (rule.Boost is { } boost)
            {
                json["boost"] = new JsonObject { ["maxRate"] = boost.MaxRate, ["cooldownWindowMinutes"] = boost.CooldownWindowMinutes };
            }

            return json;
        })),
        ["group"] = new JsonObject
        {
            ["name"] = sampling.Group.Name,
            ["filterExpression"] = sampling.Group.FilterExpression,
            ["insightsEnabled"] = sampling.Group.InsightsEnabled,
        },
        ["transactionSearch"] = new JsonObject
        {
            ["enabled"] = sampling.TransactionSearch.Enabled,
            ["indexingPercentage"] = sampling.TransactionSearch.IndexingPercentage,
        },
    };

    private static JsonObject Cost(CostEstimate cost) => new()
    {
        ["routes"] = Array(cost.Routes.Select(route => new JsonObject
        {
            ["route"] = route.Route,
            ["requestsPerSecond"] = route.RequestsPerSecond,
            ["tracesPerSecond"] = Math.Round(route.TracesPerSecond, 4),
            ["rule"] = route.MatchedRule,
        })),
        ["requestsPerSecond"] = cost.RequestsPerSecond,
        ["tracesPerSecond"] = Math.Round(cost.TracesPerSecond, 4),
        ["tracesPerMonth"] = Math.Round(cost.TracesPerMonth),
        ["monthlyUsd"] = Math.Round(cost.MonthlyUsd, 2),
        ["defaultRule"] = new JsonObject
        {
            ["tracesPerSecond"] = Math.Round(cost.DefaultRule.TracesPerSecond, 4),
            ["tracesPerMonth"] = Math.Round(cost.DefaultRule.TracesPerMonth),
            ["monthlyUsd"] = Math.Round(cost.DefaultRule.MonthlyUsd, 2),
        },
        ["pricing"] = $"${CostEstimator.UsdPerMillionTraces:0.00} per million traces recorded after {CostEstimator.FreeTracesPerMonth:N0} free per month; 30-day month",
    };

    private static JsonArray Array(IEnumerable<JsonNode> nodes) => new(nodes.ToArray());

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray());

    private static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }
}
