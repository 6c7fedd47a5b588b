using System.Globalization;
using System.Text.RegularExpressions;

namespace Delivery.Tests.Package;

/// <summary>A value in an example program, as far as checking it against the schema needs.</summary>
internal abstract record ExampleValue
{
    /// <summary>An object literal, keyword arguments or a map; <see cref="Constructor"/> names the args class of a Python call.</summary>
    public sealed record Object(IReadOnlyDictionary<string, ExampleValue> Members, string? Constructor = null) : ExampleValue;

    public sealed record List(IReadOnlyList<ExampleValue> Items) : ExampleValue;

    public sealed record Text(string Value) : ExampleValue;

    public sealed record Number(string Literal) : ExampleValue
    {
        public bool IsInteger => long.TryParse(Literal, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
    }

    public sealed record Flag(bool Value) : ExampleValue;

    /// <summary>Another resource's output: <c>variable.member</c>.</summary>
    public sealed record Reference(string Variable, string Member) : ExampleValue;
}

/// <summary>A component an example creates: its variable, its type's member name and its arguments.</summary>
internal sealed record ExampleResource(string Variable, string Component, ExampleValue.Object Args);

/// <summary>
/// Reads the component constructions of a TypeScript or Python example (the shapes the examples use: literals,
/// object literals, lists, keyword arguments, args classes and <c>variable.output</c> references), enough to check
/// each property against the schema without the generated SDKs, which need the Pulumi CLI.
/// </summary>
internal sealed class ExampleProgram(string source, bool python)
{
    private int _at;

    public static IReadOnlyList<ExampleResource> Resources(string source, string moduleAlias, bool python)
    {
        var pattern = python
            ? new Regex($@"(?<var>\w+)\s*=\s*{moduleAlias}\.(?<type>\w+)\(\s*""[^""]+""\s*,")
            : new Regex($@"const\s+(?<var>\w+)\s*=\s*new\s+{moduleAlias}\.(?<type>\w+)\(\s*""[^""]+""\s*,");
        var found = new List<ExampleResource>();
        foreach (Match match in pattern.Matches(source))
        {
            var reader = new ExampleProgram(source, python) { _at = match.Index + match.Length };
            var args = python ? reader.Arguments(')') : (ExampleValue.Object)reader.Value();
            found.Add(new ExampleResource(match.Groups["var"].Value, match.Groups["type"].Value, args));
        }

        return found;
    }

    /// <summary>Every <c>variable.member</c> in the source whose variable is one of <paramref name="variables"/>.</summary>
    public static IEnumerable<(string Variable, string Member)> References(string source, IEnumerable<string> variables) =>
        variables.SelectMany(variable => Regex.Matches(source, $@"\b{variable}\.(\w+)").Select(match => (variable, match.Groups[1].Value)));

    private ExampleValue Value()
    {
        Skip();
        var c = source[_at];
        if (c == '{')
        {
            _at++;
            return Members('}');
        }

        if (c == '[')
        {
            _at++;
            var items = new List<ExampleValue>();
            while (!Next(']'))
            {
                items.Add(Value());
                Next(',');
            }

            return new ExampleValue.List(items);
        }

        if (c is '"' or '\'')
        {
            return new ExampleValue.Text(Quoted());
        }

        var word = Regex.Match(source[_at..], @"^[A-Za-z_][\w.]*|^-?\d+(\.\d+)?").Value;
        _at += word.Length;
        if (char.IsDigit(word[0]) || word[0] == '-')
        {
            return new ExampleValue.Number(word);
        }

        if (word is "true" or "True" or "false" or "False")
        {
            return new ExampleValue.Flag(word is "true" or "True");
        }

        Skip();
        if (python && source[_at] == '(')
        {
            _at++;
            return Arguments(')') with { Constructor = word.Split('.').Last() };
        }

        var parts = word.Split('.');
        return new ExampleValue.Reference(parts[0], parts.Length > 1 ? parts[1] : "");
    }

    /// <summary>Python keyword arguments up to <paramref name="end"/>.</summary>
    private ExampleValue.Object Arguments(char end)
    {
        var members = new Dictionary<string, ExampleValue>();
        while (!Next(end))
        {
            var key = Regex.Match(source[_at..], @"^\w+").Value;
            _at += key.Length;
            Expect('=');
            members[key] = Value();
            Next(',');
        }

        return new ExampleValue.Object(members);
    }

    /// <summary>An object literal (TypeScript) or a dict (Python) up to <paramref name="end"/>.</summary>
    private ExampleValue.Object Members(char end)
    {
        var members = new Dictionary<string, ExampleValue>();
        while (!Next(end))
        {
            Skip();
            var key = source[_at] is '"' or '\'' ? Quoted() : Regex.Match(source[_at..], @"^\w+").Value;
            if (source[_at - 1] is not '"' and not '\'')
            {
                _at += key.Length;
            }

            Expect(':');
            members[key] = Value();
            Next(',');
        }

        return new ExampleValue.Object(members);
    }

    private string Quoted()
    {
        var quote = source[_at++];
        var start = _at;
        while (source[_at] != quote)
        {
            _at++;
        }

        return source[start.._at++];
    }

    private bool Next(char c)
    {
        Skip();
        if (source[_at] != c)
        {
            return false;
        }

        _at++;
        return true;
    }

    private void Expect(char c)
    {
        if (!Next(c))
        {
            throw new FormatException($"expected '{c}' at offset {_at}: {source[_at..Math.Min(source.Length, _at + 40)]}");
        }
    }

    private void Skip()
    {
        while (_at < source.Length && char.IsWhiteSpace(source[_at]))
        {
            _at++;
        }
    }
}
