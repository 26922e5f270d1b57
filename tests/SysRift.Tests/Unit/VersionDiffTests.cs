using SysRift.Admin.Editors;

namespace SysRift.Tests.Unit;

public sealed class VersionDiffTests
{
    private const string Paragraph = "Queues decouple producers from consumers, but they also hide the moment a consumer falls behind, until the backlog is the incident.";

    [Fact]
    public void A_one_phrase_edit_in_a_long_paragraph_marks_the_phrase_not_the_paragraph()
    {
        var edited = Paragraph.Replace("falls behind", "stops keeping up", StringComparison.Ordinal);

        var lines = VersionDiff.Lines("Intro.\n" + Paragraph + "\nEnd.", "Intro.\n" + edited + "\nEnd.");

        Assert.Equal([VersionDiff.Change.Same, VersionDiff.Change.Removed, VersionDiff.Change.Added, VersionDiff.Change.Same], lines.Select(l => l.Change));
        var removed = lines[1].Pieces!;
        var added = lines[2].Pieces!;
        Assert.Equal(Paragraph, string.Concat(removed.Select(p => p.Text)));
        Assert.Equal(edited, string.Concat(added.Select(p => p.Text)));
        Assert.Equal("fallsbehind", string.Concat(removed.Where(p => p.Change == VersionDiff.Change.Removed).Select(p => p.Text.Trim())));
        Assert.Equal("stopskeepingup", string.Concat(added.Where(p => p.Change == VersionDiff.Change.Added).Select(p => p.Text.Trim())));
    }

    [Fact]
    public void Whole_lines_added_or_removed_are_lines_without_word_marks()
    {
        var lines = VersionDiff.Lines("one\ntwo", "one\nthree\nfour");
        Assert.Contains(lines, l => l.Change == VersionDiff.Change.Same && l.Text == "one");
        Assert.Contains(lines, l => l.Change == VersionDiff.Change.Removed && l.Text == "two");
        Assert.Contains(lines, l => l.Change == VersionDiff.Change.Added && l.Text == "four" && l.Pieces is null);
        Assert.DoesNotContain(VersionDiff.Lines("same", "same"), l => l.Change != VersionDiff.Change.Same);
    }
}
