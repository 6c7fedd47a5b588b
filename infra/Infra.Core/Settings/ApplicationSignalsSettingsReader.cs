namespace Infra.Core.Settings;

/// <summary>CloudWatch Application Signals for the stack's functions, and whether this stack owns the account's discovery.</summary>
/// <param name="Enabled">The functions report Application Signals (distro layers only): the layer's metrics and the
/// managed policy CloudWatchLambdaApplicationSignalsExecutionRolePolicy on each function's role.</param>
/// <param name="Discovery">This stack creates the account-wide AWS::ApplicationSignals::Discovery (one stack per account).</param>
public sealed record ApplicationSignalsSettings(bool Enabled, bool Discovery);

/// <summary>adot-tracing:applicationSignals.</summary>
internal static class ApplicationSignalsSettingsReader
{
    /// <param name="profileDefault">Whether the profile and the environment's preset both turn Application Signals on; it is on only with the distro layers.</param>
    public static ApplicationSignalsSettings Read(ObjectReader reader, bool profileDefault, LayerFlavor flavor, ErrorSink errors)
    {
        var enabled = reader.Bool("enabled", profileDefault && flavor == LayerFlavor.Distro);
        var discovery = reader.Bool("discovery", false);
        reader.Finish();

        // The legacy layers carry no Application Signals instrumentation: only the distro layers report it.
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html
        if (enabled && flavor != LayerFlavor.Distro)
        {
            errors.Add(reader.PathOf("enabled"), $"true needs {ConfigKeys.Full(ConfigKeys.Lambda)}.flavor 'distro' (it is '{flavor.Wire()}'): only the "
                + "AWS Distro for OpenTelemetry layers report Application Signals. Set lambda.flavor to distro, or applicationSignals.enabled to false.");
            enabled = false;
        }

        return new ApplicationSignalsSettings(enabled, discovery);
    }
}
