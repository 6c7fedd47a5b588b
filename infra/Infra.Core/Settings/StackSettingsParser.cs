using System.Text.Json;
using System.Text.RegularExpressions;
using Infra.Core.Collector;
using Infra.Core.Naming;

namespace Infra.Core.Settings;

/// <summary>
/// The one way to turn raw stack configuration into <see cref="StackSettings"/>. Both the Pulumi program and
/// the offline plan feed it; it returns valid settings or every error it found.
/// </summary>
public static partial class StackSettingsParser
{
    public static SettingsResult Parse(RawStackConfig raw)
    {
        var errors = new ErrorSink();
        CheckUnknownProjectKeys(raw, errors);
        StackNames.Validate(raw.StackName, errors);

        var environment = ReadEnvironment(raw, errors);
        var preset = EnvironmentPresets.For(environment ?? DeploymentEnvironment.Dev);
        var region = ReadRegion(raw, errors);
        var iamMode = ReadScalarChoice(raw, ConfigKeys.IamMode, IamMode.LeastPrivilege, EnumNames.IamModes, errors);

        var collector = ReadCollector(Section(raw, ConfigKeys.Collector, errors), preset.Collector, errors);
        var lambda = ReadLambda(Section(raw, ConfigKeys.Lambda, errors), preset.Lambda, errors);
        var app = ReadApp(Section(raw, ConfigKeys.App, errors), preset.App, errors);
        var api = ReadApi(Section(raw, ConfigKeys.Api, errors), preset.Api with { StageName = (environment ?? DeploymentEnvironment.Dev).Wire() }, errors);
        var sampling = ReadSampling(Section(raw, ConfigKeys.Sampling, errors), preset.Sampling, errors);
        var traffic = ReadTraffic(raw, errors);
        var transactionSearch = ReadTransactionSearch(Section(raw, ConfigKeys.TransactionSearch, errors));
        var tags = ReadTags(raw, errors);

        if (environment is null || region is null || errors.Errors.Count > 0)
        {
            return new SettingsResult(null, errors.Errors, errors.Warnings);
        }

        var settings = new StackSettings(
            ConfigKeys.Project, raw.StackName, environment.Value, region, iamMode,
            collector, lambda, app, api, sampling, traffic, transactionSearch, tags);
        StackValidation.Validate(settings, errors);
        return errors.Errors.Count > 0
            ? new SettingsResult(null, errors.Errors, errors.Warnings)
            : new SettingsResult(settings, [], errors.Warnings);
    }

    private static void CheckUnknownProjectKeys(RawStackConfig raw, ErrorSink errors)
    {
        var prefix = $"{ConfigKeys.Project}:";
        foreach (var key in raw.Values.Keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = key[prefix.Length..];
            if (!ConfigKeys.ProjectKeys.Contains(name))
            {
                errors.Add(key, KeySuggestion.Describe(key, name, ConfigKeys.ProjectKeys.ToList()));
            }
        }
    }

    private static DeploymentEnvironment? ReadEnvironment(RawStackConfig raw, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Environment);
        var allowed = string.Join(", ", EnumNames.Environments.Keys);
        var value = raw.Get(key);
        if (value is null)
        {
            if (EnumNames.Environments.TryGetValue(raw.StackName, out var fromStack))
            {
                return fromStack;
            }

            errors.Add(key, $"not set, and the stack name '{raw.StackName}' is not an environment name; allowed: {allowed}. "
                + $"Set it with: pulumi config set {key} <{string.Join("|", EnumNames.Environments.Keys)}>");
            return null;
        }

        if (EnumNames.Environments.TryGetValue(value, out var environment))
        {
            return environment;
        }

