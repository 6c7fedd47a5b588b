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
    public void APriceNotFoundHasNoValueAndEveryOtherHasOne()
    {
        Assert.Contains(Prices.All, price => price.Evidence == PriceEvidence.NotFound);
        Assert.All(Prices.All, price => Assert.Equal(price.Evidence == PriceEvidence.NotFound, price.UsdPerUnit is null));
    }

    [Fact]
    public void KeysAreUnique() =>
        Assert.Equal(Prices.All.Count, Prices.All.Select(price => price.Key).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void AnUnknownInstanceTypeIsAnExplicitNotFoundRow()
    {
        var price = Prices.Find(Prices.InstanceKey("m7i.large"));
        Assert.Null(price.UsdPerUnit);
        Assert.Equal(PriceEvidence.NotFound, price.Evidence);
        Assert.Equal("hour", price.Unit);
    }

    [Fact]
    public void XRayPricesAreThoseOfItsPricingPage()
    {
        // https://aws.amazon.com/de/xray/pricing/ (read 2026-11-26): 0,000005 USD per trace recorded, first 100 000 free;
        // Insights: 0,000001 USD per trace processed.
        Assert.Equal(0.000005, Prices.Find(Prices.TracesRecorded).UsdPerUnit!.Value, 12);
        Assert.Equal(100_000, Prices.Find(Prices.TracesRecorded).FreePerMonth);
        Assert.Equal(0.000001, Prices.Find(Prices.InsightsTraces).UsdPerUnit!.Value, 12);
        Assert.Equal(PriceEvidence.AwsPricingPage, Prices.Find(Prices.TracesRecorded).Evidence);
    }

    [Fact]
    public void CloudWatchFreeTierIsThePricingPages()
    {
        // https://aws.amazon.com/cloudwatch/pricing/ (read 2026-11-26): 3 dashboards, 10 alarm metrics, 5 GB of logs.
        Assert.Equal(3, Prices.Find(Prices.Dashboards).FreePerMonth);
        Assert.Equal(10, Prices.Find(Prices.Alarms).FreePerMonth);
        Assert.Equal(5, Prices.Find(Prices.LogsIngestion).FreePerMonth);
    }
}
