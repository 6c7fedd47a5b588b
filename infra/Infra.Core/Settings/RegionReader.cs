namespace Infra.Core.Settings;

/// <summary>aws:region and aws-native:region: both providers must deploy into one Region that exists.</summary>
internal static class RegionReader
{
    /// <summary>The Region when it is set and exists; otherwise null, with every problem of both keys reported.</summary>
    public static string? Read(RawStackConfig raw, ErrorSink errors)
    {
        var region = errors.Read(raw, ConfigKeys.AwsRegion);
        var nativeRegion = errors.Read(raw, ConfigKeys.AwsNativeRegion);
        string? known = null;
        if (string.IsNullOrWhiteSpace(region))
        {
            errors.Add(ConfigKeys.AwsRegion, "required: the AWS Region to deploy into, e.g. us-west-2. Set it with: pulumi config set aws:region <region>");
        }
        else if (!AwsRegions.Exists(region))
        {
            var nearest = KeySuggestion.Nearest(region, AwsRegions.All.ToList());
            errors.Add(ConfigKeys.AwsRegion, $"'{region}' is not an AWS Region.{(nearest is null ? "" : $" Did you mean '{nearest}'?")} "
                + $"Regions: {string.Join(", ", AwsRegions.All)}.");
        }
        else
        {
            known = region;
        }

        if (string.IsNullOrWhiteSpace(nativeRegion))
        {
            var example = known ?? "<region>";
            errors.Add(ConfigKeys.AwsNativeRegion, $"required by the aws-native provider, and must equal aws:region. Set it with: pulumi config set aws-native:region {example}");
        }
        else if (!string.IsNullOrWhiteSpace(region) && nativeRegion != region)
        {
            errors.Add(ConfigKeys.AwsNativeRegion, $"'{nativeRegion}' differs from aws:region '{region}'; both providers must deploy into one Region.");
        }

        return known;
    }
}
