using System.Globalization;
using Infra.Core.Collector;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The instance types offered for the collector hosts against a recorded copy of AWS's instance-type documentation
/// (Data/ec2-instance-types.tsv, which names the source and commit): size and architecture of each.
/// </summary>
public class InstanceTypeSnapshotTests
{
    private static IReadOnlyList<(string Name, int VCpus, int MemoryMiB, bool Arm64)> Documented()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Collector", "Data", "ec2-instance-types.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            // The guide gives memory in GiB; ECS and the task definition count MiB.
            .Select(fields => (fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture) * 1024, fields[3] == "arm64"))
            .ToList();
    }

    [Fact]
    public void EveryDocumentedTypeIsOfferedWithItsSizeAndArchitecture()
    {
        var documented = Documented();
        Assert.Equal(17, documented.Count);
        var offered = documented.Select(row => InstanceTypes.Find(row.Name))
            .Select(type => type is null ? default : (type.Name, type.VCpus, type.MemoryMiB, type.Arm64));
        Assert.Equal(documented, offered);
    }

    [Fact]
    public void OnlyTypesReleasedAfterTheRecordedGuideLackASource()
    {
        var documented = Documented().Select(row => row.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(["c7i.large", "m7i.large"], InstanceTypes.All.Select(type => type.Name).Where(name => !documented.Contains(name)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheUndocumentedTypesAreIntelSoX86()
    {
        // Naming convention (doc_source/instance-types.md at the snapshot's commit): "i – Intel processors"; only "g" is Graviton.
        Assert.False(InstanceTypes.Find("m7i.large")!.Arm64);
        Assert.False(InstanceTypes.Find("c7i.large")!.Arm64);
    }

    [Fact]
    public void ATypeNotOfferedIsNotFound() =>
        Assert.Null(InstanceTypes.Find("t3.nano"));

    /// <summary>
    /// t3.medium: 2 vCPUs = 2048 CPU units (ECS's task size table, Data/ecs-task-sizes.tsv's source: "1024 (1 vCPU)") and
    /// 4 GiB = 4096 MiB, of which the stack keeps 256 MiB for the ECS agent and the OS: 3840 MiB for tasks.
    /// </summary>
    [Theory]
    [InlineData(2048, 3840, true)]
    [InlineData(2048, 3841, false)]
    [InlineData(2049, 1024, false)]
    [InlineData(256, 512, true)]
    public void ATaskFitsWhenBothItsCpuAndItsMemoryFit(int cpu, int memory, bool fits) =>
        Assert.Equal(fits, InstanceTypes.Fits(InstanceTypes.Find("t3.medium")!, cpu, memory));
}
