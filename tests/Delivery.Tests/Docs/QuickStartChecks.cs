using System.Text.RegularExpressions;

namespace Delivery.Tests.Docs;

/// <summary>What the quick start's checks read from the repository: its stack files, .ci/run, and which files git records as executable.</summary>
internal sealed record QuickStartRepository(IReadOnlyDictionary<string, StackFile> Stacks, string CiRun, Func<string, bool> IsExecutable);

/// <summary>
/// Every command of the quick start has a check, and the checks that need no run hold here:
/// <list type="bullet">
/// <item><c>scripts/plan &lt;stack&gt;</c>: the stack is committed (tests/Infra.Plan.Tests runs the line itself);</item>
/// <item><c>scripts/test</c>: it cannot run inside itself, so CI's .ci/run runs it and git records it executable;</item>
/// <item><c>scripts/verify-traces &lt;stack&gt;</c>: the stack is committed (scripts/tests/test_quick_start.py runs the line against fakes);</item>
/// <item><c>pulumi ...</c>: a real command of the Pulumi CLI with its real flags (<see cref="PulumiCli"/>), on a committed
/// stack, after <c>pulumi stack init</c> of it, and an app stack's foundation brought up before it.</item>
/// </list>
/// Any other command is a problem: add a check for it here.
/// </summary>
internal static partial class QuickStartChecks
{
    public static IReadOnlyList<string> Check(QuickStart quickStart, QuickStartRepository repository)
    {
        var problems = new List<string>(quickStart.Problems);
        var pulumi = new PulumiSession(repository.Stacks, problems);
        foreach (var command in quickStart.Commands)
        {
            switch (command.Program)
            {
                case "scripts/plan":
                case "scripts/verify-traces":
                    var stack = command.Arguments.FirstOrDefault();
                    if (stack is null || stack.StartsWith('-'))
                    {
                        problems.Add($"{command}: names no stack; expected '{command.Program} <stack>'");
                    }
                    else if (!repository.Stacks.ContainsKey(stack))
                    {
                        problems.Add($"{command}: no committed Pulumi.{stack}.yaml");
                    }

                    break;
                case "scripts/test":
                    if (command.Arguments.Count > 0)
                    {
                        problems.Add($"{command}: scripts/test takes no argument");
                    }

                    if (!RunsScriptsTest().IsMatch(repository.CiRun))
                    {
                        problems.Add($"{command}: .ci/run does not run scripts/test, so no check runs this line");
                    }

                    if (!repository.IsExecutable("scripts/test"))
                    {
                        problems.Add($"{command}: git does not record scripts/test as executable (mode 100755): the line as written would fail");
                    }

                    break;
                case "pulumi":
                    pulumi.Run(command);
                    break;
                default:
                    problems.Add($"{command}: no test checks '{command.Program}'; add a check for it (tests/Delivery.Tests/Docs/QuickStartChecks.cs)");
                    break;
            }
        }

        return problems;
    }

    // A line of .ci/run that runs scripts/test (not a comment).
    [GeneratedRegex(@"^[ \t]*(?:bash[ \t]+|exec[ \t]+)?(?:\./)?scripts/test(?:[ \t]|$)", RegexOptions.Multiline)]
    private static partial Regex RunsScriptsTest();

    /// <summary>The Pulumi CLI's state along the quick start: the stacks created, the one selected, the ones brought up.</summary>
    private sealed class PulumiSession(IReadOnlyDictionary<string, StackFile> stacks, List<string> problems)
    {
        private readonly HashSet<string> _created = new(StringComparer.Ordinal);
        private readonly HashSet<string> _up = new(StringComparer.Ordinal);
        private string? _selected;

        public void Run(ShellCommand command)
        {
            if (PulumiCli.Find(command.Arguments) is not var (cli, rest))
            {
                problems.Add($"{command}: 'pulumi {string.Join(' ', command.Arguments)}' is not a Pulumi CLI command this test knows; read its definition in {PulumiCli.Release} (pkg/cmd/pulumi) and add a check for it (tests/Delivery.Tests/Docs/PulumiCli.cs)");
                return;
            }

            string? flagStack = null;
            var arguments = new List<string>();
            for (var i = 0; i < rest.Count; i++)
            {
                var word = rest[i];
                if (PulumiCli.StackFlags.Contains(word))
                {
                    if (i + 1 == rest.Count)
                    {
                        problems.Add($"{command}: {word} needs a stack name");
                        return;
                    }

                    flagStack = rest[++i];
                }
                else if (word.StartsWith("--stack=", StringComparison.Ordinal))
                {
                    flagStack = word["--stack=".Length..];
                }
                else if (cli.BooleanFlags.Contains(word))
                {
                }
                else if (word.StartsWith('-'))
                {
                    problems.Add($"{command}: {word} is not a flag of 'pulumi {cli.Name}' this test knows ({PulumiCli.Release}:{cli.Source}); add a check for it (tests/Delivery.Tests/Docs/PulumiCli.cs)");
                    return;
                }
                else
                {
                    arguments.Add(word);
                }
            }

            if (arguments.Count > (cli.TakesStackName ? 1 : 0))
            {
                problems.Add($"{command}: 'pulumi {cli.Name}' takes {(cli.TakesStackName ? "one stack name" : "no stack argument (use -s <stack>)")}, got {string.Join(' ', arguments)} ({PulumiCli.Release}:{cli.Source})");
                return;
            }

            if (cli.TakesStackName)
            {
                Create(command, arguments.FirstOrDefault(), flagStack);
            }
            else
            {
                Operate(command, cli, flagStack);
            }
        }

        private void Create(ShellCommand command, string? argument, string? flagStack)
        {
            if (argument is not null && flagStack is not null && argument != flagStack)
            {
                problems.Add($"{command}: names two stacks, {argument} and {flagStack}");
                return;
            }

            var stack = (argument ?? flagStack)?.Split('/')[^1];
            if (stack is null)
            {
                problems.Add($"{command}: names no stack; Pulumi would prompt for one");
                return;
            }

            if (!stacks.ContainsKey(stack))
            {
                problems.Add($"{command}: no committed Pulumi.{stack}.yaml for the stack it creates");
            }

            _created.Add(stack);
            _selected = stack; // stack_new.go selects the new stack unless --no-select.
        }

        private void Operate(ShellCommand command, PulumiCommand cli, string? flagStack)
        {
            var stack = flagStack?.Split('/')[^1] ?? _selected;
            if (stack is null)
            {
                problems.Add($"{command}: names no stack and none is selected; add -s <stack>");
                return;
            }

            if (!stacks.TryGetValue(stack, out var file))
            {
                problems.Add($"{command}: no committed Pulumi.{stack}.yaml");
                return;
            }

            if (!_created.Contains(stack))
            {
                problems.Add($"{command}: 'pulumi stack init {stack}' must come before it");
            }

            if (cli.Name != "up")
            {
                return;
            }

            if (file.Foundation is { } foundation)
            {
                if (!stacks.TryGetValue(foundation, out var foundationFile) || !foundationFile.IsFoundation)
                {
                    problems.Add($"{command}: Pulumi.{stack}.yaml names the foundation '{foundation}', which has no committed stack file with adot-tracing:kind: foundation");
                }
                else if (!_up.Contains(foundation))
                {
                    problems.Add($"{command}: the foundation stack '{foundation}' (adot-tracing:foundation in Pulumi.{stack}.yaml) must be brought up before it: 'pulumi up -s {foundation}' first");
                }
            }

            _up.Add(stack);
        }
    }
}
