using Infra.Core.Lambda;
using Infra.Core.Settings;

namespace Infra.Core.Signals;

/// <summary>CloudWatch Application Signals in a stack: which functions report it, and whether the stack owns the account's discovery.</summary>
/// <param name="FunctionsEnabled">The functions carry the distro layer with Application Signals on and the managed policy it needs.</param>
/// <param name="Services">The Application Signals services the functions appear as (their OTEL_SERVICE_NAME); empty when off.</param>
/// <param name="Discovery">This stack creates AWS::ApplicationSignals::Discovery, which lets Application Signals discover
/// the account's services (it creates the AWSServiceRoleForCloudWatchApplicationSignals service-linked role).</param>
public sealed record ApplicationSignalsSpec(bool FunctionsEnabled, IReadOnlyList<string> Services, bool Discovery)
{
    /// <summary>
    /// What the stack's settings and functions make of Application Signals. How a function is enabled follows
    /// https://aws-otel.github.io/docs/getting-started/lambda and
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html;
    /// the discovery resource: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-applicationsignals-discovery.html
    /// </summary>
    public static ApplicationSignalsSpec For(StackSettings settings, IEnumerable<FunctionSpec> functions) => new(
        settings.ApplicationSignals.Enabled,
        settings.ApplicationSignals.Enabled ? functions.Select(function => function.Environment["OTEL_SERVICE_NAME"]).ToList() : [],
        settings.ApplicationSignals.Discovery);
}
