using System.CommandLine;
using System.CommandLine.Help;
using Infra.Core.Naming;

namespace Infra.Plan;

internal enum PlanFormat { Table, Json, Markdown }

/// <summary>What the user asked for on the command line.</summary>
/// <param name="Config">Values given with --config: they stand in for what the plan cannot see (keys an imported Pulumi ESC
/// environment sets, values held encrypted) and win over the stack file.</param>
internal sealed record PlanRequest(string Stack, PlanFormat Format, string Directory, string Account, IReadOnlyDictionary<string, string> Config);

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

    private readonly Option<string[]> _config = new("--config")
    {
        Description = "A config value for this plan only, as key=value (repeatable; objects as JSON): for keys an imported Pulumi ESC environment sets or the stack file holds encrypted, which the plan cannot read. Wins over the stack file.",
        HelpName = "key=value",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The exit codes, for --help and docs/plan.md.</summary>
    public const string ExitCodes = "Exit codes: 0 the plan; 1 a file cannot be read; 2 the files are invalid; "
        + "3 a needed key cannot be seen offline (set by an imported Pulumi ESC environment, or encrypted): pass it with --config; "
        + "64 wrong usage; 70 a bug in the plan.";

    public PlanCli()
    {
        _config.Validators.Add(result =>
        {
            foreach (var pair in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (pair.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--config: '{pair}' is not key=value (for example --config aws:region=us-west-2)");
                }
            }
        });
        _format.AcceptOnlyFromAmong([.. Formats.Keys]);
        _account.Validators.Add(result =>
        {
            var account = result.GetValueOrDefault<string>();
            if (account != AwsContext.UnknownAccount && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
            {
                result.AddError($"--account: '{account}' is not a 12-digit AWS account id");
            }
        });

        Command = new Command("scripts/plan", $"Offline plan of a stack: what it provisions, its IAM and its tracing cost. Needs no cloud access and no Pulumi CLI. Encrypted values show as [secret]. {ExitCodes}")
        {
            _stack, _format, _json, _directory, _account, _config, new HelpOption(),
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
        parsed.GetRequiredValue(_account),
        Pairs(parsed.GetValue(_config) ?? []));

    /// <summary>key=value pairs, split at the first '='; a key given twice takes its last value, as options do.</summary>
    private static IReadOnlyDictionary<string, string> Pairs(IEnumerable<string> pairs)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            config[pair[..split]] = pair[(split + 1)..];
        }

        return config;
    }
}
