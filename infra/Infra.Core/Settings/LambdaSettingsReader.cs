namespace Infra.Core.Settings;

/// <summary>adot-tracing:lambda — how every traced function is built. Region-dependent checks are in StackValidation.</summary>
internal static class LambdaSettingsReader
{
    public static LambdaSettings Read(ObjectReader reader, LambdaSettings preset, ErrorSink errors)
    {
        var flavor = reader.Choice("flavor", preset.Flavor, EnumNames.Flavors);
        var architecture = reader.Choice("architecture", preset.Architecture, EnumNames.Architectures);
        var versions = Versions(reader, flavor == preset.Flavor ? preset.Versions : new Dictionary<string, string>());
        var layerArn = reader.OptionalString("layerArn");
        var memory = reader.Int("memorySize", preset.MemorySize, 128, 10240);
        var timeout = reader.Int("timeoutSeconds", preset.TimeoutSeconds, 1, 900);
        var retention = LogRetention.Read(reader, "logRetentionDays", preset.LogRetentionDays, errors);
        reader.Finish();

        if (layerArn is not null && !SettingsPatterns.LayerArn().IsMatch(layerArn))
        {
            errors.Add(reader.PathOf("layerArn"), $"'{layerArn}' is not a Lambda layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).");
            layerArn = null;
        }

        return new LambdaSettings(flavor, architecture, versions, layerArn, memory, timeout, retention);
    }

    /// <summary>
    /// The preset's pinned releases (the article profile's Python 1.25.0) with lambda.versions put over them per
    /// language: pinning Node.js keeps the preset's Python pin, and an explicit python replaces it.
    /// </summary>
    private static IReadOnlyDictionary<string, string> Versions(ObjectReader reader, IReadOnlyDictionary<string, string> preset)
    {
        var explicitVersions = reader.StringMap("versions", new Dictionary<string, string>());
        var merged = new SortedDictionary<string, string>(preset.ToDictionary(), StringComparer.Ordinal);
        foreach (var (language, version) in explicitVersions)
        {
            merged[language] = version;
        }

        return merged;
    }
}

/// <summary>adot-tracing:api — the REST API stage.</summary>
internal static class ApiSettingsReader
{
    public static ApiSettings Read(ObjectReader reader, ApiSettings preset, ErrorSink errors)
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

        if (!SettingsPatterns.StageName().IsMatch(stageName))
        {
            errors.Add(reader.PathOf("stageName"), $"'{stageName}' is not a valid API Gateway stage name: use 1-128 letters, digits, hyphens or underscores.");
            stageName = preset.StageName;
        }

        return new ApiSettings(type, stageName, rate, burst, retention);
    }
}
