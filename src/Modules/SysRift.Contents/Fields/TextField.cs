using System.Text.RegularExpressions;
using SysRift.Contents.Definitions;

namespace SysRift.Contents.Fields;

/// <summary>{"Text": "..."}. Settings: TextFieldSettings.Required, Hint; SysRift adds MaxLength and Pattern (+PatternMessage).</summary>
public sealed class TextField : IContentFieldType
{
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
            bool matches;
            try
            {
                matches = Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (Exception exception) when (exception is ArgumentException or RegexMatchTimeoutException)
            {
                context.Error("Text", $"could not be checked against its pattern ({exception.Message}).");
                return;
            }

            if (!matches)
                context.Error("Text", SettingsReader.String(settings, context.Group, "PatternMessage") is { Length: > 0 } message ? message : $"must match the pattern {pattern}.");
        }
    }
}
