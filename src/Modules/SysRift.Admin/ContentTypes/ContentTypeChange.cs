using SysRift.Contents.Definitions;

namespace SysRift.Admin.ContentTypes;

/// <summary>
/// One change an administrator makes to the definitions: applied to a fresh copy, it reports problems by
/// form field (key "" for the whole form) and says what the audit trail records when it succeeds.
/// </summary>
public sealed class ContentTypeChange(ContentDefinitionDocument document)
{
    public ContentDefinitionDocument Document { get; } = document;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string Summary { get; set; } = "";

    /// <summary>The technical name of what the change created (a type or a field).</summary>
    public string? Created { get; set; }

    public bool Failed => Errors.Count > 0;

    public void Error(string field, string message)
    {
        if (!Errors.TryAdd(field, message)) Errors[field] += " " + message;
    }

    /// <summary>The type, or an error when there is none of that name.</summary>
    public ContentTypeDefinition? Type(string name)
    {
        var type = Document.Type(name);
        if (type is null) Error("", $"There is no content type \"{name}\".");
        return type;
    }
}
