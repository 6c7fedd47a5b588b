namespace Delivery.Tests.Docs;

/// <summary>The README's shape and its quick start's commands: on READMEs written here, then on the repository's own.</summary>
public sealed class ReadmeTests
{
    internal const string QuickStartBlock = """
        ```sh
        scripts/plan dev                  # what dev provisions and costs, offline
        scripts/test                      # every test, offline
        pulumi stack init foundation      # once per account and Region
        pulumi up -s foundation
        pulumi stack init dev
        pulumi up -s dev
        scripts/verify-traces dev         # one request, traced end to end
        pulumi destroy -s dev
        ```
        """;

    private static readonly string GoodReadme = $"""
        # adot-tracing

        Implements [Implementing AWS X-Ray for Tracing and Debugging Your Application]({ReadmeShape.ArticleUrl}).

        ```mermaid
        flowchart LR
          api --> chatbot
        ```

        ## Quick start

        Prerequisites: .NET, Python 3.

        {QuickStartBlock}

        ## More

        Text.
        """;

    private static readonly Dictionary<string, StackFile> Stacks = new(StringComparer.Ordinal)
    {
        ["foundation"] = new("foundation", true, null),
        ["dev"] = new("dev", false, "foundation"),
        ["standalone"] = new("standalone", false, null),
    };

    private static readonly QuickStartRepository GoodRepository = new(Stacks, "set -e\nbash scripts/plan dev\nbash scripts/test\n", _ => true);

    [Fact]
    public void AReadmeOfTheRightShapePasses()
    {
        Assert.Empty(ReadmeShape.Check(GoodReadme));
        Assert.Empty(QuickStartChecks.Check(QuickStart.Read(GoodReadme), GoodRepository));
    }

    [Fact]
    public void TheQuickStartIsReadAsTheReaderTypesIt()
    {
        var quickStart = QuickStart.Read(GoodReadme);
        Assert.Equal(
            ["scripts/plan dev", "scripts/test", "pulumi stack init foundation", "pulumi up -s foundation", "pulumi stack init dev", "pulumi up -s dev", "scripts/verify-traces dev", "pulumi destroy -s dev"],
            quickStart.Commands.Select(c => string.Join(' ', c.Words)));
        Assert.Equal(GoodReadme.Split('\n').ToList().FindIndex(l => l.StartsWith("scripts/plan dev", StringComparison.Ordinal)) + 1, quickStart.Commands[0].Line);
    }

