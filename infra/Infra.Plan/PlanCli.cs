using System.CommandLine;
using System.CommandLine.Help;
using Infra.Core.Naming;

namespace Infra.Plan;

internal enum PlanFormat { Table, Json, Markdown }

/// <summary>What the user asked for on the command line.</summary>
internal sealed record PlanRequest(string Stack, PlanFormat Format, string Directory, string Account);

/// <summary>The command line of scripts/plan, on System.CommandLine.</summary>
internal sealed class PlanCli
{
    private static readonly IReadOnlyDictionary<string, PlanFormat> Formats = new Dictionary<string, PlanFormat>(StringComparer.Ordinal)
    {
        ["table"] = PlanFormat.Table,
        ["json"] = PlanFormat.Json,
        ["markdown"] = PlanFormat.Markdown,
    };

    private readonly Argument<string> _stack = new("stack")
    {
        Description = "The stack to plan: reads Pulumi.<stack>.yaml (dev, staging, prod, ...).",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "table (text tables), json (the blueprint; schema in docs/plan.schema.json) or markdown (GitHub tables).",
        HelpName = "table|json|markdown",
        DefaultValueFactory = _ => "table",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Short for --format json.",
    };

    private readonly Option<string> _directory = new("--dir")
    {
        Description = "The directory holding Pulumi.yaml and the stack files.",
        HelpName = "repo",
        DefaultValueFactory = _ => System.IO.Directory.GetCurrentDirectory(),
    };

    private readonly Option<string> _account = new("--account")
    {
        Description = "The AWS account id to write into ARNs instead of a placeholder.",
        HelpName = "12-digit account id",
        DefaultValueFactory = _ => AwsContext.UnknownAccount,
    };

    public PlanCli()
    {
        _format.AcceptOnlyFromAmong([.. Formats.Keys]);
        _account.Validators.Add(result =>
        {
            var account = result.GetValueOrDefault<string>();
            if (account != AwsContext.UnknownAccount && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
            {
                result.AddError($"--account: '{account}' is not a 12-digit AWS account id");
            }
        });

        Command = new Command("scripts/plan", "Offline plan of a stack: what it provisions, its IAM and its tracing cost. Needs no cloud access and no Pulumi CLI.")
        {
            _stack, _format, _json, _directory, _account, new HelpOption(),
        };
        Command.Validators.Add(result =>
        {
            if (result.GetValue(_json) && result.GetResult(_format) is { Implicit: false } format && format.GetValueOrDefault<string>() != "json")
            {
                result.AddError($"--json conflicts with --format {format.GetValueOrDefault<string>()}");
            }
        });
    }

    public Command Command { get; }

    public PlanRequest Read(ParseResult parsed) => new(
        parsed.GetRequiredValue(_stack),
        parsed.GetValue(_json) ? PlanFormat.Json : Formats[parsed.GetRequiredValue(_format)],
        parsed.GetRequiredValue(_directory),
        parsed.GetRequiredValue(_account));
}
