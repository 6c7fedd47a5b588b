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

        return new RawStackConfig(Deployment.Instance.StackName, values);
    }

    private static IEnumerable<string> AllKeys()
    {
        var json = System.Environment.GetEnvironmentVariable(AllConfigVariable);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(property => CleanKey(property.Name)).ToList();
    }

    /// <summary>Older engines send "namespace:config:key"; the program speaks of "namespace:key".</summary>
    private static string CleanKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && parts[1] == "config" ? $"{parts[0]}:{parts[2]}" : key;
    }
}
