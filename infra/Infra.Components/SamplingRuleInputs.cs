using Infra.Core.Sampling;
using Infra.Core.Settings;
using XRay = Pulumi.AwsNative.XRay;

namespace Infra.Components;

/// <summary>An X-Ray sampling rule's fields as the AWS::XRay::SamplingRule resource takes them, for the stack's rules and a rule declared alone.</summary>
internal static class SamplingRuleInputs
{
    public static XRay.Inputs.SamplingRuleArgs Of(StandaloneSamplingRule rule, SamplingBoost? boost = null)
    {
        var args = new XRay.Inputs.SamplingRuleArgs
        {
            RuleName = rule.RuleName,
            Priority = rule.Priority,
            FixedRate = rule.FixedRate,
            ReservoirSize = rule.ReservoirSize,
            ServiceName = rule.ServiceName,
            ServiceType = rule.ServiceType,
            Host = rule.Host,
            HttpMethod = rule.HttpMethod,
            UrlPath = rule.UrlPath,
            ResourceArn = rule.ResourceArn,
            Version = SamplingBuilder.RuleVersion,
        };
        if (boost is not null)
        {
            args.SamplingRateBoost = new XRay.Inputs.SamplingRuleSamplingRateBoostArgs { MaxRate = boost.MaxRate, CooldownWindowMinutes = boost.CooldownWindowMinutes };
        }

        return args;
    }
}
