using Infra.Core.Naming;

namespace Infra.Core.Tests.Naming;

/// <summary>adot-tracing:tags plus the tags the stack adds itself (docs/configuration.md: project, stack, environment, managed-by).</summary>
public class StackTagsTests
{
    [Fact]
    public void EveryResourceCarriesTheStacksOwnTagsAndTheUsersInKeyOrder()
    {
        var tags = StackTags.For(TestStacks.Settings("staging", ("tags", """{"team":"search","cost-center":"cc-42"}""")));
        Assert.Equal(
            [
                new("cost-center", "cc-42"), new("environment", "staging"), new("managed-by", "pulumi"),
                new("project", "adot-tracing"), new("stack", "staging"), new KeyValuePair<string, string>("team", "search"),
            ],
            tags);
    }

    [Fact]
    public void TheStacksOwnTagsWinOverUserTagsOfTheSameKey()
    {
        var tags = StackTags.For(TestStacks.Settings("dev", ("tags", """{"project":"other","stack":"x","environment":"prod","managed-by":"terraform","owner":"me"}""")));
        Assert.Equal(("adot-tracing", "dev", "dev", "pulumi", "me"), (tags["project"], tags["stack"], tags["environment"], tags["managed-by"], tags["owner"]));
        Assert.Equal(5, tags.Count);
    }

    [Fact]
    public void TheGeneratedKeysAreTheOnesTheStackSets() =>
        Assert.Equal(StackTags.For(TestStacks.Settings("prod")).Keys.Order(StringComparer.Ordinal), StackTags.GeneratedKeys.Order(StringComparer.Ordinal));
}
