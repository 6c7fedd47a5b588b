using System.Globalization;
using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>
/// The price table against a recorded copy of what its sources state (Data/prices.tsv, whose header quotes each source),
/// and what a look-up answers when the table has no row for a key or a Region.
/// </summary>
public class PriceSnapshotTests
{
    private const string Ec2OnDemand = "https://aws.amazon.com/ec2/pricing/on-demand/";

    private static IReadOnlyList<(string Key, string? Region, string Unit, double? Usd, double Free, PriceEvidence Evidence, string Source)> Recorded()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Cost", "Data", "prices.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (
                fields[0],
                fields[1] == "-" ? null : fields[1],
                fields[2],
                fields[3] == "-" ? (double?)null : double.Parse(fields[3], CultureInfo.InvariantCulture),
                double.Parse(fields[4], CultureInfo.InvariantCulture),
                Enum.Parse<PriceEvidence>(fields[5]),
                fields[6]))
            .ToList();
    }

    [Fact]
    public void EveryRowIsTheRecordedPriceOfItsSource()
    {
        var recorded = Recorded();
        Assert.NotEmpty(recorded);
        Assert.Equal(recorded, Prices.All.Select(price => (price.Key, price.Region, price.Unit, price.UsdPerUnit, price.FreePerMonth, price.Evidence, price.Source)));
    }

    [Fact]
    public void EveryRowIsReadOnTheSameDay() =>
        Assert.All(Prices.All, price => Assert.Equal("2026-11-26", price.ReadOn));

    [Fact]
    public void EveryRowNamesWhatIsBilled() =>
        Assert.Equal(
            [
                "X-Ray traces recorded", "X-Ray Insights traces processed", "Transaction Search span ingestion",
                "Transaction Search spans indexed beyond the free 1 %", "Application Signals signals",
                "CloudWatch custom metric (detailed monitoring, metric filters, Container Insights)",
                "CloudWatch Logs ingestion (standard class)", "CloudWatch Logs ingestion (standard class)", "CloudWatch Logs ingestion (standard class)",
                "CloudWatch Logs ingestion (Infrequent Access class)", "CloudWatch Logs ingestion (Infrequent Access class)",
                "CloudWatch Logs archive storage", "CloudWatch standard-resolution alarm metric", "CloudWatch custom dashboard",
                "EBS gp3 volume storage", "EBS gp3 volume storage",
                "EC2 t3.medium, Linux, on-demand", "EC2 t3.medium, Linux, on-demand", "EC2 t2.medium, Linux, on-demand", "EC2 t2.medium, Linux, on-demand",
            ],
            Prices.All.Select(price => price.Description));

    [Fact]
    public void AnInstanceTypeWithNoRowIsAnHourlyNotFoundPriceFromTheOnDemandPage()
    {
        var price = Prices.Find("ec2.m7i.large", "us-west-2");
        Assert.Equal(
            new Price("ec2.m7i.large", "ec2.m7i.large", "hour", null, 0, "us-west-2", Ec2OnDemand, "2026-11-26", PriceEvidence.NotFound, "No row in the price table."),
            price);
    }

    [Fact]
    public void AnotherKeyWithNoRowIsNotFoundPerUnitOnTheGeneralPricingPage()
    {
        var price = Prices.Find("s3.requests", "eu-west-1");
        Assert.Equal(
            new Price("s3.requests", "s3.requests", "unit", null, 0, "eu-west-1", "https://aws.amazon.com/pricing/", "2026-11-26", PriceEvidence.NotFound, "No row in the price table."),
            price);
    }

    [Fact]
    public void AKeyPricedOnlyElsewhereKeepsItsDescriptionAndUnitAndNamesTheRegionsItHas()
    {
        // ebs.gp3 in a table without its us-east-1 row: only Singapore's is left.
        var rows = new[] { Prices.Find(Prices.Gp3Storage, "ap-southeast-1") };
        var price = Prices.NotFound(Prices.Gp3Storage, "eu-central-1", rows);
        Assert.Equal(
            new Price("ebs.gp3", "EBS gp3 volume storage", "GB-month", null, 0, "eu-central-1", "https://aws.amazon.com/pricing/", "2026-11-26", PriceEvidence.NotFound,
                "The table has it only for ap-southeast-1."),
            price);
    }

    [Fact]
    public void TheStacksRegionWinsOverARowWithoutRegion()
    {
        // t3.medium has a regionless row ($0.0416, secondary) and a Singapore bill line ($0.0528).
        Assert.Equal(0.0528, Prices.Find(Prices.InstanceKey("t3.medium"), "ap-southeast-1").UsdPerUnit!.Value, 9);
        Assert.Equal(0.0416, Prices.Find(Prices.InstanceKey("t3.medium"), "eu-west-1").UsdPerUnit!.Value, 9);
    }

    [Fact]
    public void UsEast1IsTheFallbackRegion()
    {
        // gp3 has rows for ap-southeast-1 and us-east-1 only; another Region takes us-east-1's, never Singapore's.
        Assert.Equal("us-east-1", Prices.Find(Prices.Gp3Storage, "sa-east-1").Region);
        Assert.Equal("us-east-1", Prices.FallbackRegion);
    }

    [Fact]
    public void InstanceKeysAreEc2DotType() =>
        Assert.Equal("ec2.c7g.large", Prices.InstanceKey("c7g.large"));

    [Fact]
    public void ANotFoundRowNamesEveryRegionTheTableHasTheKeyFor()
    {
        var rows = new[] { Prices.Find(Prices.Gp3Storage, "ap-southeast-1"), Prices.Find(Prices.Gp3Storage, "us-east-1") };
        var price = Prices.NotFound(Prices.Gp3Storage, "eu-north-1", rows);
        Assert.Equal("The table has it only for ap-southeast-1, us-east-1.", price.Note);
        Assert.Equal(("EBS gp3 volume storage", "GB-month", "https://aws.amazon.com/pricing/"), (price.Description, price.Unit, price.Source));
    }
}
