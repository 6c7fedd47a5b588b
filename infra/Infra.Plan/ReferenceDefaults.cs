using Infra.Core.App;
using Infra.Core.Settings;
using Infra.Core.StackFiles;

namespace Infra.Plan;

/// <summary>
/// What a stack that sets nothing but its Region resolves to, per environment and profile: Pulumi.yaml's defaults
/// merged in as the CLI does, then the program's parser. The reference reads every default from these.
/// </summary>
internal sealed class ReferenceDefaults
{
    public static readonly IReadOnlyList<DeploymentEnvironment> Environments = [DeploymentEnvironment.Dev, DeploymentEnvironment.Staging, DeploymentEnvironment.Prod];

    private readonly Dictionary<(DeploymentEnvironment, Profile), ResolvedStack> _stacks = [];

    /// <param name="region">The Region every resolved stack is given; nothing in the defaults depends on it.</param>
    public ReferenceDefaults(PulumiProject project, AppDefinition app, string region)
    {
        Region = region;
        foreach (var environment in Environments)
        {
            var unset = Resolve(project, app, environment, null, region);
            DefaultProfile = unset.Settings.Profile;
            _stacks[(environment, DefaultProfile)] = unset;
            foreach (var profile in EnumNames.Profiles.Values.Where(profile => profile != DefaultProfile))
            {
                _stacks[(environment, profile)] = Resolve(project, app, environment, profile, region);
            }
        }
    }

    public string Region { get; }

    /// <summary>The profile of a stack that sets none: Pulumi.yaml's default.</summary>
    public Profile DefaultProfile { get; }

    /// <summary>The profiles other than the default, in the order of their names.</summary>
    public IEnumerable<Profile> OtherProfiles => EnumNames.Profiles.Values.Where(profile => profile != DefaultProfile);

    public ResolvedStack For(DeploymentEnvironment environment) => _stacks[(environment, DefaultProfile)];

    public ResolvedStack For(DeploymentEnvironment environment, Profile profile) => _stacks[(environment, profile)];

    private static ResolvedStack Resolve(PulumiProject project, AppDefinition app, DeploymentEnvironment environment, Profile? profile, string region)
    {
        var stack = environment.Wire();
        var text = $"config:\n  {ConfigKeys.AwsRegion}: {region}\n  {ConfigKeys.AwsNativeRegion}: {region}\n"
            + (profile is { } chosen ? $"  {ConfigKeys.Full(ConfigKeys.Profile)}: {chosen.Wire()}\n" : "");
        var errors = new ErrorSink();
        var raw = PulumiStack.Merge(project, stack, text, errors)
            ?? throw new InvalidOperationException($"Pulumi.yaml does not merge with an empty {stack} stack: {string.Join("; ", errors.Errors)}");
        var result = StackSettingsParser.Parse(raw, app);
        var settings = result.IsValid
            ? result.Settings!
            : throw new InvalidOperationException($"an empty {stack} stack{(profile is { } named ? $" with the {named.Wire()} profile" : "")} is invalid: {string.Join("; ", result.Errors)}");
        return new ResolvedStack(settings, result.Declaration);
    }
}
