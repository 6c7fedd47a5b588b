using Pulumi;
using ApplicationSignals = Pulumi.AwsNative.ApplicationSignals;

namespace Infra.Components;

/// <summary>
/// Lets CloudWatch Application Signals discover the account's services: AWS::ApplicationSignals::Discovery creates
/// the AWSServiceRoleForCloudWatchApplicationSignals service-linked role. It is account-wide, so only the one stack
/// that owns it (applicationSignals.discovery) creates this component.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationsignals-discovery.html
/// </summary>
public sealed class ApplicationSignalsDiscovery : ComponentResource
{
    public ApplicationSignalsDiscovery(string name, ComponentResourceOptions? options = null)
        : base("adot-tracing:cloudwatch:ApplicationSignalsDiscovery", name, options)
    {
        var discovery = new ApplicationSignals.Discovery($"{name}-discovery", new ApplicationSignals.DiscoveryArgs(), new CustomResourceOptions { Parent = this });
        AccountId = discovery.AccountId;
        RegisterOutputs(new Dictionary<string, object?> { ["accountId"] = AccountId });
    }

    /// <summary>The account Application Signals discovers services in.</summary>
    [Output] public Output<string> AccountId { get; private set; }
}
