using SysRift.Core.Site;

namespace SysRift.Contents.Fields;

/// <summary>{"Url": "...", "Text": "..."}. Only http(s), mailto and site-relative URLs; never javascript: or data:.</summary>
public sealed class LinkField : IContentFieldType
{
    public string Name => "LinkField";

    public void Validate(FieldContext context)
    {
        var url = context.StringProperty("Url");
        context.StringProperty("Text");
        context.RequireWhenEmpty("Url", string.IsNullOrWhiteSpace(url));
        if (!string.IsNullOrWhiteSpace(url) && !SafeUrl.IsSafe(url))
            context.Error("Url", "must be a site path (/about) or an http, https or mailto address.");
    }
}
