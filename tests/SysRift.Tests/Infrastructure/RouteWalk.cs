using System.Text.RegularExpressions;

namespace SysRift.Tests;

/// <summary>Turns a route template ("admin/content/item/{id}/{move:regex(...)}") into a path to request.</summary>
public static partial class RouteWalk
{
    /// <summary>Replaces each parameter with <paramref name="value"/>(name); a regex-constrained alternative takes its first option.</summary>
    public static string Fill(string template, Func<string, string> value) =>
        Parameter().Replace(template.TrimStart('/'), match =>
        {
            var name = match.Groups["name"].Value;
            var constraint = match.Groups["constraint"].Value;
            var options = Regex.Match(constraint, @"regex\(\^\((?<first>[a-z-]+)\|");
            return options.Success ? options.Groups["first"].Value : value(name);
        });

    [GeneratedRegex(@"\{\*?(?<name>[A-Za-z]+)(?::(?<constraint>[^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}")]
    private static partial Regex Parameter();
}
