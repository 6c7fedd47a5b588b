using Infra.Core.Api;
using Infra.Core.Iam;
using Infra.Core.Naming;
using Infra.Core.Settings;

namespace Infra.Core.Sampling;

/// <summary>
/// The stack's sampling rules: critical paths sampled more, routine paths less, the user's explicit rules, and a
/// catch-all, all scoped to this stack's API stage so stacks sharing an account never sample each other's traffic.
/// </summary>
public static class SamplingBuilder
{
    /// <summary>The X-Ray service type of an API Gateway stage, the root of every request trace in this stack.</summary>
    public const string ServiceType = "AWS::ApiGateway::Stage";

    /// <summary>A custom rule that names its service but not its type matches any type.</summary>
    public const string AnyServiceType = "*";

    public const int CriticalPriorityBase = 100;
    public const int RoutinePriorityBase = 200;
    public const int FallbackPriority = 9000;

    /// <summary>X-Ray's default quota of sampling rules per account and region (the Default rule excluded).
    /// https://docs.aws.amazon.com/general/latest/gr/xray.html</summary>
    public const int RulesPerRegionQuota = 25;

    /// <summary>More than this many rules in one stack leaves little of the shared regional quota to other stacks.</summary>
    public const int RulesPerStackWarning = 8;

    public const string AdaptiveSamplingDoc = "https://docs.aws.amazon.com/xray/latest/devguide/xray-adaptive-sampling.html";

    /// <summary>
    /// Service types whose sampling decision is made by an AWS service, never by an ADOT SDK, so a boost on a rule
    /// for them never fires: API Gateway, AppSync and Step Functions sample by rule themselves, and Lambda is not
    /// among the sampling-rule use cases at all (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html).
    /// </summary>
    public static readonly IReadOnlyList<string> ManagedServiceTypes =
        [ServiceType, "AWS::AppSync::GraphQLAPI", "AWS::StepFunctions::StateMachine", "AWS::Lambda::Function"];

    /// <summary>X-Ray's SamplingRule.Version: 1 is the only value the API accepts.
    /// https://docs.aws.amazon.com/xray/latest/api/API_SamplingRule.html</summary>
    public const int RuleVersion = 1;

    /// <summary>
    /// The stack's rules, from its settings alone. Validation and the blueprint both call this one function, so the
    /// rules checked are the rules deployed.
    /// </summary>
    public static IReadOnlyList<SamplingRuleSpec> Rules(StackSettings settings) =>
        Rules(settings, StackNames.For(settings), ApiBuilder.XRayServiceName(settings));

    /// <summary>Checks the stack's rules (see <see cref="Validate(IReadOnlyList{SamplingRuleSpec}, StackSettings, string, ErrorSink)"/>).</summary>
    public static void Validate(StackSettings settings, ErrorSink errors) =>
        Validate(Rules(settings), settings, ApiBuilder.XRayServiceName(settings), errors);

    private static IReadOnlyList<SamplingRuleSpec> Rules(StackSettings settings, StackNames names, string apiServiceName)
    {
        var rates = EnvironmentPresets.For(settings.Environment).Rates;
        var rules = new List<SamplingRuleSpec>();
        for (var i = 0; i < settings.Sampling.CriticalPaths.Count; i++)
        {
            rules.Add(Rule($"critical-{i + 1}", RuleKind.Critical, CriticalPriorityBase + i, rates.Critical, settings.Sampling.CriticalPaths[i]));
        }

        for (var i = 0; i < settings.Sampling.RoutinePaths.Count; i++)
        {
            rules.Add(Rule($"routine-{i + 1}", RuleKind.Routine, RoutinePriorityBase + i, rates.Routine, settings.Sampling.RoutinePaths[i]));
        }

        foreach (var custom in settings.Sampling.Rules)
        {
            rules.Add(new SamplingRuleSpec(
                custom.Name, names.SamplingRule(custom.Name), RuleKind.Custom, custom.Priority, custom.FixedRate, custom.ReservoirSize,
                custom.ServiceName ?? apiServiceName,
                custom.ServiceType ?? (custom.ServiceName is null ? ServiceType : AnyServiceType),
                custom.Host, custom.HttpMethod, custom.UrlPath, "*", custom.Boost));
        }

        rules.Add(Rule("fallback", RuleKind.Fallback, FallbackPriority, rates.Fallback, "*"));
        return rules.OrderBy(rule => rule.Priority).ThenBy(rule => rule.RuleName, StringComparer.Ordinal).ToList();

        // Generated rules are scoped to the API stage, where X-Ray never boosts: they carry no boost.
        SamplingRuleSpec Rule(string key, RuleKind kind, int priority, RuleRate rate, string path) => new(
            key, names.SamplingRule(key), kind, priority, rate.FixedRate, rate.ReservoirSize,
            apiServiceName, ServiceType, "*", "*", path, "*", Boost: null);
    }

    /// <summary>Reports priority clashes, duplicate names, quota overruns, X-Ray's field limits and boosts that cannot fire.</summary>
    public static void Validate(IReadOnlyList<SamplingRuleSpec> rules, StackSettings settings, string apiServiceName, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Sampling);
        string KeyOf(SamplingRuleSpec rule) => rule.Kind switch
        {
            RuleKind.Custom => $"{key}.rules[{IndexOf(settings, rule.Key)}]",
            RuleKind.Critical => $"{key}.criticalPaths",
            RuleKind.Routine => $"{key}.routinePaths",
            _ => key,
        };

