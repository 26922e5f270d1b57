namespace SysRift.Admin.ContentTypes;

/// <summary>The rules for technical names: they key stored JSON, so they are identifiers and never change.</summary>
public static class ContentTypeNames
{
    public const int MaxLength = 128;

    public static string? Problem(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name)) return $"Give the {what} a technical name.";
        if (name.Length > MaxLength) return $"A technical name has at most {MaxLength} characters.";
        if (!char.IsAsciiLetterUpper(name[0]) && !char.IsAsciiLetterLower(name[0])) return "A technical name starts with a letter.";
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? null : "A technical name holds only letters, digits and _ (such as ReadingNote).";
    }

    /// <summary>"Reading note" → "ReadingNote": a suggestion made from a display name.</summary>
    public static string FromDisplayName(string displayName) =>
        string.Concat(displayName.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
