namespace Infra.Plan.Tests;

/// <summary>The options and exit codes of scripts/plan: 0 ok, 1 unreadable, 2 invalid settings, 64 usage.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void MissingStackIsAUsageError()
    {
        var (code, stdout, stderr) = Plan.Run();
        Assert.Equal(64, code);
        Assert.Equal("", stdout);
        Assert.Contains("usage: scripts/plan <stack>", stderr);
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        var (code, _, stderr) = Plan.Committed("dev", "--verbose");
        Assert.Equal(64, code);
        Assert.Contains("--verbose", stderr);
    }

    [Fact]
    public void SecondStackIsAUsageError()
    {
        var (code, _, stderr) = Plan.Committed("dev", "prod");
        Assert.Equal(64, code);
        Assert.Contains("prod", stderr);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("12345678901a")]
    [InlineData("1234567890123")]
    public void AccountMustBeTwelveDigits(string account)
    {
        var (code, stdout, stderr) = Plan.Committed("dev", "--account", account);
        Assert.Equal(64, code);
        Assert.Equal("", stdout);
        Assert.Contains($"--account: '{account}' is not a 12-digit AWS account id", stderr);
    }

    [Fact]
    public void UnknownFormatIsAUsageErrorNamingTheFormats()
    {
        var (code, _, stderr) = Plan.Committed("dev", "--format", "yaml");
        Assert.Equal(64, code);
        Assert.Contains("yaml", stderr);
        Assert.Contains("table", stderr);
        Assert.Contains("json", stderr);
        Assert.Contains("markdown", stderr);
    }

    [Fact]
    public void JsonConflictsWithAnotherFormat()
    {
        var (code, _, stderr) = Plan.Committed("dev", "--json", "--format", "markdown");
        Assert.Equal(64, code);
        Assert.Contains("--json", stderr);
    }

    [Fact]
    public void JsonIsShortForFormatJson()
    {
        var shorthand = Plan.Committed("dev", "--json");
        var format = Plan.Committed("dev", "--format", "json");
        Assert.Equal(0, format.Code);
        Assert.StartsWith("{", format.Stdout);
        Assert.Equal(format.Stdout, shorthand.Stdout);
        Assert.Equal(shorthand.Stdout, Plan.Committed("dev", "--json", "--format", "json").Stdout);
    }

    [Fact]
    public void TableIsTheDefaultFormat()
    {
        var table = Plan.Committed("dev", "--format", "table");
        Assert.Equal(0, table.Code);
        Assert.StartsWith("Stack dev (dev)", table.Stdout);
        Assert.Equal(table.Stdout, Plan.Committed("dev").Stdout);
    }

    [Fact]
    public void HelpListsEveryOptionAndExitsZero()
    {
        var (code, stdout, _) = Plan.Run("--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "<stack>", "--format", "--json", "--dir", "--account", "table|json|markdown" })
        {
            Assert.Contains(option, stdout);
        }
    }

    [Fact]
    public void DirectoryWithoutProjectFileIsUnreadable()
    {
        var empty = Directory.CreateTempSubdirectory("plan-empty").FullName;
        try
        {
            var (code, stdout, stderr) = Plan.Run("dev", "--dir", empty);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            Assert.Contains("Pulumi.yaml", stderr);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
