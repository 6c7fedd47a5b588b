using Infra.Core.Sampling;
using Pulumi;
using Logs = Pulumi.AwsNative.Logs;
using XRay = Pulumi.AwsNative.XRay;

namespace Infra.Components;

public sealed class TransactionSearchArgs
{
    /// <summary>The resource policy that lets X-Ray write spans to CloudWatch Logs, and the indexing percentage.</summary>
    public required TransactionSearchSpec Spec { get; init; }

    /// <summary>The account whose Transaction Search is adopted (the id of AWS::XRay::TransactionSearchConfig); none: turn it on.</summary>
    public string? AdoptAccountId { get; init; }

    /// <summary>Leave Transaction Search on when this resource is deleted. Default true.</summary>
    public bool KeepOnDestroy { get; init; } = true;
}

/// <summary>
/// X-Ray Transaction Search for an account and Region: the CloudWatch Logs resource policy and
/// AWS::XRay::TransactionSearchConfig. AWS says to enable it with CloudFormation only while it is off
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Transaction-Search-Cloudformation.html);
/// where it is already on, Pulumi's import option adopts the existing config by its id, the account id
/// (https://www.pulumi.com/docs/iac/concepts/resources/options/import/). Kept on at destroy by default
/// (retainOnDelete), since every stack of the account and Region relies on it.
/// </summary>
public sealed class TransactionSearch : ComponentResource
{
    public TransactionSearch(string name, TransactionSearchArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:xray:TransactionSearch", name, options)
    {
        var policy = args.Spec.ResourcePolicy ?? throw new ArgumentException("Transaction Search needs its resource policy; build the spec with enabled: true.", nameof(args));
        var resourcePolicy = new Logs.ResourcePolicy($"{name}-policy", new Logs.ResourcePolicyArgs
        {
            PolicyName = args.Spec.ResourcePolicyName,
            PolicyDocument = policy.ToJsonString(),
        }, new CustomResourceOptions { Parent = this, RetainOnDelete = args.KeepOnDestroy });
        var config = new XRay.TransactionSearchConfig($"{name}-config", new XRay.TransactionSearchConfigArgs
        {
            IndexingPercentage = args.Spec.IndexingPercentage,
        }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = { resourcePolicy },
            RetainOnDelete = args.KeepOnDestroy,
            ImportId = args.AdoptAccountId,
        });
        AccountId = config.AccountId;
        RegisterOutputs(new Dictionary<string, object?> { ["accountId"] = AccountId });
    }

    [Output] public Output<string> AccountId { get; private set; }
}
