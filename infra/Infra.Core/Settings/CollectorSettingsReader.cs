using Infra.Core.Collector;

namespace Infra.Core.Settings;

/// <summary>adot-tracing:collector — the ADOT collector on ECS/EC2.</summary>
internal static class CollectorSettingsReader
{
    public static CollectorSettings Read(ObjectReader reader, CollectorSettings preset, DeploymentEnvironment? environment, ErrorSink errors)
    {
        var enabled = reader.Bool("enabled", preset.Enabled);
        var instanceType = reader.Choice("instanceType", preset.InstanceType, InstanceTypes.All.ToDictionary(type => type.Name, type => type.Name));
        var minSize = reader.Int("minSize", preset.MinSize, 0, 20);
        var maxSize = reader.Int("maxSize", preset.MaxSize, 1, 20);
        var desiredCapacity = reader.Int("desiredCapacity", minSize <= maxSize ? Math.Clamp(preset.DesiredCapacity, minSize, maxSize) : preset.DesiredCapacity, 0, 20);
        var vpcId = reader.OptionalString("vpcId");
        var subnetIds = reader.StringList("subnetIds", preset.SubnetIds);
        var strategy = reader.Choice("schedulingStrategy", preset.SchedulingStrategy, EnumNames.SchedulingStrategies);
        var desiredCount = reader.Int("desiredCount", preset.DesiredCount, 1, 20);
        var imageTag = reader.String("imageTag", preset.ImageTag);
        var cpu = reader.Int("cpu", preset.Cpu, 256, 4096);
        var memory = reader.Int("memory", preset.Memory, 512, 30720);
        var retention = LogRetention.Read(reader, "logRetentionDays", preset.LogRetentionDays, errors);

        var configReader = reader.Object("config");
        var source = configReader.Choice("source", preset.Config.Source, EnumNames.ConfigSources);
        var bundledPath = configReader.String("bundledPath", preset.Config.BundledPath);
        configReader.Finish();
        reader.Finish();

        var presetName = environment is { } known ? $"the {known.Wire()} preset's" : "the preset's";
        if (minSize > maxSize)
        {
            var (key, other) = reader.Has("minSize") || !reader.Has("maxSize") ? ("minSize", "maxSize") : ("maxSize", "minSize");
            var otherSource = reader.Has(other) ? $"collector.{other}" : $"{presetName} collector.{other}";
            errors.Add(reader.PathOf(key), key == "minSize"
                ? $"{minSize} is greater than {otherSource} {maxSize}; minSize must not exceed maxSize."
                : $"{maxSize} is less than {otherSource} {minSize}; maxSize must not be below minSize.");

            // No capacity fits a group whose bounds are crossed; one below or above both of them is wrong however the bounds
            // are put right (Auto Scaling: DesiredCapacity must lie between MinSize and MaxSize,
            // https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html).
            if (reader.Has("desiredCapacity") && (desiredCapacity < maxSize || desiredCapacity > minSize))
            {
                errors.Add(reader.PathOf("desiredCapacity"), $"{desiredCapacity} lies outside both collector.minSize {minSize} and collector.maxSize {maxSize}; "
                    + "it must lie between them once they are put right.");
            }
        }
        else if (desiredCapacity < minSize || desiredCapacity > maxSize)
        {
            errors.Add(reader.PathOf("desiredCapacity"), $"{desiredCapacity} must lie between collector.minSize {minSize} and collector.maxSize {maxSize}.");
        }

        if (vpcId is not null && !SettingsPatterns.VpcId().IsMatch(vpcId))
        {
            errors.Add(reader.PathOf("vpcId"), $"'{vpcId}' is not a VPC id (expected vpc- followed by 8 or 17 hex digits).");
        }

        for (var i = 0; i < subnetIds.Count; i++)
        {
            if (!SettingsPatterns.SubnetId().IsMatch(subnetIds[i]))
            {
                errors.Add($"{reader.PathOf("subnetIds")}[{i}]", $"'{subnetIds[i]}' is not a subnet id (expected subnet- followed by 8 or 17 hex digits).");
            }
        }

        if (subnetIds.Count > 0 && vpcId is null)
        {
            errors.Add(reader.PathOf("vpcId"), "required when collector.subnetIds is set: the security group is created in that VPC and opened to its CIDR.");
        }

        if (!SettingsPatterns.ImageTag().IsMatch(imageTag))
        {
            errors.Add(reader.PathOf("imageTag"), $"'{imageTag}' is not a pinned release tag; use a version tag such as {EnvironmentPresets.CollectorImageTag} (never latest).");
        }

        if (!TaskSizes.MemoryByCpu.ContainsKey(cpu))
        {
            errors.Add(reader.PathOf("cpu"), $"{cpu} is not a task CPU size ECS accepts; {TaskSizes.Describe(cpu)}.");
        }
        else if (!TaskSizes.IsValid(cpu, memory))
        {
            errors.Add(reader.PathOf("memory"), $"{memory} with cpu {cpu} is not a task size ECS accepts; {TaskSizes.Describe(cpu)}.");
        }
        else if (InstanceTypes.Find(instanceType) is { } type && !InstanceTypes.Fits(type, cpu, memory))
        {
            var fitting = InstanceTypes.All
                .Where(candidate => candidate.Arm64 == type.Arm64 && InstanceTypes.Fits(candidate, cpu, memory))
                .OrderBy(candidate => Family(candidate.Name) != Family(instanceType))
                .ThenBy(candidate => candidate.MemoryMiB).ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Select(candidate => candidate.Name)
                .FirstOrDefault();
            var key = reader.Has("instanceType") || !(reader.Has("cpu") || reader.Has("memory")) ? "instanceType" : reader.Has("memory") ? "memory" : "cpu";
            errors.Add(reader.PathOf(key),
                $"{instanceType} ({type.VCpus} vCPU, {type.MemoryMiB} MiB) is too small for the collector task ({cpu} CPU units, {memory} MiB "
                + $"plus {InstanceTypes.ReservedMemoryMiB} MiB the ECS agent keeps)"
                + (fitting is null ? "; no offered instance type of that architecture fits: lower collector.cpu or collector.memory." : $"; choose e.g. {fitting}."));
        }

        if (source == CollectorConfigSource.Bundled && !BundledConfigs.Paths.Contains(bundledPath))
        {
            errors.Add(configReader.PathOf("bundledPath"), $"'{bundledPath}' is not a config file the collector image ships; allowed: {string.Join(", ", BundledConfigs.Paths)}.");
            bundledPath = preset.Config.BundledPath;
        }
        else if (source == CollectorConfigSource.Custom && configReader.Has("bundledPath"))
        {
            // The profile may have chosen custom; a bundled file named alongside it would be ignored without a word.
            var sourceOrigin = configReader.Has("source") ? "collector.config.source is custom" : "the profile's collector.config.source is custom";
            errors.Add(configReader.PathOf("bundledPath"), $"'{bundledPath}' is used only with a bundled config, and {sourceOrigin}: "
                + "set collector.config.source to bundled as well, or remove bundledPath.");
        }

        return new CollectorSettings(enabled, instanceType, minSize, maxSize, desiredCapacity, vpcId, subnetIds, strategy,
            desiredCount, imageTag, cpu, memory, retention, new CollectorConfigSettings(source, bundledPath));
    }

    private static string Family(string instanceType) => instanceType.Split('.')[0];
}
