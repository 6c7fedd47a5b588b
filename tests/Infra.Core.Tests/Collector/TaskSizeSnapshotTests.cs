using System.Globalization;
using Infra.Core.Collector;

namespace Infra.Core.Tests.Collector;

/// <summary>
/// The task sizes the collector may use against a recorded copy of ECS's table of CPU and memory combinations
/// (Data/ecs-task-sizes.tsv, which names its source): every combination without a platform-version requirement, so the
/// task definition registers on every launch type and platform version.
/// </summary>
public class TaskSizeSnapshotTests
{
    private static IReadOnlyList<(int Cpu, IReadOnlyList<int> Memory, string Requirement)> Documented()
    {
        var path = Path.Combine(ProjectRoot.Find(AppContext.BaseDirectory), "tests", "Infra.Core.Tests", "Collector", "Data", "ecs-task-sizes.tsv");
        return File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (int.Parse(fields[0], CultureInfo.InvariantCulture), Memory(fields[1]), fields[2]))
            .ToList();
    }

    /// <summary>"a,b,c" or "from-to/step".</summary>
    private static IReadOnlyList<int> Memory(string text)
    {
        if (text.Contains(',', StringComparison.Ordinal))
        {
            return text.Split(',').Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToList();
        }

        var range = text.Split('-', '/').Select(value => int.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        var values = new List<int>();
        for (var value = range[0]; value <= range[1]; value += range[2])
        {
            values.Add(value);
        }

        return values;
    }

    [Fact]
    public void TheTableIsEcsTableWithoutTheRowsThatNeedANewerPlatform()
    {
        var documented = Documented();
        Assert.Equal(7, documented.Count);
        var everywhere = documented.Where(row => row.Requirement == "-").ToList();
        Assert.Equal(everywhere.Select(row => row.Cpu), TaskSizes.MemoryByCpu.Keys.Order());
        Assert.All(everywhere, row => Assert.Equal(row.Memory, TaskSizes.MemoryByCpu[row.Cpu]));
    }

    [Fact]
    public void EveryDocumentedCombinationIsValidAndNoOtherMemoryIs()
    {
        var everywhere = Documented().Where(row => row.Requirement == "-").ToList();
        Assert.Equal(5, everywhere.Count);
        foreach (var (cpu, memories, _) in everywhere)
        {
            Assert.All(memories, memory => Assert.True(TaskSizes.IsValid(cpu, memory), $"{cpu}/{memory}"));
            Assert.False(TaskSizes.IsValid(cpu, memories[0] - 1024));
            Assert.False(TaskSizes.IsValid(cpu, memories[^1] + 1024));
        }
    }

    [Theory]
    [InlineData(256, 1536)]
    [InlineData(1024, 2560)]
    [InlineData(8192, 16384)]
    [InlineData(128, 512)]
    public void CombinationsOutsideTheTableAreInvalid(int cpu, int memory) =>
        Assert.False(TaskSizes.IsValid(cpu, memory));

    [Fact]
    public void UnevenlySpacedMemoriesAreListed() =>
        Assert.Equal("with cpu 256, memory must be one of 512, 1024, 2048 MiB", TaskSizes.Describe(256));

    [Fact]
    public void EvenlySpacedMemoriesAreARangeWithItsStep()
    {
        Assert.Equal("with cpu 512, memory must be one of 1024..4096 in steps of 1024 MiB", TaskSizes.Describe(512));
        Assert.Equal("with cpu 4096, memory must be one of 8192..30720 in steps of 1024 MiB", TaskSizes.Describe(4096));
    }

    [Fact]
    public void AnUnknownCpuListsTheCpuSizes() =>
        Assert.Equal("cpu must be one of 256, 512, 1024, 2048, 4096", TaskSizes.Describe(384));
}
