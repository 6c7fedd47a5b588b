using Infra.Core.Settings;

namespace Infra.Core.Tests.Settings;

/// <summary>The names users write in stack files for each choice, and back.</summary>
public class EnumNamesTests
{
    [Fact]
    public void Environments()
    {
        Assert.Equal(["dev", "staging", "prod"], EnumNames.Environments.Keys);
        Assert.Equal([DeploymentEnvironment.Dev, DeploymentEnvironment.Staging, DeploymentEnvironment.Prod], EnumNames.Environments.Values);
        Assert.Equal(["dev", "staging", "prod"], Enum.GetValues<DeploymentEnvironment>().Select(value => value.Wire()));
    }

    [Fact]
    public void IamModes()
    {
        Assert.Equal(new Dictionary<string, IamMode> { ["least-privilege"] = IamMode.LeastPrivilege, ["seed"] = IamMode.Seed }, EnumNames.IamModes);
        Assert.Equal(["least-privilege", "seed"], Enum.GetValues<IamMode>().Select(value => value.Wire()));
    }

    [Fact]
    public void Profiles()
    {
        Assert.Equal(new Dictionary<string, Profile> { ["recommended"] = Profile.Recommended, ["article"] = Profile.Article }, EnumNames.Profiles);
        Assert.Equal("recommended", Profile.Recommended.Wire());
        Assert.Equal("article", Profile.Article.Wire());
    }

    /// <summary>ECS's scheduling strategies, spelt as the ECS API spells them (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).</summary>
    [Fact]
    public void SchedulingStrategies()
    {
        Assert.Equal(new Dictionary<string, SchedulingStrategy> { ["DAEMON"] = SchedulingStrategy.Daemon, ["REPLICA"] = SchedulingStrategy.Replica }, EnumNames.SchedulingStrategies);
        Assert.Equal(["DAEMON", "REPLICA"], Enum.GetValues<SchedulingStrategy>().Select(value => value.Wire()));
    }

    [Fact]
    public void ConfigSources()
    {
        Assert.Equal(new Dictionary<string, CollectorConfigSource> { ["bundled"] = CollectorConfigSource.Bundled, ["custom"] = CollectorConfigSource.Custom }, EnumNames.ConfigSources);
        Assert.Equal(["bundled", "custom"], Enum.GetValues<CollectorConfigSource>().Select(value => value.Wire()));
    }

    [Fact]
    public void Flavors()
    {
        Assert.Equal(new Dictionary<string, LayerFlavor> { ["legacy"] = LayerFlavor.Legacy, ["distro"] = LayerFlavor.Distro }, EnumNames.Flavors);
        Assert.Equal(["legacy", "distro"], Enum.GetValues<LayerFlavor>().Select(value => value.Wire()));
    }

    /// <summary>Lambda's architectures, spelt as the Lambda API spells them (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html).</summary>
    [Fact]
    public void Architectures()
    {
        Assert.Equal(new Dictionary<string, LambdaArchitecture> { ["x86_64"] = LambdaArchitecture.X86_64, ["arm64"] = LambdaArchitecture.Arm64 }, EnumNames.Architectures);
        Assert.Equal(["x86_64", "arm64"], Enum.GetValues<LambdaArchitecture>().Select(value => value.Wire()));
    }

    [Fact]
    public void ApiTypes() =>
        Assert.Equal(new Dictionary<string, ApiType> { ["rest"] = ApiType.Rest, ["http"] = ApiType.Http }, EnumNames.ApiTypes);

    [Fact]
    public void AValueWithoutANameCannotBeWritten() =>
        Assert.Throws<InvalidOperationException>(() => EnumNames.Name(EnumNames.Flavors, (LayerFlavor)7));
}
