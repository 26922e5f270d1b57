namespace SysRift.Admin.Editors;

/// <summary>A readable difference between two versions of an item, field by field, line by line.</summary>
public static class VersionDiff
{
    public enum Change { Same, Removed, Added }

    public sealed record Line(Change Change, string Text);

    public sealed record FieldDiff(string Label, bool Changed, IReadOnlyList<Line> Lines);

    /// <summary>Compares the editor fields of two versions (described from the same type, so they pair by name).</summary>
    public static List<FieldDiff> Compare(IReadOnlyList<EditorField> from, IReadOnlyList<EditorField> to)
    {
        var result = new List<FieldDiff>();
        foreach (var field in to)
        {
            var before = from.FirstOrDefault(f => f.Name == field.Name);
            var a = before is null ? "" : Display(before);
            var b = Display(field);
            result.Add(new FieldDiff(field.Label, a != b, Lines(a, b)));
        }

        return result;
    }

    /// <summary>What a field holds, as text an editor reads (picked items by name, lists one per line).</summary>
    public static string Display(EditorField field) => field.Kind switch
    {
        EditorKind.Boolean => field.Value == "true" ? "Yes" : "No",
        EditorKind.Link => field.Value2.Length > 0 ? $"{field.Value2} <{field.Value}>" : field.Value,
        EditorKind.Tags or EditorKind.Choices => string.Join("\n", field.Values),
        EditorKind.Picker => string.Join("\n", field.Values.Select(id => field.Options.Where(o => o.Value == id).Select(o => o.Label).FirstOrDefault() ?? id)),
        _ => field.Value,
    };

    /// <summary>Longest-common-subsequence line diff; fine for the sizes an article has (hundreds of lines).</summary>
    public static List<Line> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        if (a.Length * (long)b.Length > 4_000_000)
            return [.. a.Select(l => new Line(Change.Removed, l)), .. b.Select(l => new Line(Change.Added, l))];

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var lines = new List<Line>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new Line(Change.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) lines.Add(new Line(Change.Removed, a[x++]));
            else lines.Add(new Line(Change.Added, b[y++]));
        }

        while (x < a.Length) lines.Add(new Line(Change.Removed, a[x++]));
        while (y < b.Length) lines.Add(new Line(Change.Added, b[y++]));
        return lines;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
