using System.Text.RegularExpressions;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Fields;

/// <summary>{"Text": "..."}. Settings: TextFieldSettings.Required, Hint; SysRift adds MaxLength and Pattern (+PatternMessage).</summary>
/// <remarks>
/// Patterns run with <see cref="RegexOptions.NonBacktracking"/>: matching time is linear in the text whatever the
/// pattern, so no pattern can make a save take seconds. Compiled patterns are kept, since building one costs
/// far more than matching it.
/// </remarks>
public sealed class TextField : IContentFieldType
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public string Name => "TextField";

    public void Validate(FieldContext context)
    {
        var text = context.StringProperty("Text");
        context.RequireWhenEmpty("Text", string.IsNullOrWhiteSpace(text));
        if (string.IsNullOrEmpty(text)) return;

        var settings = context.Definition.Settings;
        if (SettingsReader.Number(settings, context.Group, "MaxLength") is { } max && text.Length > max)
            context.Error("Text", $"must be at most {max} characters (it has {text.Length}).");

        if (SettingsReader.String(settings, context.Group, "Pattern") is { Length: > 0 } pattern)
        {
            if (Compile(pattern) is not { } regex)
            {
                context.Error("Text", $"cannot be checked: its pattern {pattern} is not a valid pattern (lookarounds and backreferences are not supported).");
                return;
            }

            if (!regex.IsMatch(text))
                context.Error("Text", SettingsReader.String(settings, context.Group, "PatternMessage") is { Length: > 0 } message ? message : $"must match the pattern {pattern}.");
        }
    }

    /// <summary>The anchored, linear-time regex for <paramref name="pattern"/>, or null when it is not one.</summary>
    public static Regex? Compile(string pattern)
    {
        if (Patterns.TryGetValue(pattern, out var known)) return known;
        Regex? regex;
        try
        {
            regex = new Regex($"^(?:{pattern})$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            regex = null;
        }

        if (Patterns.Count > 1_000) Patterns.Clear();
        return Patterns[pattern] = regex;
    }
}
