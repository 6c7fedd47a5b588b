using Infra.Core.Collector;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Iam;

/// <summary>The collector's IAM: its policy, the task role that carries it, the task execution role and the host role.</summary>
public sealed record CollectorIamSpec(
    IamMode Mode,
    ManagedPolicySpec CollectorPolicy,
    RoleSpec TaskRole,
    RoleSpec ExecutionRole,
    RoleSpec InstanceRole);

internal static class CollectorIam
{
    /// <summary>The article's AWSDistroOpenTelemetryPolicy actions, exactly (Step 1a).</summary>
    public static readonly IReadOnlyList<string> SeedActions =
    [
        "logs:PutLogEvents",
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:DescribeLogStreams",
        "logs:DescribeLogGroups",
        "logs:PutRetentionPolicy",
        "xray:PutTraceSegments",
        "xray:PutTelemetryRecords",
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:GetSamplingStatisticSummaries",
        "cloudwatch:PutMetricData",
        "ec2:DescribeVolumes",
        "ec2:DescribeTags",
        "ssm:GetParameters",
    ];

    public static CollectorIamSpec Build(IamMode mode, CollectorNeeds needs, string? configParameter, StackNames names, AwsContext aws)
    {
        var policyDocument = mode == IamMode.Seed ? SeedPolicy() : LeastPrivilegePolicy(needs, aws);
        var policy = new ManagedPolicySpec(
            names.CollectorPolicy,
            $"arn:{aws.Partition}:iam::{aws.AccountId}:policy/{names.CollectorPolicy}",
            $"ADOT collector permissions for stack {names.Stack} ({mode.Wire()})",
            policyDocument);

        var taskRole = new RoleSpec(
            names.TaskRole,
            "Role the ADOT collector task runs as (the article's AWSOTTaskRole)",
            EcsTasksTrust(aws),
            [policy.Arn],
            []);

        // Seed: the article's three managed policies, SSM read access included. Otherwise ECS's own policy, plus
        // reading the one parameter a custom config lives in.
        var executionRole = new RoleSpec(
            names.ExecutionRole,
            "Role ECS uses to start the collector task (the article's TaskExecutionRole)",
            EcsTasksTrust(aws),
            mode == IamMode.Seed
                ? [aws.ManagedPolicyArn(ManagedPolicies.EcsTaskExecution), aws.ManagedPolicyArn(ManagedPolicies.CloudWatchLogsFullAccess), aws.ManagedPolicyArn(ManagedPolicies.SsmReadOnly)]
                : [aws.ManagedPolicyArn(ManagedPolicies.EcsTaskExecution)],
            mode == IamMode.Seed || configParameter is null
                ? []
                : [new InlinePolicy("read-collector-config", new PolicyDocument([
                    PolicyStatement.Allow("ReadCollectorConfig", ["ssm:GetParameters"], aws.ParameterArn(configParameter)),
                ]))]);

        var instanceRole = new RoleSpec(
            names.InstanceRole,
            "Role of the EC2 hosts of the collector cluster",
            new PolicyDocument([PolicyStatement.AssumeRole(AwsContext.ServicePrincipal("ec2"))]),
            [aws.ManagedPolicyArn(ManagedPolicies.EcsForEc2), aws.ManagedPolicyArn(ManagedPolicies.SsmManagedInstanceCore)],
            []);

        return new CollectorIamSpec(mode, policy, taskRole, executionRole, instanceRole);
    }

    /// <summary>The article's policy, unchanged: one statement, every action on "*".</summary>
    public static PolicyDocument SeedPolicy() => new([new PolicyStatement(null, SeedActions, ["*"])]);

    /// <summary>
    /// Only what the chosen collector config calls. The task role needs no SSM access: ECS reads the custom
    /// config with the execution role and hands it to the container as AOT_CONFIG_CONTENT.
    /// </summary>
    public static PolicyDocument LeastPrivilegePolicy(CollectorNeeds needs, AwsContext aws)
    {
        var statements = new List<PolicyStatement>();
        switch (needs.TraceExporter)
        {
            case TraceExport.AwsXRay:
                statements.Add(XRayPermissions.Statement());
                break;
            case TraceExport.OtlpHttp:
                statements.AddRange(XRayPermissions.OtlpStatements(needs.ServesSampling));
                break;
        }

        if (needs.Emf.Count > 0)
        {
            // The awsemf exporter calls CreateLogStream and PutLogEvents, and CreateLogGroup when the group is missing
            // (internal/aws/cwlogs/cwlog_client.go at the pinned collector's contrib version). CloudWatch extracts the
            // metrics from those log events itself, so no cloudwatch:PutMetricData is needed.
            var groups = needs.Emf.Select(output => output.LogGroup).Distinct(StringComparer.Ordinal);
            statements.Add(PolicyStatement.Allow(
                "WriteEmfMetricLogs",
                EmfLogActions,
                groups.SelectMany(group => new[] { aws.LogGroupArn(group), $"{aws.LogGroupArn(group)}:log-stream:*" }).ToArray()));
        }

        return new PolicyDocument(statements);
    }

    private static readonly IReadOnlyList<string> EmfLogActions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

    /// <summary>ECS tasks may assume the role, only on behalf of this account (confused-deputy guard).</summary>
    public static PolicyDocument EcsTasksTrust(AwsContext aws) => new([
        PolicyStatement.AssumeRole(AwsContext.ServicePrincipal("ecs-tasks"), new PolicyCondition("StringEquals", "aws:SourceAccount", [aws.AccountId])),
    ]);
}
