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
        ? $"with cpu {cpu}, memory must be one of {memories[0]}..{memories[^1]} in steps of {(memories.Count > 1 ? memories[1] - memories[0] : 0)} MiB"
        : $"cpu must be one of {string.Join(", ", MemoryByCpu.Keys)}";

    private static IReadOnlyList<int> Range(int from, int to, int step) =>
        Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToList();
}
