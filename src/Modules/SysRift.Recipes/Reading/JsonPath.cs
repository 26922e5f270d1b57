using System.Text.RegularExpressions;

namespace SysRift.Recipes.Reading;

/// <summary>Builds JSONPath strings for problem reports: $.steps[2].ContentTypes[0].Name.</summary>
public static partial class JsonPath
{
    public static string Property(string parent, string name) =>
        SimpleName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Appends a dotted relative path ("TitlePart.Title") to a parent path.</summary>
    public static string Append(string parent, string relative) =>
        relative.Length == 0 ? parent : relative.Split('.').Aggregate(parent, Property);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();
}
