using System.Globalization;
using Infra.Core.Cost;

namespace Infra.Core.Tests.Cost;

/// <summary>The price table is data with sources: every row says where it was read and when, and a price nobody stated stays empty.</summary>
public class PriceTableTests
{
    [Fact]
    public void EveryRowCitesAPageAndTheDateItWasRead()
    {
        Assert.NotEmpty(Prices.All);
        Assert.All(Prices.All, price =>
        {
            Assert.True(Uri.TryCreate(price.Source, UriKind.Absolute, out var uri) && uri.Scheme == "https", $"{price.Key}: {price.Source}");
            Assert.True(DateOnly.TryParseExact(price.ReadOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"{price.Key}: {price.ReadOn}");
            Assert.False(string.IsNullOrWhiteSpace(price.Note), price.Key);
        });
    }

    [Fact]
    public void EveryRowHasAPriceAndNoneIsNotFound() =>
        Assert.All(Prices.All, price => Assert.True(price.Evidence != PriceEvidence.NotFound && price.UsdPerUnit is not null, price.Key));

    [Fact]
    public void ANotFoundRowHasNoValue() =>
        Assert.Null(Prices.Find(Prices.InstanceKey("m7i.large"), "us-west-2").UsdPerUnit);

    [Fact]
    public void OneRowPerKeyAndRegion() =>
        Assert.Equal(Prices.All.Count, Prices.All.Select(price => (price.Key, price.Region)).Distinct().Count());

    [Fact]
    public void AnUnknownInstanceTypeIsAnExplicitNotFoundRow()
    {
        var price = Prices.Find(Prices.InstanceKey("m7i.large"), "us-west-2");
        Assert.Null(price.UsdPerUnit);
        Assert.Equal(PriceEvidence.NotFound, price.Evidence);
        Assert.Equal("hour", price.Unit);
    }

    [Fact]
    public void TheStacksRegionComesFirst()
    {
        // The May 2025 bill: $0.50 per GB ingested in US West (Oregon), $0.70 in Asia Pacific (Singapore).
        Assert.Equal(0.50, Prices.Find(Prices.LogsIngestion, "us-west-2").UsdPerUnit!.Value, 9);
        Assert.Equal("us-west-2", Prices.Find(Prices.LogsIngestion, "us-west-2").Region);
        Assert.Equal(0.70, Prices.Find(Prices.LogsIngestion, "ap-southeast-1").UsdPerUnit!.Value, 9);
    }

    [Fact]
    public void ThenThePriceWhoseSourceNamesNoRegion()
    {
        var price = Prices.Find(Prices.LogsIngestion, "eu-west-1");
        Assert.Null(price.Region);
        Assert.Equal(PriceEvidence.SecondarySource, price.Evidence);
    }

    [Fact]
    public void ThenUsEast1()
    {
        var price = Prices.Find(Prices.Gp3Storage, "eu-west-1");
        Assert.Equal("us-east-1", price.Region);
        Assert.Equal(0.08, price.UsdPerUnit!.Value, 9);
    }

    [Fact]
    public void NeverAnotherRegionsPriceBeyondThat()
    {
        // t2.medium is known for ap-southeast-1 and us-east-1: Oregon takes us-east-1's, never Singapore's.
        var price = Prices.Find(Prices.InstanceKey("t2.medium"), "us-west-2");
        Assert.Equal(("us-east-1", 0.0464), (price.Region, price.UsdPerUnit!.Value));
        Assert.Equal(0.0584, Prices.Find(Prices.InstanceKey("t2.medium"), "ap-southeast-1").UsdPerUnit!.Value, 9);
    }

    [Fact]
    public void InfrequentAccessIngestionIsHalfTheStandardPriceInOregon() =>
        // "a 50% lower per GB ingestion price" (CloudWatch Logs log classes page) of the bill's $0.50.
        Assert.Equal(0.50 / 2, Prices.Find(Prices.LogsIngestionInfrequentAccess, "us-west-2").UsdPerUnit!.Value, 9);

    [Fact]
    public void XRayPricesAreThoseOfItsPricingPage()
    {
        // https://aws.amazon.com/de/xray/pricing/ (read 2026-11-26): 0,000005 USD per trace recorded, first 100 000 free;
        // Insights: 0,000001 USD per trace processed.
        Assert.Equal(0.000005, Prices.Find(Prices.TracesRecorded, "us-west-2").UsdPerUnit!.Value, 12);
        Assert.Equal(100_000, Prices.Find(Prices.TracesRecorded, "us-west-2").FreePerMonth);
        Assert.Equal(0.000001, Prices.Find(Prices.InsightsTraces, "us-west-2").UsdPerUnit!.Value, 12);
        Assert.Equal(PriceEvidence.AwsPricingPage, Prices.Find(Prices.TracesRecorded, "us-west-2").Evidence);
    }

    [Fact]
    public void CloudWatchFreeTierIsThePricingPages()
    {
        // https://aws.amazon.com/cloudwatch/pricing/ (read 2026-11-26): 3 dashboards, 10 alarm metrics, 5 GB of logs
        // (ingested, and stored, each: the May 2025 bill).
        Assert.Equal(3, Prices.Find(Prices.Dashboards, "us-west-2").FreePerMonth);
        Assert.Equal(10, Prices.Find(Prices.Alarms, "us-west-2").FreePerMonth);
        Assert.Equal(5, Prices.Find(Prices.LogsIngestion, "us-west-2").FreePerMonth);
        Assert.Equal(5, Prices.Find(Prices.LogsStorage, "us-west-2").FreePerMonth);
    }
}