        errors.Add(key, $"'{value}' is not an environment; allowed: {allowed}.");
        return null;
    }

    private static string? ReadRegion(RawStackConfig raw, ErrorSink errors)
    {
        var region = raw.Get(ConfigKeys.AwsRegion);
        var nativeRegion = raw.Get(ConfigKeys.AwsNativeRegion);
        if (string.IsNullOrWhiteSpace(region))
        {
            errors.Add(ConfigKeys.AwsRegion, "required: the AWS region to deploy into, e.g. us-west-2. Set it with: pulumi config set aws:region <region>");
            return null;
        }

        if (!RegionPattern().IsMatch(region))
        {
            errors.Add(ConfigKeys.AwsRegion, $"'{region}' is not an AWS region name (expected a form like us-west-2).");
            return null;
        }

        if (string.IsNullOrWhiteSpace(nativeRegion))
        {
            errors.Add(ConfigKeys.AwsNativeRegion, $"required by the aws-native provider and must equal aws:region ('{region}'). Set it with: pulumi config set aws-native:region {region}");
        }
        else if (nativeRegion != region)
        {
            errors.Add(ConfigKeys.AwsNativeRegion, $"'{nativeRegion}' differs from aws:region '{region}'; both providers must deploy into one region.");
        }

        return region;
    }

    private static T ReadScalarChoice<T>(RawStackConfig raw, string name, T fallback, IReadOnlyDictionary<string, T> allowed, ErrorSink errors)
    {
        var key = ConfigKeys.Full(name);
        var value = raw.Get(key);
        if (value is null)
        {
            return fallback;
        }

        if (allowed.TryGetValue(value, out var chosen))
        {
            return chosen;
        }

        errors.Add(key, $"'{value}' is not allowed; allowed: {string.Join(", ", allowed.Keys)}.");
        return fallback;
    }

    /// <summary>A top-level object key: Pulumi hands objects over as JSON text.</summary>
    private static ObjectReader Section(RawStackConfig raw, string name, ErrorSink errors)
    {
        var key = ConfigKeys.Full(name);
        return new ObjectReader(key, ParseJson(key, raw.Get(key), errors), errors);
    }

    private static JsonElement? ParseJson(string key, string? text, ErrorSink errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            errors.Add(key, $"expected an object, but the value is not valid JSON ({exception.Message}): {text}");
            return null;
        }
    }

    private static CollectorSettings ReadCollector(ObjectReader reader, CollectorSettings preset, ErrorSink errors)
    {
        var enabled = reader.Bool("enabled", preset.Enabled);
        var instanceType = reader.Choice("instanceType", preset.InstanceType, InstanceTypes.All.ToDictionary(type => type.Name, type => type.Name));
        var minSize = reader.Int("minSize", preset.MinSize, 0, 20);
        var maxSize = reader.Int("maxSize", preset.MaxSize, 1, 20);
        var desiredCapacity = reader.Int("desiredCapacity", Math.Clamp(preset.DesiredCapacity, minSize, maxSize), 0, 20);
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

        if (minSize > maxSize)
        {
            errors.Add(reader.PathOf("minSize"), $"{minSize} is greater than collector.maxSize {maxSize}.");
        }

        if (desiredCapacity < minSize || desiredCapacity > maxSize)
        {
            errors.Add(reader.PathOf("desiredCapacity"), $"{desiredCapacity} must lie between collector.minSize {minSize} and collector.maxSize {maxSize}.");
        }

        if (vpcId is not null && !VpcIdPattern().IsMatch(vpcId))
        {
            errors.Add(reader.PathOf("vpcId"), $"'{vpcId}' is not a VPC id (expected vpc- followed by 8 or 17 hex digits).");
        }

        for (var i = 0; i < subnetIds.Count; i++)
        {
            if (!SubnetIdPattern().IsMatch(subnetIds[i]))
            {
                errors.Add($"{reader.PathOf("subnetIds")}[{i}]", $"'{subnetIds[i]}' is not a subnet id (expected subnet- followed by 8 or 17 hex digits).");
            }
        }

        if (subnetIds.Count > 0 && vpcId is null)
        {
            errors.Add(reader.PathOf("vpcId"), "required when collector.subnetIds is set: the security group is created in that VPC and opened to its CIDR.");
        }

        if (imageTag == "latest" || !ImageTagPattern().IsMatch(imageTag))
        {
            errors.Add(reader.PathOf("imageTag"), $"'{imageTag}' is not a pinned release tag; use a version tag such as {EnvironmentPresets.CollectorImageTag} (never latest).");
        }

        if (!TaskSizes.IsValid(cpu, memory))
        {
            errors.Add(reader.PathOf("memory"), $"cpu {cpu} with memory {memory} is not a task size ECS accepts; {TaskSizes.Describe(cpu)}.");
        }

        if (InstanceTypes.Find(instanceType) is { } type && !InstanceTypes.Fits(type, cpu, memory))
        {
            errors.Add(reader.PathOf("instanceType"),
                $"{instanceType} ({type.VCpus} vCPU, {type.MemoryMiB} MiB) is too small for the collector task ({cpu} CPU units, {memory} MiB "
                + $"plus {InstanceTypes.ReservedMemoryMiB} MiB the ECS agent keeps); choose e.g. t3.medium.");
        }

        if (source == CollectorConfigSource.Bundled && !BundledConfigs.Paths.Contains(bundledPath))
        {
            errors.Add(configReader.PathOf("bundledPath"), $"'{bundledPath}' is not a config file the collector image ships; allowed: {string.Join(", ", BundledConfigs.Paths)}.");
        }

        return new CollectorSettings(enabled, instanceType, minSize, maxSize, desiredCapacity, vpcId, subnetIds, strategy,
            desiredCount, imageTag, cpu, memory, retention, new CollectorConfigSettings(source, bundledPath));
    }

    private static LambdaSettings ReadLambda(ObjectReader reader, LambdaSettings preset, ErrorSink errors)
    {
        var flavor = reader.Choice("flavor", preset.Flavor, EnumNames.Flavors);
        var architecture = reader.Choice("architecture", preset.Architecture, EnumNames.Architectures);
        var versions = reader.StringMap("versions", preset.Versions);
        var layerArn = reader.OptionalString("layerArn");
        var memory = reader.Int("memorySize", preset.MemorySize, 128, 10240);
        var timeout = reader.Int("timeoutSeconds", preset.TimeoutSeconds, 1, 900);
        var retention = LogRetention.Read(reader, "logRetentionDays", preset.LogRetentionDays, errors);
        reader.Finish();

        if (layerArn is not null && !LayerArnPattern().IsMatch(layerArn))
        {
            errors.Add(reader.PathOf("layerArn"), $"'{layerArn}' is not a Lambda layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).");
        }

        return new LambdaSettings(flavor, architecture, versions, layerArn, memory, timeout, retention);
    }

    private static AppSettings ReadApp(ObjectReader reader, AppSettings preset, ErrorSink errors)
    {
        var simulateFailure = reader.Bool("simulateFailure", preset.SimulateFailure);
        var knowledgeBaseId = reader.OptionalString("knowledgeBaseId");
        var maxReceiveCount = reader.Int("maxReceiveCount", preset.MaxReceiveCount, 1, 1000);
        var batchSize = reader.Int("batchSize", preset.BatchSize, 1, 10);
        reader.Finish();

        if (knowledgeBaseId is not null && !KnowledgeBaseIdPattern().IsMatch(knowledgeBaseId))
        {
            errors.Add(reader.PathOf("knowledgeBaseId"), $"'{knowledgeBaseId}' is not a Bedrock knowledge base id (10 upper-case letters or digits).");
        }

        return new AppSettings(simulateFailure, knowledgeBaseId, maxReceiveCount, batchSize);
    }

    private static ApiSettings ReadApi(ObjectReader reader, ApiSettings preset, ErrorSink errors)
    {
        var type = reader.Choice("type", preset.Type, EnumNames.ApiTypes);
        var stageName = reader.String("stageName", preset.StageName);
        var rate = reader.Double("throttlingRateLimit", preset.ThrottlingRateLimit, 0, 10000);
        var burst = reader.Int("throttlingBurstLimit", preset.ThrottlingBurstLimit, 0, 5000);
        var retention = LogRetention.Read(reader, "logRetentionDays", preset.LogRetentionDays, errors);
        reader.Finish();

        if (type == ApiType.Http)
        {
            errors.Add(reader.PathOf("type"), "'http' is refused: X-Ray traces API Gateway REST APIs only, HTTP APIs cannot be traced "
                + "(https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html). Use 'rest'.");
        }

        if (!StageNamePattern().IsMatch(stageName))
        {
            errors.Add(reader.PathOf("stageName"), $"'{stageName}' is not a valid API Gateway stage name: use 1-128 letters, digits, hyphens or underscores.");
        }

        return new ApiSettings(type, stageName, rate, burst, retention);
    }

    private static SamplingSettings ReadSampling(ObjectReader reader, SamplingSettings preset, ErrorSink errors)
    {
        var critical = reader.StringList("criticalPaths", preset.CriticalPaths);
        var routine = reader.StringList("routinePaths", preset.RoutinePaths);
        var rules = reader.ObjectList("rules")?.Select(ReadRule).ToList() ?? preset.Rules;
        reader.Finish();

        CheckPaths(reader.PathOf("criticalPaths"), critical, errors);
        CheckPaths(reader.PathOf("routinePaths"), routine, errors);
        return new SamplingSettings(critical, routine, rules);

        CustomSamplingRule ReadRule(ObjectReader rule)
        {
            var name = rule.String("name", "");
            var priority = rule.Int("priority", 0, 1, 9999);
            var fixedRate = rule.Double("fixedRate", 0, 0, 1);
            var reservoir = rule.Int("reservoirSize", 0, 0, 100000);
            var urlPath = rule.String("urlPath", "*");
            var httpMethod = rule.String("httpMethod", "*");
            var host = rule.String("host", "*");
            var serviceName = rule.OptionalString("serviceName");
            var serviceType = rule.OptionalString("serviceType");
            SamplingBoost? boost = null;
            if (rule.Has("boost"))
            {
                var boostReader = rule.Object("boost");
                boost = new SamplingBoost(
                    boostReader.Double("maxRate", fixedRate, 0, 1),
                    boostReader.Int("cooldownWindowMinutes", 1, 1, 1440));
                boostReader.Finish();
                if (boost.MaxRate < fixedRate)
                {
                    errors.Add(boostReader.PathOf("maxRate"), $"{boost.MaxRate} is below the rule's fixedRate {fixedRate}; a boost must not lower the rate.");
                }
            }
            else
            {
                rule.Allow("boost");
            }

            rule.Finish();
            if (!rule.Has("name"))
            {
                errors.Add(rule.PathOf("name"), "required: a short name for the rule (letters, digits, hyphens, underscores).");
            }
            else if (!RuleNamePattern().IsMatch(name))
            {
                errors.Add(rule.PathOf("name"), $"'{name}' is not a valid rule name: use 1-20 letters, digits, hyphens or underscores (the stack prefix is added, and X-Ray allows 32 characters in all).");
            }

            if (!rule.Has("priority"))
            {
                errors.Add(rule.PathOf("priority"), "required: 1 to 9999, lower is evaluated first.");
            }

            if (!rule.Has("fixedRate"))
            {
                errors.Add(rule.PathOf("fixedRate"), "required: 0 to 1, the share of requests sampled after the reservoir is used.");
            }

            CheckLength(rule.PathOf("urlPath"), urlPath, 128, errors);
            CheckLength(rule.PathOf("httpMethod"), httpMethod, 10, errors);
            CheckLength(rule.PathOf("host"), host, 64, errors);
            CheckLength(rule.PathOf("serviceName"), serviceName ?? "*", 64, errors);
            CheckLength(rule.PathOf("serviceType"), serviceType ?? "*", 64, errors);
            return new CustomSamplingRule(name, priority, fixedRate, reservoir, urlPath, httpMethod, host, boost, serviceName, serviceType);
        }
    }

    private static void CheckPaths(string key, IReadOnlyList<string> paths, ErrorSink errors)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i].Length == 0 || !(paths[i].StartsWith('/') || paths[i].StartsWith('*')))
            {
                errors.Add($"{key}[{i}]", $"'{paths[i]}' is not a URL path pattern: start with / (wildcards * and ? allowed).");
            }

            CheckLength($"{key}[{i}]", paths[i], 128, errors);
        }
    }

    private static void CheckLength(string key, string value, int max, ErrorSink errors)
    {
        if (value.Length == 0 || value.Length > max)
        {
            errors.Add(key, $"'{value}' has {value.Length} characters; X-Ray allows 1 to {max}.");
        }
    }

    private static IReadOnlyList<RouteTraffic> ReadTraffic(RawStackConfig raw, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Traffic);
        if (ParseJson(key, raw.Get(key), errors) is not { } element)
        {
            return EnvironmentPresets.ReferenceTraffic;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(key, $"expected a map of \"METHOD /path\" to requests per second, got {ObjectReader.Describe(element)}.");
            return EnvironmentPresets.ReferenceTraffic;
        }

        var routes = new List<RouteTraffic>();
        foreach (var property in element.EnumerateObject())
        {
            var routeKey = $"{key}.{property.Name}";
            var parts = property.Name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !HttpMethodPattern().IsMatch(parts[0]) || !parts[1].StartsWith('/'))
            {
                errors.Add(routeKey, $"'{property.Name}' is not a route; write it as \"METHOD /path\", e.g. \"POST /chat\".");
                continue;
            }

            if (!ObjectReader.TryNumber(property.Value, out var rate) || rate < 0)
            {
                errors.Add(routeKey, $"expected requests per second (a number ≥ 0), got {ObjectReader.Describe(property.Value)}.");
                continue;
            }

            routes.Add(new RouteTraffic(parts[0], parts[1], rate));
        }

        return routes;
    }

    private static TransactionSearchSettings ReadTransactionSearch(ObjectReader reader)
    {
        var enabled = reader.Bool("enabled", false);
        var indexing = reader.Double("indexingPercentage", 1, 0, 100);
        reader.Finish();
        return new TransactionSearchSettings(enabled, indexing);
    }

    private static IReadOnlyDictionary<string, string> ReadTags(RawStackConfig raw, ErrorSink errors)
    {
        var key = ConfigKeys.Full(ConfigKeys.Tags);
        if (ParseJson(key, raw.Get(key), errors) is not { } element)
        {
            return new Dictionary<string, string>();
        }

        var tags = ObjectReader.ReadStringMap(key, element, errors) ?? new Dictionary<string, string>();
        foreach (var (name, value) in tags)
        {
            if (name.Length is 0 or > 128 || name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{key}.{name}", "a tag key must have 1-128 characters and must not start with aws:.");
            }

            if (value.Length > 256)
            {
                errors.Add($"{key}.{name}", $"the value has {value.Length} characters; AWS allows at most 256.");
            }
        }

        return tags;
    }

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex ImageTagPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:layer:[A-Za-z0-9_-]+:[0-9]+$")]
    private static partial Regex LayerArnPattern();

    [GeneratedRegex("^[0-9A-Z]{10}$")]
    private static partial Regex KnowledgeBaseIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StageNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)$")]
    private static partial Regex HttpMethodPattern();
}
