using System.Globalization;

namespace SysRift.Recipes.Scripting;

/// <summary>
/// The small expression language SysRift evaluates in recipe values: function calls with arguments
/// (which may be calls themselves), string and number literals, `+` between them (JavaScript's string
/// concatenation and number addition), and `new Date().toISOString()`. Nothing else parses: statements,
/// other operators and member access are reported as unsupported instead of being half-run.
/// </summary>
public abstract record ScriptExpression
{
    public sealed record Literal(object Value) : ScriptExpression;

    public sealed record Call(string Function, IReadOnlyList<ScriptExpression> Arguments) : ScriptExpression;

    /// <summary>a + b + c, left to right.</summary>
    public sealed record Sum(IReadOnlyList<ScriptExpression> Terms) : ScriptExpression;

    /// <summary>What `new Date().toISOString()` is parsed to: the current time, as JavaScript writes it.</summary>
    public const string NowFunction = "now";

    /// <summary>Parses <paramref name="source"/>; null with a reason when it is not in the language.</summary>
    public static ScriptExpression? Parse(string source, out string? error)
    {
        var parser = new Parser(source);
        try
        {
            var expression = parser.Expression();
            parser.SkipSpace();
            if (parser.Position < source.Length) throw new FormatException($"unexpected \"{source[parser.Position..]}\"");
            error = null;
            return expression;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private sealed class Parser(string text)
    {
        public int Position;

        public ScriptExpression Expression()
        {
            var terms = new List<ScriptExpression> { Term() };
            SkipSpace();
            while (Position < text.Length && text[Position] == '+')
            {
                Position++;
                terms.Add(Term());
                SkipSpace();
            }

            return terms.Count == 1 ? terms[0] : new Sum(terms);
        }

        private ScriptExpression Term()
        {
            SkipSpace();
            const string now = "new Date().toISOString()";
            if (string.CompareOrdinal(text, Position, now, 0, now.Length) == 0)
            {
                Position += now.Length;
                return new Call(NowFunction, []);
            }

            if (Position >= text.Length) throw new FormatException("empty expression");
            var c = text[Position];
            if (c is '\'' or '"') return new Literal(StringLiteral(c));
            if (char.IsAsciiDigit(c) || c == '-') return new Literal(NumberLiteral());
            if (char.IsAsciiLetter(c) || c == '_') return CallExpression();
            throw new FormatException($"unexpected \"{c}\"");
        }

        public void SkipSpace()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position])) Position++;
        }

        private Call CallExpression()
        {
            var start = Position;
            while (Position < text.Length && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] == '_')) Position++;
            var name = text[start..Position];
            SkipSpace();
            if (Position >= text.Length || text[Position] != '(') throw new FormatException($"\"{name}\" is not a function call");
            Position++;
            var arguments = new List<ScriptExpression>();
            SkipSpace();
            if (Position < text.Length && text[Position] == ')')
            {
                Position++;
                return new Call(name, arguments);
            }

            while (true)
            {
                arguments.Add(Expression());
                SkipSpace();
                if (Position >= text.Length) throw new FormatException("missing \")\"");
                if (text[Position] == ')')
                {
                    Position++;
                    return new Call(name, arguments);
                }

                if (text[Position] != ',') throw new FormatException($"unexpected \"{text[Position]}\" in the arguments of {name}");
                Position++;
            }
        }

        private string StringLiteral(char quote)
        {
            Position++;
            var builder = new System.Text.StringBuilder();
            while (Position < text.Length && text[Position] != quote)
            {
                if (text[Position] == '\\' && Position + 1 < text.Length) Position++;
                builder.Append(text[Position++]);
            }

            if (Position >= text.Length) throw new FormatException("unterminated string");
            Position++;
            return builder.ToString();
        }

        private double NumberLiteral()
        {
            var start = Position;
            Position++;
            while (Position < text.Length && (char.IsAsciiDigit(text[Position]) || text[Position] == '.')) Position++;
            return double.TryParse(text[start..Position], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"\"{text[start..Position]}\" is not a number");
        }
    }
}
