namespace SysRift.Core.Site;

/// <summary>
/// The one rule for URLs that content and settings may link to: a site path ("/about", never "//host"), a
/// fragment, or an absolute http, https or mailto address. Never javascript:, data: or another scheme.
/// </summary>
public static class SafeUrl
{
    public static bool IsSafe(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.StartsWith("~/", StringComparison.Ordinal) || (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal)) || trimmed.StartsWith('#'))
            return trimmed.IndexOfAny(['\\', '\n', '\r', '\t']) < 0;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }
}
