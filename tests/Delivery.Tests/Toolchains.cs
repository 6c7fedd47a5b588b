using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Infra.Core.Lambda;

namespace Delivery.Tests;

/// <summary>The toolchain versions the workflows must set up, read from the project rather than from the workflows.</summary>
internal static partial class Toolchains
{
    /// <summary>The SDK band of the target framework in Directory.Build.props: net10.0 needs a 10.0.x SDK.</summary>
    public static string DotnetSdkVersion
    {
        get
        {
            var props = XDocument.Load(Path.Combine(Repo.Root, "Directory.Build.props"));
            var framework = Assert.Single(props.Descendants("TargetFramework")).Value;
            var match = TargetFramework().Match(framework);
            Assert.True(match.Success, $"unexpected TargetFramework {framework}");
            return $"{match.Groups["version"].Value}.x";
        }
    }

    /// <summary>The Python of the Lambda runtime the functions run on (python3.12 -> 3.12), so their tests run on it too.</summary>
    public static string FunctionsPythonVersion
    {
        get
        {
            // The runtime the program's app declares (infra/Infra/App/ChatbotApp.cs).
            var runtime = Regex.Match(File.ReadAllText(Path.Combine(Repo.Root, "infra", "Infra", "App", "ChatbotApp.cs")), "\"(python3\\.\\d+)\"").Groups[1].Value;
            var match = LambdaPythonRuntime().Match(runtime);
            Assert.True(match.Success, $"no Lambda Python runtime in infra/Infra/App/ChatbotApp.cs");
            return match.Groups["version"].Value;
        }
    }

    /// <summary>The oldest Node.js the policy pack declares it runs on (policy/package.json engines.node, ">=20" -> 20).</summary>
    public static string PolicyNodeVersion
    {
        get
        {
            using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "policy", "package.json")));
            var engines = package.RootElement.GetProperty("engines").GetProperty("node").GetString() ?? "";
            var match = NodeEngines().Match(engines);
            Assert.True(match.Success, $"policy/package.json engines.node is '{engines}', expected '>=<major>'");
            return match.Groups["major"].Value;
        }
    }

    [GeneratedRegex(@"^>=\s*(?<major>\d+)$")]
    private static partial Regex NodeEngines();

    [GeneratedRegex(@"^net(?<version>\d+\.\d+)$")]
    private static partial Regex TargetFramework();

    [GeneratedRegex(@"^python(?<version>3\.\d+)$")]
    private static partial Regex LambdaPythonRuntime();
}
