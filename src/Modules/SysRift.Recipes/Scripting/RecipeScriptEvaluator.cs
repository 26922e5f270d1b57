using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using SysRift.Core.Ids;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Scripting;

/// <summary>
/// Evaluates the script values Orchard recipes use: a whole string "[js: ...]" with uuid(),
/// variables('name'), parameters('AdminUsername' | 'AdminUserId' | 'SiteName'),
/// configuration('Key', 'default'), base64('…'), new Date().toISOString() and + between them; and
/// "[file:text('relative/path')]", which reads a file inside the recipe's own folder only. Variables are
/// evaluated once, on first use, and reused across steps. Any other script is reported as unsupported.
/// </summary>
public sealed partial class RecipeScriptEvaluator(JsonObject? variables, IReadOnlyDictionary<string, string> parameters, IConfiguration? configuration, string? folder = null)
{
    /// <summary>The largest file [file:text('…')] reads.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The only configuration section configuration('...') may read.</summary>
    public const string RecipeVariablesSection = "SysRift:RecipeVariables";

    private readonly Dictionary<string, JsonNode?> _evaluatedVariables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _evaluating = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsScript(string value, out string prefix, out string body)
    {
        var match = ScriptPattern().Match(value);
        prefix = match.Success ? match.Groups["prefix"].Value : "";
        body = match.Success ? match.Groups["body"].Value : "";
        return match.Success;
    }

    /// <summary>Replaces every script string under <paramref name="node"/> with its value, reporting what it cannot evaluate.</summary>
    public void EvaluateTree(JsonNode? node, string path, int? step, string? stepName, RecipeProblems problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var childPath = JsonPath.Property(path, key);
                    if (IsScriptValue(value, out var script)) obj[key] = EvaluateOrReport(script, childPath, step, stepName, problems);
                    else EvaluateTree(value, childPath, step, stepName, problems);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = JsonPath.Index(path, i);
                    if (IsScriptValue(array[i], out var script)) array[i] = EvaluateOrReport(script, childPath, step, stepName, problems);
                    else EvaluateTree(array[i], childPath, step, stepName, problems);
                }

