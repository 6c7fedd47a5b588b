using System.Text.Json;
using Infra.Core.Settings;
using Pulumi;

namespace Infra;

/// <summary>Feeds the stack's Pulumi configuration into Core's one settings parser.</summary>
internal static class PulumiConfigSource
{
    /// <summary>
    /// The variable through which the Pulumi engine hands every config value to the program. Pulumi.Config reads
    /// values by key; this is only used to list the keys, so misspelt ones are reported instead of ignored.
    /// </summary>
    private const string AllConfigVariable = "PULUMI_CONFIG";

    /// <summary>
    /// The variable through which the engine lists the keys whose values are secret: a key is listed when any value
    /// in it is (a stack file's <c>secure:</c> at any depth, or an ESC environment's secret). The SDK reads it into
    /// Deployment's config secret keys but offers no public way to ask (pulumi/pulumi-dotnet v3.112.1:
    /// sdk/Pulumi/Deployment/Deployment_Config.cs, ParseConfigSecretKeys; pulumi-language-dotnet/main.go,
    /// constructConfigSecretKeys).
    /// </summary>
    private const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <remarks>
    /// Secret values are read as text, as Config.GetSecret does before it wraps them in a secret output: the settings
    /// are validated before any resource exists, which needs the text. The keys they came from travel with them, so
    /// the settings record their secret texts and the components pass every input holding one as
    /// <c>Output.CreateSecret</c> (Core refuses a stack that would put one anywhere else).
    /// </remarks>
    public static RawStackConfig Read()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var project = new Config(ConfigKeys.Project);
        foreach (var key in ConfigKeys.ProjectKeys)
        {
            if (project.Get(key) is { } value)
            {
                values[ConfigKeys.Full(key)] = value;
            }
        }

        if (new Config("aws").Get("region") is { } region)
        {
            values[ConfigKeys.AwsRegion] = region;
        }

        if (new Config("aws-native").Get("region") is { } nativeRegion)
        {
            values[ConfigKeys.AwsNativeRegion] = nativeRegion;
        }

        foreach (var key in AllKeys().Where(key => !values.ContainsKey(key)))
        {
            // Keys the program does not read: only their presence matters, so the parser can report a misspelt
            // project key or namespace with a suggestion instead of ignoring it.
            values[key] = "";
        }

        return new RawStackConfig(Deployment.Instance.StackName, values)
        {
            SecretKeys = Keys(SecretKeysVariable, document => document.RootElement.EnumerateArray().Select(element => element.GetString() ?? "")),
            MayHoldEnvironmentValues = true,
        };
    }

    private static IEnumerable<string> AllKeys() =>
        Keys(AllConfigVariable, document => document.RootElement.EnumerateObject().Select(property => property.Name));

    private static HashSet<string> Keys(string variable, Func<JsonDocument, IEnumerable<string>> read)
    {
        var json = System.Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return read(document).Select(CleanKey).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Older engines send "namespace:config:key"; the program speaks of "namespace:key".</summary>
    private static string CleanKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
    }
}
