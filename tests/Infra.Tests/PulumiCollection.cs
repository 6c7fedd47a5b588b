namespace Infra.Tests;

/// <summary>Mocked deployments share process state (the PULUMI_CONFIG variable, Deployment.Instance): run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PulumiCollection
{
    public const string Name = "Pulumi deployments";
}
