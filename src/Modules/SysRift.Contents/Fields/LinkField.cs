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
        if (!string.IsNullOrWhiteSpace(url) && !IsSafeUrl(url))
            context.Error("Url", "must be a site path (/about) or an http, https or mailto address.");
    }

    public static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("~/", StringComparison.Ordinal) || (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)) || trimmed.StartsWith('#'))
            return trimmed.IndexOfAny(['\\', '\n', '\r', '\t']) < 0;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }
}
