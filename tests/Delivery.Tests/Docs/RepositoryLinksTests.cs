namespace Delivery.Tests.Docs;

/// <summary>Every relative link and anchor of the repository's Markdown resolves.</summary>
public sealed class RepositoryLinksTests
{
    [Fact]
    public void EveryRelativeLinkAndAnchorResolves()
    {
        Assert.NotEmpty(RepositoryFiles.Markdown);
        var broken = new LinkChecker(RepositoryFiles.All, RepositoryFiles.Read).Check(RepositoryFiles.Markdown);
        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s):\n{string.Join("\n", broken)}");
    }

    [Fact]
    public void TheReadmeIsAmongTheFilesChecked() => Assert.Contains("README.md", RepositoryFiles.Markdown);

    [Fact]
    public void ALinkBrokenInTheRealReadmeIsReported()
    {
        var readme = RepositoryFiles.Read("README.md") + "\n\n[gone](docs/no-such-page.md) [nowhere](#no-such-heading-here)\n";
        var line = readme.Split('\n').Length - 1;
        var checker = new LinkChecker(RepositoryFiles.All, path => path == "README.md" ? readme : RepositoryFiles.Read(path));

        var broken = checker.CheckFile("README.md").Select(b => b.ToString()).ToList();

        Assert.Contains($"README.md:{line}: docs/no-such-page.md (no such file or folder)", broken);
        Assert.Contains($"README.md:{line}: #no-such-heading-here (no heading or <a id> gives #no-such-heading-here in README.md)", broken);
    }

    [Fact]
    public void TheReadmeLinksEveryPageOfTheDocs()
    {
        // A page nobody links to is a page nobody finds: the README's documentation table is the way in.
        var linked = MarkdownFile.Parse(RepositoryFiles.Read("README.md")).Links
            .Select(link => link.Target.Split('#')[0])
            .ToHashSet(StringComparer.Ordinal);
        var pages = RepositoryFiles.Markdown.Where(path => path.StartsWith("docs/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.True(linked.Contains(page), $"README.md does not link {page}"));
    }
}