        foreach (var clash in rules.GroupBy(rule => rule.Priority).Where(group => group.Count() > 1))
        {
            var clashing = clash.ToList();
            var culprit = clashing.FirstOrDefault(rule => rule.Kind == RuleKind.Custom) ?? clashing[^1];
            errors.Add($"{KeyOf(culprit)}.priority",
                $"priority {clash.Key} is used by {string.Join(" and ", clashing.Select(rule => $"'{rule.Key}'"))}; priorities must be unique within the stack "
                + $"(generated rules use {CriticalPriorityBase}+ for critical paths, {RoutinePriorityBase}+ for routine paths and {FallbackPriority} for the fallback).");
        }

        foreach (var duplicate in rules.GroupBy(rule => rule.RuleName).Where(group => group.Count() > 1))
        {
            var culprit = duplicate.FirstOrDefault(rule => rule.Kind == RuleKind.Custom) ?? duplicate.First();
            errors.Add($"{KeyOf(culprit)}.name", $"rule name '{duplicate.Key}' is used twice in this stack.");
        }

        if (rules.Count > RulesPerRegionQuota)
        {
            errors.Add(key, $"{rules.Count} sampling rules exceed X-Ray's default quota of {RulesPerRegionQuota} per region (shared by every stack in the account).");
        }
        else if (rules.Count > RulesPerStackWarning)
        {
            errors.Warn($"{key}: {rules.Count} sampling rules in one stack; stacks share X-Ray's quota of {RulesPerRegionQuota} rules per region.");
        }

        if (apiServiceName.Length > 64)
        {
            errors.Add(key, $"service name '{apiServiceName}' has {apiServiceName.Length} characters; X-Ray allows 64. Shorten the stack or stage name.");
        }

        foreach (var rule in rules.Where(rule => rule.Boost is not null))
        {
            if (BoostCannotFire(rule, apiServiceName) is { } reason)
            {
                errors.Add($"{KeyOf(rule)}.boost",
                    $"maxRate {rule.Boost!.MaxRate} cannot take effect: {reason}. X-Ray boosts only when the trace's root service runs a supported ADOT SDK "
                    + "(Java 2.11.5 or later, Python 0.15.0 or later) with the CloudWatch agent or an OpenTelemetry collector; "
                    + $"\"If the root service is not supported, no boost occurs\" ({AdaptiveSamplingDoc}). "
                    + "Set serviceName (and serviceType) to an ADOT-SDK service that starts its own traces, or remove boost.");
            }
        }
    }

    /// <summary>Why a boost on this rule would never fire, or null when the rule targets a service that may run an ADOT SDK.</summary>
    public static string? BoostCannotFire(SamplingRuleSpec rule, string apiServiceName)
    {
        if (XRayWildcard.Matches(rule.ServiceName, apiServiceName) && XRayWildcard.Matches(rule.ServiceType, ServiceType))
        {
            return $"the rule applies to this stack's API Gateway stage '{apiServiceName}', the root of every request trace, which is not an ADOT SDK";
        }

        return ManagedServiceTypes.FirstOrDefault(type => string.Equals(type, rule.ServiceType, StringComparison.OrdinalIgnoreCase)) is { } managed
            ? $"the rule's service type {managed} is an AWS service that makes its own sampling decision, not an ADOT SDK"
            : null;
    }

    private static int IndexOf(StackSettings settings, string name) =>
        settings.Sampling.Rules.Select(rule => rule.Name).ToList().IndexOf(name);

    /// <summary>The stack's group gathers the traces of its API stage and of its functions.</summary>
    public static XRayGroupSpec Group(StackSettings settings, StackNames names, string apiServiceName, IEnumerable<string> functionNames)
    {
        var services = new[] { apiServiceName }.Concat(functionNames).Select(service => $"service(\"{service}\")");
        var insights = EnvironmentPresets.For(settings.Environment).GroupInsights;
        return new XRayGroupSpec(names.XRayGroup, string.Join(" OR ", services), insights, insights);
    }

    /// <summary>
    /// Transaction Search sends spans to CloudWatch Logs; X-Ray needs a resource policy to write there.
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html
    /// </summary>
    public static TransactionSearchSpec TransactionSearch(StackSettings settings, StackNames names, AwsContext aws)
    {
        if (!settings.TransactionSearch.Enabled)
        {
            return new TransactionSearchSpec(false, settings.TransactionSearch.IndexingPercentage, $"{names.Prefix}-transaction-search", null);
        }

        var policy = new PolicyDocument([new PolicyStatement(
            "TransactionSearchXRayAccess",
            ["logs:PutLogEvents"],
            [aws.LogGroupArn("aws/spans") + ":*", aws.LogGroupArn("/aws/application-signals/data") + ":*"],
            [
                new PolicyCondition("ArnLike", "aws:SourceArn", [aws.Arn("xray", "*")]),
                new PolicyCondition("StringEquals", "aws:SourceAccount", [aws.AccountId]),
            ],
            ServicePrincipal: AwsContext.ServicePrincipal("xray"))]);
        return new TransactionSearchSpec(true, settings.TransactionSearch.IndexingPercentage, $"{names.Prefix}-transaction-search", policy);
    }
}
