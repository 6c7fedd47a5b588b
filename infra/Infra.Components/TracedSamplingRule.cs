using Infra.Core.Sampling;
using Infra.Core.Settings;
using Pulumi;
using XRay = Pulumi.AwsNative.XRay;

namespace Infra.Components;

/// <summary>What a Pulumi program says about one X-Ray sampling rule; the name, priority and fixed rate are required.</summary>
public sealed class TracedSamplingRuleArgs : ResourceArgs
{
    /// <summary>The rule's name, 1 to 32 characters, unique in the account and Region.</summary>
    [Input("ruleName", required: true)]
    public required string RuleName { get; init; }

    /// <summary>1 to 9999; X-Ray evaluates lower priorities first.</summary>
    [Input("priority", required: true)]
    public required int? Priority { get; init; }

    /// <summary>0 to 1: the share of matching requests sampled once the reservoir is used.</summary>
    [Input("fixedRate", required: true)]
    public required double? FixedRate { get; init; }

    /// <summary>Matching requests sampled each second before the fixed rate applies. Default 1.</summary>
    [Input("reservoirSize")]
    public int? ReservoirSize { get; init; }

    /// <summary>The service the rule matches, e.g. a REST API's "&lt;api name&gt;/&lt;stage&gt;". Default * (any).</summary>
    [Input("serviceName")]
    public string? ServiceName { get; init; }

    /// <summary>The service's type, e.g. AWS::ApiGateway::Stage. Default * (any).</summary>
    [Input("serviceType")]
    public string? ServiceType { get; init; }

    /// <summary>The request's host header. Default * (any).</summary>
    [Input("host")]
    public string? Host { get; init; }

    /// <summary>The request's method. Default * (any).</summary>
    [Input("httpMethod")]
    public string? HttpMethod { get; init; }

    /// <summary>The request's path, starting with / or a wildcard. Default * (any).</summary>
    [Input("urlPath")]
    public string? UrlPath { get; init; }

    /// <summary>The ARN of the resource serving the request. Default * (any).</summary>
    [Input("resourceArn")]
    public string? ResourceArn { get; init; }

    /// <summary>Tags on the rule.</summary>
    [Input("tags")]
    public Dictionary<string, string>? Tags { get; init; }
}

/// <summary>
/// One X-Ray sampling rule (the article's sampling step for a single path): X-Ray samples matching requests at the
/// reservoir, then at the fixed rate. Its fields are checked against X-Ray's limits by Infra.Core, as the stack
/// settings' custom rules are.
/// </summary>
public sealed class TracedSamplingRule : ComponentResource
{
    public TracedSamplingRule(string name, TracedSamplingRuleArgs args, ComponentResourceOptions? options = null)
        : base("adot-tracing:xray:TracedSamplingRule", name, options)
    {
        var errors = new InputErrors(nameof(TracedSamplingRule), name);
        var ruleName = errors.Required(args.RuleName, "ruleName", "1 to 32 characters, unique in the account and Region");
        var priority = errors.Required(args.Priority, "priority", "1 to 9999, lower is evaluated first");
        var fixedRate = errors.Required(args.FixedRate, "fixedRate", "0 to 1, the share of requests sampled after the reservoir is used");
        var rule = new StandaloneSamplingRule(
            ruleName, priority, fixedRate, args.ReservoirSize ?? 1,
            args.ServiceName ?? "*", args.ServiceType ?? "*", args.Host ?? "*", args.HttpMethod ?? "*", args.UrlPath ?? "*", args.ResourceArn ?? "*");
        var found = new ErrorSink();
        if (ruleName.Length > 0 && args.Priority is not null && args.FixedRate is not null)
        {
            SamplingRuleLimits.Check(rule, input => input, found);
        }

        foreach (var error in found.Errors)
        {
            errors.Add(error.Key, error.Message);
        }

        errors.ThrowIfAny();

        var resource = new XRay.SamplingRule($"{name}-rule", new XRay.SamplingRuleArgs
        {
            RuleName = rule.RuleName,
            SamplingRuleValue = SamplingRuleInputs.Of(rule),
            Tags = Inputs.Tags(args.Tags ?? []),
        }, new CustomResourceOptions { Parent = this });

        RuleName = resource.RuleName.Apply(given => given ?? rule.RuleName);
        RuleArn = resource.RuleArn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["ruleName"] = RuleName,
            ["ruleArn"] = RuleArn,
        });
    }

    /// <summary>The rule's name.</summary>
    [Output("ruleName")] public Output<string> RuleName { get; private set; }

    /// <summary>The rule's ARN.</summary>
    [Output("ruleArn")] public Output<string> RuleArn { get; private set; }
}
