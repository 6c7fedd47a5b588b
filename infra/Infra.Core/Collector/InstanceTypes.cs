namespace Infra.Core.Collector;

/// <summary>An EC2 instance type the collector's Auto Scaling group may use.</summary>
/// <param name="Arm64">Graviton types need the arm64 ECS-optimized AMI.</param>
internal sealed record InstanceTypeInfo(string Name, int VCpus, int MemoryMiB, bool Arm64);

/// <summary>
/// The instance types offered for the collector hosts, with their size, so a type too small for the task is
/// refused before deployment. Sizes: https://aws.amazon.com/ec2/instance-types/ (read 2026-11-25).
/// </summary>
internal static class InstanceTypes
{
    /// <summary>
    /// Memory the ECS agent and the OS keep for themselves on a host, which tasks cannot use. ECS reports
    /// roughly 3-8 % less registered memory than the instance has; 256 MiB is a safe floor for small types.
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html
    /// </summary>
    public const int ReservedMemoryMiB = 256;

    public static readonly IReadOnlyList<InstanceTypeInfo> All =
    [
        new("t3.small", 2, 2048, false),
        new("t3.medium", 2, 4096, false),
        new("t3.large", 2, 8192, false),
        new("t3.xlarge", 4, 16384, false),
        new("t3a.medium", 2, 4096, false),
        new("t3a.large", 2, 8192, false),
        new("t2.medium", 2, 4096, false),
        new("t2.large", 2, 8192, false),
        new("m5.large", 2, 8192, false),
        new("m6i.large", 2, 8192, false),
        new("m7i.large", 2, 8192, false),
        new("c5.large", 2, 4096, false),
        new("c6i.large", 2, 4096, false),
        new("c7i.large", 2, 4096, false),
        new("t4g.small", 2, 2048, true),
        new("t4g.medium", 2, 4096, true),
        new("t4g.large", 2, 8192, true),
        new("m7g.large", 2, 8192, true),
        new("c7g.large", 2, 4096, true),
    ];

    public static InstanceTypeInfo? Find(string name) => All.FirstOrDefault(type => type.Name == name);

    /// <summary>Whether one task of this size can be placed on an instance of this type.</summary>
    public static bool Fits(InstanceTypeInfo type, int taskCpu, int taskMemoryMiB) =>
        type.VCpus * 1024 >= taskCpu && type.MemoryMiB - ReservedMemoryMiB >= taskMemoryMiB;
}
