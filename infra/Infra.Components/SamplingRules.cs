using Infra.Core.Sampling;
using Pulumi;
using Logs = Pulumi.AwsNative.Logs;
using XRay = Pulumi.AwsNative.XRay;

namespace Infra.Components;

public sealed class SamplingRulesArgs
{
    public required SamplingSpec Spec { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}

/// <summary>
/// The stack's X-Ray sampling rules (scoped to its API stage), its X-Ray group, and, when this stack owns it,
/// account-wide Transaction Search with the logs resource policy it needs.
/// </summary>
public sealed class SamplingRules : ComponentResource
{
    public SamplingRules(string name, SamplingRulesArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:xray:SamplingRules", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var tags = Inputs.Tags(args.Tags);

        var ruleNames = new List<Output<string>>();
        foreach (var rule in args.Spec.Rules)
        {
            var resource = new XRay.SamplingRule($"{name}-{rule.Key}", new XRay.SamplingRuleArgs
            {
                RuleName = rule.RuleName,
                SamplingRuleValue = SamplingRuleInputs.Of(rule.Fields, rule.Boost),
                Tags = tags,
            }, child);
            ruleNames.Add(resource.RuleName.Apply(ruleName => ruleName ?? rule.RuleName));
        }

        var group = args.Spec.Group;
        var xrayGroup = new XRay.Group($"{name}-group", new XRay.GroupArgs
        {
            GroupName = group.Name,
            FilterExpression = group.FilterExpression,
            InsightsConfiguration = new XRay.Inputs.GroupInsightsConfigurationArgs
            {
                InsightsEnabled = group.InsightsEnabled,
                NotificationsEnabled = group.NotificationsEnabled,
            },
            Tags = tags,
        }, child);

        if (args.Spec.TransactionSearch is { Enabled: true, ResourcePolicy: { } policy } search)
        {
            var resourcePolicy = new Logs.ResourcePolicy($"{name}-transaction-search-policy", new Logs.ResourcePolicyArgs
            {
                PolicyName = search.ResourcePolicyName,
                PolicyDocument = policy.ToJsonString(),
            }, child);
            _ = new XRay.TransactionSearchConfig($"{name}-transaction-search", new XRay.TransactionSearchConfigArgs
            {
                IndexingPercentage = search.IndexingPercentage,
            }, new CustomResourceOptions { Parent = this, DependsOn = { resourcePolicy } });
        }

        RuleNames = Output.All(ruleNames);
        GroupName = xrayGroup.GroupName;
        GroupArn = xrayGroup.GroupArn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["ruleNames"] = RuleNames,
            ["groupName"] = GroupName,
        });
    }

    [Output] public Output<System.Collections.Immutable.ImmutableArray<string>> RuleNames { get; private set; }

    [Output] public Output<string> GroupName { get; private set; }

    [Output] public Output<string> GroupArn { get; private set; }
}