    [Theory]
    [InlineData("Implementing AWS X-Ray for Tracing and Debugging Your Application]", "The article]", "does not name the article")]
    [InlineData("({0})", "(https://example.com/)", "does not link the article")]
    [InlineData("```mermaid", "```text", "has no diagram")]
    [InlineData("## Quick start", "## Getting started", "has 0 '## Quick start' headings")]
    [InlineData("Prerequisites: .NET, Python 3.", "```sh\nls\n```", "expected one ```sh block")]
    [InlineData("```sh\nscripts/plan", "```bash\nscripts/plan", "expected one ```sh block")]
    [InlineData("scripts/verify-traces dev ", "scripts/verify-traces prod", "the quick start does not show 'scripts/verify-traces dev'")]
    [InlineData("pulumi destroy -s dev", "pulumi destroy -s dev | tee log", "uses '|'")]
    public void AReadmeMissingAPartFails(string replace, string with, string expected)
    {
        replace = replace.Replace("{0}", ReadmeShape.ArticleUrl, StringComparison.Ordinal);
        Assert.Contains(replace, GoodReadme);
        var problems = ReadmeShape.Check(GoodReadme.Replace(replace, with, StringComparison.Ordinal));
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void AReadmeOverTwoHundredLinesFails()
    {
        var problems = ReadmeShape.Check(GoodReadme + string.Concat(Enumerable.Repeat("\nline", 200)));
        Assert.Contains(problems, p => p.StartsWith("README.md has ", StringComparison.Ordinal) && p.EndsWith("lines; at most 200: move reference material to docs/", StringComparison.Ordinal));
        Assert.Empty(ReadmeShape.Check(string.Concat(Enumerable.Repeat("x\n", 200 - GoodReadme.Split('\n').Length)) + GoodReadme));
    }

    [Theory]
    [InlineData("scripts/plan dev", "scripts/deploy dev", "README.md:{0}: scripts/deploy dev: no test checks 'scripts/deploy'; add a check for it")]
    [InlineData("scripts/plan dev", "make plan", "no test checks 'make'; add a check for it")]
    [InlineData("scripts/plan dev", "scripts/plan qa", "scripts/plan qa: no committed Pulumi.qa.yaml")]
    [InlineData("scripts/plan dev", "scripts/plan --json", "scripts/plan --json: names no stack")]
    [InlineData("scripts/verify-traces dev", "scripts/verify-traces qa", "scripts/verify-traces qa: no committed Pulumi.qa.yaml")]
    [InlineData("pulumi up -s dev", "pulumi deploy -s dev", "'pulumi deploy -s dev' is not a Pulumi CLI command this test knows; read its definition in pulumi/pulumi@v3.259.0 (pkg/cmd/pulumi) and add a check for it")]
    [InlineData("pulumi up -s dev", "pulumi up --target dev", "--target is not a flag of 'pulumi up' this test knows (pulumi/pulumi@v3.259.0:pkg/cmd/pulumi/operations/up.go); add a check for it")]
    [InlineData("pulumi up -s dev", "pulumi up dev", "'pulumi up' takes no stack argument (use -s <stack>), got dev")]
    [InlineData("pulumi up -s dev", "pulumi up -s qa", "pulumi up -s qa: no committed Pulumi.qa.yaml")]
    [InlineData("pulumi stack init dev", "pulumi stack init qa", "pulumi stack init qa: no committed Pulumi.qa.yaml for the stack it creates")]
    [InlineData("pulumi stack init dev", "pulumi stack init", "names no stack; Pulumi would prompt for one")]
    [InlineData("pulumi stack init dev\npulumi up -s dev", "pulumi up -s dev\npulumi stack init dev", "pulumi up -s dev: 'pulumi stack init dev' must come before it")]
    [InlineData("pulumi destroy -s dev", "pulumi destroy -s standalone", "pulumi destroy -s standalone: 'pulumi stack init standalone' must come before it")]
    [InlineData("pulumi up -s foundation\n", "", "pulumi up -s dev: the foundation stack 'foundation' (adot-tracing:foundation in Pulumi.dev.yaml) must be brought up before it: 'pulumi up -s foundation' first")]
    [InlineData("pulumi up -s foundation\npulumi stack init dev\npulumi up -s dev", "pulumi stack init dev\npulumi up -s dev\npulumi up -s foundation", "must be brought up before it")]
    public void AQuickStartCommandWithoutAPassingCheckFails(string replace, string with, string expected)
    {
        Assert.Contains(replace, GoodReadme);
        var readme = GoodReadme.Replace(replace, with, StringComparison.Ordinal);
        var line = readme.Split('\n').ToList().FindIndex(l => with.Length > 0 && l.StartsWith(with.Split('\n')[0], StringComparison.Ordinal)) + 1;
        var problems = QuickStartChecks.Check(QuickStart.Read(readme), GoodRepository);
        expected = expected.Replace("{0}", line.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected '{expected}' among:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void PulumiAliasesAndTheSelectedStackAreUnderstood()
    {
        var readme = GoodReadme
            .Replace("pulumi stack init dev", "pulumi stack new dev", StringComparison.Ordinal)
            .Replace("pulumi up -s dev", "pulumi update --yes", StringComparison.Ordinal)
            .Replace("pulumi destroy -s dev", "pulumi down --stack=dev -y", StringComparison.Ordinal);
        Assert.Empty(QuickStartChecks.Check(QuickStart.Read(readme), GoodRepository));
    }

    [Fact]
    public void AnAppStackNamingAStackThatIsNoFoundationFails()
    {
        var stacks = new Dictionary<string, StackFile>(Stacks) { ["foundation"] = new("foundation", false, null) };
        var problems = QuickStartChecks.Check(QuickStart.Read(GoodReadme), GoodRepository with { Stacks = stacks });
        Assert.Contains(problems, p => p.Contains("Pulumi.dev.yaml names the foundation 'foundation', which has no committed stack file with adot-tracing:kind: foundation", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("set -e\n# bash scripts/test\nscripts/testing\n", true, ".ci/run does not run scripts/test")]
    [InlineData("bash scripts/test\n", false, "git does not record scripts/test as executable")]
    public void ScriptsTestMustRunInCiAndBeExecutable(string ciRun, bool executable, string expected)
    {
        var problems = QuickStartChecks.Check(QuickStart.Read(GoodReadme), GoodRepository with { CiRun = ciRun, IsExecutable = _ => executable });
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TheReadmeHasItsShape()
    {
        var problems = ReadmeShape.Check(RepositoryFiles.Read("README.md"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryQuickStartCommandOfTheReadmeIsChecked()
    {
        var repository = new QuickStartRepository(
            StackFile.Committed(Repo.Root),
            RepositoryFiles.Read(".ci/run"),
            path => RepositoryFiles.GitMode(path) == "100755");
        var quickStart = QuickStart.Read(RepositoryFiles.Read("README.md"));
        var problems = QuickStartChecks.Check(quickStart, repository);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(quickStart.Commands);
    }

    [Fact]
    public void TheCommittedStackFilesSayWhichIsTheFoundation()
    {
        var stacks = StackFile.Committed(Repo.Root);
        Assert.True(stacks["foundation"].IsFoundation);
        Assert.Equal("foundation", stacks["dev"].Foundation);
        Assert.False(stacks["dev"].IsFoundation);
    }
}
