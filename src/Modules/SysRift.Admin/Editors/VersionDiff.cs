using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using SysRift.Contents.Editing;

namespace SysRift.Admin.Editors;

/// <summary>A readable difference between two versions of an item, field by field, line by line and word by word.</summary>
public static class VersionDiff
{
    public enum Change { Same, Removed, Added }

    /// <summary>A run of words inside a changed line; Same for the words both versions share.</summary>
    public sealed record Piece(Change Change, string Text);

    /// <summary>A line of the diff; <see cref="Pieces"/> marks the changed words when the line was edited, not replaced.</summary>
    public sealed record Line(Change Change, string Text, IReadOnlyList<Piece>? Pieces = null);

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

    /// <summary>What an editor holds, as text an editor reads: its block says (picked items by name, lists one per line).</summary>
    public static string Display(EditorField field) => field.Block.Text(field);

    /// <summary>
    /// Line by line, and inside a changed line word by word (DiffPlex's side-by-side model): a one-phrase edit
    /// in a long paragraph marks that phrase, not the whole paragraph.
    /// </summary>
    public static List<Line> Lines(string before, string after)
    {
        var model = SideBySideDiffBuilder.Diff(Normalize(before), Normalize(after), ignoreWhiteSpace: false);
        var lines = new List<Line>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var @new = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            if (old?.Type == ChangeType.Unchanged) lines.Add(new Line(Change.Same, old.Text ?? ""));
            else
            {
                if (old is { Type: ChangeType.Deleted or ChangeType.Modified }) lines.Add(Piecewise(Change.Removed, old));
                if (@new is { Type: ChangeType.Inserted or ChangeType.Modified }) lines.Add(Piecewise(Change.Added, @new));
            }
        }

        return lines;
    }

    /// <summary>A changed line with the words that changed marked (the rest of the line is context).</summary>
    private static Line Piecewise(Change change, DiffPiece line)
    {
        if (line.Type != ChangeType.Modified || line.SubPieces.Count == 0) return new Line(change, line.Text ?? "");
        var pieces = line.SubPieces.Where(p => p.Type != ChangeType.Imaginary && p.Text is not null)
            .Select(p => new Piece(p.Type == ChangeType.Unchanged ? Change.Same : change, p.Text!)).ToList();
        // A line rewritten more than it was kept reads better whole than as a confetti of marked words.
        var kept = pieces.Where(p => p.Change == Change.Same && !string.IsNullOrWhiteSpace(p.Text)).Sum(p => p.Text.Length);
        return kept * 2 < (line.Text?.Length ?? 0) ? new Line(change, line.Text ?? "") : new Line(change, line.Text ?? "", pieces);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
