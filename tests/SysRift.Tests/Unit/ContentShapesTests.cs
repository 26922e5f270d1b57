using SysRift.Contents.Display;

namespace SysRift.Tests.Unit;

/// <summary>The alternates a theme can override, in the order they are tried (docs/display-alternates.md).</summary>
public sealed class ContentShapesTests
{
    [Fact]
    public void Part_alternates_go_from_the_part_on_one_type_to_the_part_anywhere()
    {
        Assert.Equal(["MarkdownBodyPart-Article.Detail", "MarkdownBodyPart-Article", "MarkdownBodyPart.Detail", "MarkdownBodyPart"],
            ContentShapes.PartAlternates("MarkdownBodyPart", "Article", "Detail"));
        Assert.Equal(["MarkdownBodyPart-Article.Summary", "MarkdownBodyPart.Summary"], ContentShapes.PartAlternates("MarkdownBodyPart", "Article", "Summary"));
    }

    [Fact]
    public void Field_alternates_go_from_one_field_to_the_field_type()
    {
        Assert.Equal(["TextField-Article-Summary.Detail", "TextField-Article-Summary", "TextField.Detail", "TextField"],
            ContentShapes.FieldAlternates("TextField", "Article", "Summary", "Detail"));
        Assert.Equal(["TextField-Article-Summary.Summary", "TextField.Summary"], ContentShapes.FieldAlternates("TextField", "Article", "Summary", "Summary"));
    }
}
