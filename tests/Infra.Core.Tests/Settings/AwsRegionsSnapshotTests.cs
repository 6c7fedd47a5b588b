using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>
/// The Regions a stack may name against a recorded copy of their sources (Data/aws-regions.tsv names them):
/// every Region of each partition is offered, under that partition, and nothing else is.
/// </summary>
public class AwsRegionsSnapshotTests
{
    private static IReadOnlyList<(string Region, string Partition)> Recorded()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Settings", "Data", "aws-regions.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], fields[1]))
            .ToList();
    }

    private static IEnumerable<string> RecordedIn(string partition) =>
        Recorded().Where(row => row.Partition == partition).Select(row => row.Region).Order(StringComparer.Ordinal);

    [Fact]
    public void TheSnapshotHoldsEveryRegionOnce()
    {
        var regions = Recorded().Select(row => row.Region).ToList();
        Assert.Equal(38, regions.Count);
        Assert.Equal(regions.Count, regions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void CommercialRegionsAreExactlyThoseOfTheAwsPartition() =>
        Assert.Equal(RecordedIn("aws"), AwsRegions.Commercial.Order(StringComparer.Ordinal));

    [Fact]
    public void ChinaRegionsAreExactlyThoseOfTheAwsCnPartition() =>
        Assert.Equal(RecordedIn("aws-cn"), AwsRegions.China.Order(StringComparer.Ordinal));

    [Fact]
    public void GovCloudRegionsAreExactlyThoseOfTheAwsUsGovPartition() =>
        Assert.Equal(RecordedIn("aws-us-gov"), AwsRegions.GovCloud.Order(StringComparer.Ordinal));

    [Fact]
    public void EveryRecordedRegionExists() =>
        Assert.All(Recorded(), row => Assert.True(AwsRegions.Exists(row.Region), row.Region));

    [Theory]
    [InlineData("US-WEST-2")] // Region codes are lower case; Pulumi passes the value through unchanged.
    [InlineData("us-west-2 ")]
    [InlineData("us-west-3")]
    [InlineData("aws-global")] // a pseudo-region of the endpoint data, not a place to deploy
    [InlineData("us-iso-east-1")]
    [InlineData("")]
    public void AnythingElseDoesNotExist(string region) => Assert.False(AwsRegions.Exists(region));

    [Fact]
    public void AllIsEveryPartitionsRegions() =>
        Assert.Equal(Recorded().Select(row => row.Region).Order(StringComparer.Ordinal), AwsRegions.All.Order(StringComparer.Ordinal));
}