                break;
        }
    }

    private JsonNode? EvaluateOrReport(string script, string path, int? step, string? stepName, RecipeProblems problems)
    {
        var result = Evaluate(script, out var problem, out var unsupported);
        if (problem is null) return result;
        if (unsupported) problems.Unsupported(step, stepName, path, problem);
        else problems.Error(step, stepName, path, problem);
        return null;
    }

    /// <summary>The value of one script string; null with a problem (and whether it is merely unsupported).</summary>
    public JsonNode? Evaluate(string script, out string? problem, out bool unsupported)
    {
        problem = null;
        unsupported = false;
        if (!IsScript(script, out var prefix, out var body)) return JsonValue.Create(script);
        if (prefix.Equals("file", StringComparison.OrdinalIgnoreCase)) return FileText(script, body, out problem, out unsupported);
        if (!prefix.Equals("js", StringComparison.OrdinalIgnoreCase))
        {
            unsupported = true;
            problem = $"script \"[{prefix}:...]\" is not supported (SysRift evaluates only [js: uuid(), variables(), parameters(), configuration()]).";
            return null;
        }

        var expression = ScriptExpression.Parse(body, out var parseError);
        if (expression is null)
        {
            unsupported = true;
            problem = $"script \"{Shorten(script)}\" is not supported ({parseError}); SysRift evaluates only uuid(), variables('x'), parameters('x') and configuration('key', 'default').";
            return null;
        }

        try
        {
            return Run(expression);
        }
        catch (ScriptException exception)
        {
            unsupported = exception.Unsupported;
            problem = $"script \"{Shorten(script)}\": {exception.Message}";
            return null;
        }
    }

    /// <summary>[file:text('relative/path')]: a file beside the recipe, never outside its folder.</summary>
    private JsonNode? FileText(string script, string body, out string? problem, out bool unsupported)
    {
        (problem, unsupported) = (null, false);
        if (ScriptExpression.Parse(body, out _) is not ScriptExpression.Call { Function: "text", Arguments: [ScriptExpression.Literal { Value: string relative }] })
        {
            (problem, unsupported) = ($"script \"{Shorten(script)}\" is not supported; SysRift reads [file:text('relative/path')] only.", true);
            return null;
        }

        if (folder is null)
        {
            (problem, unsupported) = ($"script \"{Shorten(script)}\" reads a file next to the recipe, and this recipe has no folder (it was uploaded); import it from its folder with the command line.", true);
            return null;
        }

        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root, StringComparison.Ordinal))
            problem = $"[file:text('{relative}')] points outside the recipe's folder; only files inside it are read.";
        else if (!File.Exists(full))
            problem = $"[file:text('{relative}')]: there is no file {full}.";
        else if (new FileInfo(full).Length > MaxFileBytes)
            problem = $"[file:text('{relative}')]: the file is larger than {MaxFileBytes / 1024} KB.";
        return problem is null ? JsonValue.Create(File.ReadAllText(full)) : null;
    }

    private JsonNode? Run(ScriptExpression expression) => expression switch
    {
        ScriptExpression.Literal literal => literal.Value is double d ? JsonValue.Create(d) : JsonValue.Create((string)literal.Value),
        ScriptExpression.Call call => Call(call),
        ScriptExpression.Sum sum => Add(sum),
        _ => throw new ScriptException("unknown expression", unsupported: true),
    };

    /// <summary>JavaScript's +: numbers add up; once a string is involved, the rest is text.</summary>
    private JsonNode? Add(ScriptExpression.Sum sum)
    {
        var values = sum.Terms.Select(Run).ToList();
        if (values.All(v => v is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number))
            return JsonValue.Create(values.Sum(v => v!.GetValue<double>()));
        return JsonValue.Create(string.Concat(values.Select(v => v is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? n.GetValue<double>().ToString(CultureInfo.InvariantCulture) : v?.ToString() ?? "")));
    }

    private JsonNode? Call(ScriptExpression.Call call)
    {
        var args = call.Arguments.Select(a => Run(a)?.ToString()).ToList();
        switch (call.Function.ToLowerInvariant())
        {
            case "uuid":
                Arity(call, 0, 0);
                return JsonValue.Create(IdGenerator.NewId());
            case ScriptExpression.NowFunction:
                return JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case "base64":
                // Orchard's base64('…') decodes: recipes carry small files and texts that way.
                Arity(call, 1, 1);
                try
                {
                    return JsonValue.Create(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(args[0] ?? "")));
                }
                catch (FormatException)
                {
                    throw new ScriptException("base64('…') needs Base64 text.");
                }
            case "variables":
                Arity(call, 1, 1);
                return Variable(args[0] ?? "");
            case "parameters":
                Arity(call, 1, 1);
                return parameters.TryGetValue(args[0] ?? "", out var parameter)
                    ? JsonValue.Create(parameter)
                    : throw new ScriptException($"no parameter \"{args[0]}\" (SysRift passes {string.Join(", ", parameters.Keys)}).");
            case "configuration":
                Arity(call, 1, 2);
                // Recipes end up on public pages: they may read only the section meant for them, never the
                // rest of the server's configuration (passwords, connection strings, environment variables).
                var key = (args[0] ?? "").Replace("__", ":", StringComparison.Ordinal);
                if (!key.StartsWith(RecipeVariablesSection + ":", StringComparison.OrdinalIgnoreCase) || key.Length == RecipeVariablesSection.Length + 1)
                    throw new ScriptException($"configuration('{args[0]}') is refused: recipes may read only keys under {RecipeVariablesSection}: (set SysRift__RecipeVariables__Name and read configuration('{RecipeVariablesSection}:Name')).");
                var value = configuration?[key];
                return JsonValue.Create(value ?? (args.Count > 1 ? args[1] : "") ?? "");
            default:
                throw new ScriptException($"function {call.Function}() is not supported.", unsupported: true);
        }
    }

    private JsonNode? Variable(string name)
    {
        if (_evaluatedVariables.TryGetValue(name, out var known)) return known?.DeepClone();
        var raw = variables is null ? null : Definitions(variables, name);
        if (raw is null) throw new ScriptException($"the recipe has no variable \"{name}\".");
        if (!_evaluating.Add(name)) throw new ScriptException($"variable \"{name}\" refers to itself.");
        try
        {
            JsonNode? value = raw.DeepClone();
            if (IsScriptValue(raw, out var script))
            {
                value = Evaluate(script, out var problem, out var unsupported);
                if (problem is not null) throw new ScriptException($"variable \"{name}\": {problem}", unsupported);
            }

            _evaluatedVariables[name] = value;
            return value?.DeepClone();
        }
        finally
        {
            _evaluating.Remove(name);
        }
    }

    private static JsonNode? Definitions(JsonObject variables, string name) =>
        variables.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static void Arity(ScriptExpression.Call call, int min, int max)
    {
        if (call.Arguments.Count < min || call.Arguments.Count > max)
            throw new ScriptException(string.Create(CultureInfo.InvariantCulture, $"{call.Function}() takes {(min == max ? $"{min}" : $"{min} to {max}")} argument(s), not {call.Arguments.Count}."));
    }

    private static bool IsScriptValue(JsonNode? node, out string script)
    {
        script = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        return script.Length > 0 && IsScript(script, out _, out _);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"^\s*\[(?<prefix>[A-Za-z]+)\s*:(?<body>.*)\]\s*$", RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    private sealed class ScriptException(string message, bool unsupported = false) : Exception(message)
    {
        public bool Unsupported { get; } = unsupported;
    }
}
