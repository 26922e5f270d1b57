using SysRift.Contents.Markdown;

namespace SysRift.Contents.Fields;

/// <summary>{"Markdown": "..."}, rendered through the site's safe Markdown pipeline, within <see cref="MarkdownLimits"/>.</summary>
public sealed class MarkdownField : IContentFieldType
{
    public string Name => "MarkdownField";

    public void Validate(FieldContext context)
    {
        var markdown = context.StringProperty("Markdown");
        context.RequireWhenEmpty("Markdown", string.IsNullOrWhiteSpace(markdown));
        if (markdown is not null && MarkdownLimits.Problem(markdown) is { } problem) context.Error("Markdown", problem);
    }
}
