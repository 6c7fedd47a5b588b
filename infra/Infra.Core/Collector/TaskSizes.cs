namespace Infra.Core.Collector;

/// <summary>
/// Task-level CPU and memory pairs ECS accepts. The collector task keeps to the pairs valid on every launch type
/// (the Fargate table), so the same task definition also runs on Fargate.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size (read 2026-11-25)
/// </summary>
internal static class TaskSizes
{
    public static readonly IReadOnlyDictionary<int, IReadOnlyList<int>> MemoryByCpu = new Dictionary<int, IReadOnlyList<int>>
    {
        [256] = [512, 1024, 2048],
        [512] = Range(1024, 4096, 1024),
        [1024] = Range(2048, 8192, 1024),
        [2048] = Range(4096, 16384, 1024),
        [4096] = Range(8192, 30720, 1024),
    };

    public static bool IsValid(int cpu, int memory) =>
        MemoryByCpu.TryGetValue(cpu, out var memories) && memories.Contains(memory);

    public static string Describe(int cpu) => MemoryByCpu.TryGetValue(cpu, out var memories)
        ? $"with cpu {cpu}, memory must be one of {MemoryChoices(memories)} MiB"
        : $"cpu must be one of {string.Join(", ", MemoryByCpu.Keys)}";

    /// <summary>A range when the values are evenly spaced (1024..4096 in steps of 1024), else the values (512, 1024, 2048).</summary>
    private static string MemoryChoices(IReadOnlyList<int> memories)
    {
        var step = memories[1] - memories[0];
        return memories.Zip(memories.Skip(1), (lower, upper) => upper - lower).All(gap => gap == step)
            ? $"{memories[0]}..{memories[^1]} in steps of {step}"
            : string.Join(", ", memories);
    }

    private static IReadOnlyList<int> Range(int from, int to, int step) =>
        Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToList();
}
