using System.Text.Json.Nodes;
using SysRift.Contents.Items;
using SysRift.Core.Data;

namespace SysRift.Tests.Unit;

/// <summary>Items kept in memory for visitors hold the same content as the stored row, with their text decoded once.</summary>
public sealed class SharedItemTests
{
    private static readonly ContentVersionRecord Row = new()
    {
        ContentItemId = "p1", ContentItemVersionId = "v1", ContentType = "Principle", DisplayText = "Measure first", Published = true, Latest = true,
        Data = """
            {"TitlePart":{"Title":"Measure first"},
             "Principle":{"Statement":{"Text":"Caf\u00e9 \"quoted\" <b>"},"Order":{"Value":2.50},"Pinned":{"Value":true},
                          "Tags":{"Values":["a","b\u00e9",null,3]},"Empty":{"Text":null}},
             "BagPart":{"ContentItems":[{"ContentType":"Note","Note":{"Body":{"Text":"nested"}}}]}}
            """,
    };

    [Fact]
    public void A_shared_item_holds_the_stored_content_and_reads_each_text_without_decoding_it_again()
    {
        var stored = ContentVersionMapper.ToItem(Row);
        var shared = ContentVersionMapper.ToSharedItem(Row);

        Assert.True(JsonNode.DeepEquals(stored.Content, shared.Content), shared.Content.ToJsonString());
        Assert.Equal("Café \"quoted\" <b>", shared.Text("Principle", "Statement"));
        Assert.Equal(2.5, shared.Number("Principle", "Order"));
        Assert.True(shared.Flag("Principle", "Pinned"));
        Assert.Equal(["a", "bé"], shared.Values("Principle", "Tags"));
        Assert.Equal("nested", shared.Content["BagPart"]!["ContentItems"]![0]!["Note"]!["Body"]!["Text"]!.GetValue<string>());

        // The same string every time: decoded once when the item was loaded, not at each read (a parsed item decodes again).
        Assert.Same(shared.Text("Principle", "Statement"), shared.Text("Principle", "Statement"));
        Assert.NotSame(stored.Text("Principle", "Statement"), stored.Text("Principle", "Statement"));
    }
}
