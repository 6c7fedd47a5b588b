using Infra.Core.Settings;
using Infra.Core.Iam;
using Pulumi;
using Iam = Pulumi.AwsNative.Iam;

namespace Infra.Components;

public sealed class CollectorRolesArgs
{
    public required CollectorIamSpec Spec { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The collector's IAM (the article's Step 1a-1c): the AWSDistroOpenTelemetryPolicy, the task role that carries
/// it, the task execution role and the hosts' instance profile. Names carry the stack: IAM names are account-global.
/// </summary>
public sealed class CollectorRoles : ComponentResource
{
    public CollectorRoles(string name, CollectorRolesArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:iam:CollectorRoles", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var spec = args.Spec;

        var policy = new Iam.ManagedPolicy($"{name}-collector-policy", new Iam.ManagedPolicyArgs
        {
            ManagedPolicyName = spec.CollectorPolicy.Name,
            Description = spec.CollectorPolicy.Description,
            PolicyDocument = Inputs.Policy(spec.CollectorPolicy.Document),
        }, child);

        // The task role's only managed policy is the collector policy created above; use its real ARN so the
        // role depends on the policy.
        var taskRole = Role($"{name}-task-role", spec.TaskRole, args.Tags, child, (spec.CollectorPolicy.Arn, policy.PolicyArn));
        var executionRole = Role($"{name}-execution-role", spec.ExecutionRole, args.Tags, child);
        var instanceRole = Role($"{name}-instance-role", spec.InstanceRole, args.Tags, child);
        var instanceProfile = new Iam.InstanceProfile($"{name}-instance-profile", new Iam.InstanceProfileArgs
        {
            InstanceProfileName = spec.InstanceRole.Name,
            Roles = { instanceRole.RoleName.Apply(roleName => roleName ?? spec.InstanceRole.Name) },
        }, child);

        CollectorPolicyArn = policy.PolicyArn;
        TaskRoleArn = taskRole.Arn;
        ExecutionRoleArn = executionRole.Arn;
        InstanceProfileArn = instanceProfile.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["collectorPolicyArn"] = CollectorPolicyArn,
            ["taskRoleArn"] = TaskRoleArn,
            ["executionRoleArn"] = ExecutionRoleArn,
            ["instanceProfileArn"] = InstanceProfileArn,
        });
    }

    [Output] public Output<string> CollectorPolicyArn { get; private set; }

    [Output] public Output<string> TaskRoleArn { get; private set; }

    [Output] public Output<string> ExecutionRoleArn { get; private set; }

    [Output] public Output<string> InstanceProfileArn { get; private set; }

    /// <summary>What the collector cluster needs from these roles.</summary>
    public CollectorRoleArns RoleArns => new(TaskRoleArn, ExecutionRoleArn, InstanceProfileArn);

    /// <param name="createdPolicy">A policy ARN of the spec that this stack creates, with the created resource's output to use in its place.</param>
    /// <param name="secrets">Secret texts: an inline policy holding one is passed as a secret.</param>
    internal static Iam.Role Role(string name, RoleSpec spec, IReadOnlyDictionary<string, string> tags, CustomResourceOptions options,
        (string Arn, Output<string> Output)? createdPolicy = null, SecretValues? secrets = null)
    {
        var managed = new InputList<string>();
        foreach (var arn in spec.ManagedPolicyArns)
        {
            managed.Add(createdPolicy is { } created && arn == created.Arn ? created.Output : arn);
        }

        var policies = new InputList<Iam.Inputs.RolePolicyArgs>();
        foreach (var inline in spec.InlinePolicies)
        {
            policies.Add(new Iam.Inputs.RolePolicyArgs { PolicyName = inline.Name, PolicyDocument = Inputs.Policy(inline.Document, secrets ?? SecretValues.None) });
        }

        return new Iam.Role(name, new Iam.RoleArgs
        {
            RoleName = spec.Name,
            Description = spec.Description,
            AssumeRolePolicyDocument = Inputs.Policy(spec.TrustPolicy),
            ManagedPolicyArns = managed,
            Policies = policies,
            Tags = Inputs.Tags(tags),
        }, options);
    }
}
