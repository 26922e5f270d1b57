using System.Globalization;

namespace SysRift.Contents.Publishing;

/// <summary>
/// Which stored form of a cached page a client's Accept-Encoding asks for (RFC 9110, 12.5.3). Read on every
/// cache hit, so it walks the header without allocating. A coding with quality 0 is refused, not merely
/// named: "gzip, br;q=0" must not be answered with Brotli.
/// </summary>
public static class AcceptedEncoding
{
    /// <summary>"br" or "gzip", whichever has the higher quality above zero (Brotli at equal quality, it is smaller); null for neither.</summary>
    public static string? Preferred(ReadOnlySpan<char> header)
    {
        // -1: not named. "*" stands for every coding the header does not name.
        double brotli = -1, gzip = -1, any = -1;
        foreach (var range in header.Split(','))
        {
            var member = header[range];
            var semicolon = member.IndexOf(';');
            var coding = (semicolon < 0 ? member : member[..semicolon]).Trim();
            var quality = semicolon < 0 ? 1 : Quality(member[(semicolon + 1)..]);
            if (coding.Equals("br", StringComparison.OrdinalIgnoreCase)) brotli = quality;
            else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)) gzip = quality;
            else if (coding is "*") any = quality;
        }

        if (brotli < 0) brotli = Math.Max(any, 0);
        if (gzip < 0) gzip = Math.Max(any, 0);
        if (brotli <= 0 && gzip <= 0) return null;
        return brotli >= gzip ? "br" : "gzip";
    }

    /// <summary>The q parameter among a member's parameters: 1 when absent, 0 when it is not a number (refused rather than guessed).</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length < 2 || (parameter[0] | 0x20) != 'q' || parameter[1] != '=') continue;
            return double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q <= 1 ? q : 0;
        }

        return 1;
    }
}
