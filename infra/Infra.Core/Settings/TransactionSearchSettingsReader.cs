using Infra.Core.Naming;

namespace Infra.Core.Settings;

/// <summary>
/// adot-tracing:transactionSearch — X-Ray Transaction Search, an account-wide switch. <c>enabled</c>: this stack turns
/// it on and owns it. <c>enabledElsewhere</c>: another stack or an account-level setup already has it on, so this
/// stack may rely on it (the collector then exports over OTLP) without creating it.
/// </summary>
internal static class TransactionSearchSettingsReader
{
    public static TransactionSearchSettings Read(ObjectReader reader, ErrorSink errors)
    {
        var enabled = reader.Bool("enabled", false);
        var enabledElsewhere = reader.Bool("enabledElsewhere", false);
        var indexing = reader.Double("indexingPercentage", 1, 0, 100);
        var adopt = reader.Bool("adopt", false);
        var keepOnDestroy = reader.Bool("keepOnDestroy", true);
        reader.Finish();

        if (adopt && !enabled)
        {
            errors.Add(reader.PathOf("adopt"), $"true without {reader.PathOf("enabled")}: true; adopt takes over Transaction Search that is already on "
                + "in the account and Region, so set enabled: true with it (in the foundation stack), or remove adopt.");
            adopt = false;
        }

        if (enabled && enabledElsewhere)
        {
            errors.Add(reader.PathOf("enabledElsewhere"),
                $"true together with {reader.PathOf("enabled")}: true. enabled means this stack turns Transaction Search on for the account "
                + "and owns it; enabledElsewhere means another stack or an account setup already has it on. Set one of them.");
            enabledElsewhere = false;
        }

        return new TransactionSearchSettings(enabled, indexing, enabledElsewhere, adopt, keepOnDestroy);
    }

    /// <summary>
    /// Transaction Search does not exist in AWS GovCloud (US), so neither switch can be true there.
    /// https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-cw.html ("Transaction Search is not available")
    /// </summary>
    public static void CheckRegion(StackSettings settings, ErrorSink errors)
    {
        var partition = AwsContext.PartitionOf(settings.Region);
        if (partition != "aws-us-gov")
        {
            return;
        }

        var section = ConfigKeys.Full(ConfigKeys.TransactionSearch);
        foreach (var (name, on) in new[] { ("enabled", settings.TransactionSearch.Enabled), ("enabledElsewhere", settings.TransactionSearch.EnabledElsewhere) })
        {
            if (on)
            {
                errors.Add($"{section}.{name}",
                    $"true, but {settings.Region} is in AWS GovCloud (US) ({partition}), where CloudWatch Transaction Search is not available; "
                    + "leave it false there (the collector then exports with awsxray).");
            }
        }
    }
}
