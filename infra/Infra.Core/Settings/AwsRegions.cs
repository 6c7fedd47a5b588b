namespace Infra.Core.Settings;

/// <summary>
/// The AWS Regions a stack may name, by partition. Source: AWS Regions and their codes,
/// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html and
/// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html (read 2026-11-26).
/// A Region opened after that date is refused until it is added here.
/// </summary>
internal static class AwsRegions
{
    public static readonly IReadOnlyList<string> Commercial =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1",
        "af-south-1",
        "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
        "il-central-1", "me-central-1", "me-south-1",
        "sa-east-1",
    ];

    public static readonly IReadOnlyList<string> China = ["cn-north-1", "cn-northwest-1"];

    public static readonly IReadOnlyList<string> GovCloud = ["us-gov-east-1", "us-gov-west-1"];

    public static IEnumerable<string> All => Commercial.Concat(China).Concat(GovCloud);

    public static bool Exists(string region) => All.Contains(region, StringComparer.Ordinal);
}
