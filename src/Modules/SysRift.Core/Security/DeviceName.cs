namespace SysRift.Core.Security;

/// <summary>
/// A short, recognisable name for a browser from its User-Agent ("Firefox on Linux"), for the session list.
/// It is a label for a person to recognise their own devices, not an identification: the header is the
/// client's to choose.
/// </summary>
public static class DeviceName
{
    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("curl/", "curl")];

    private static readonly (string Token, string Name)[] Systems =
        [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown browser";
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name ?? "Unknown browser";
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        if (userAgent.Contains("HeadlessChrome/", StringComparison.Ordinal)) browser = "Headless Chrome";
        return system is null ? browser : $"{browser} on {system}";
    }
}
