using System.Text;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// An import reads what the indexes take from its items (terms, search text) on another thread before it writes
/// them. The rows must be those an editor's publish writes, and an entry read in advance is used only for the
/// text it was read from.
/// </summary>
public sealed class IndexReadInAdvanceTests
{
    private const int Items = 1_200; // three of the importer's chunks: read ahead while earlier ones are written

    private static string Recipe()
    {
        var data = new StringBuilder();
        for (var i = 0; i < Items; i++)
        {
            data.Append(i == 0 ? "" : ",\n").Append($$"""
                { "ContentItemId": "ahead{{i:D5}}", "ContentType": "Article", "Published": true, "Latest": true,
                  "TitlePart": { "Title": "Ahead {{i}}" }, "AutoroutePart": { "Path": "articles/ahead-{{i}}" },
                  "Article": { "Summary": { "Text": "Summary {{i}}." }, "TlDr": { "Text": "Short {{i}}." }, "Tags": { "Values": [ "ahead", "tag{{i % 7}}" ] } },
                  "MarkdownBodyPart": { "Markdown": "## Part {{i}}\n\nBody of *item* {{i}} with a [link](https://example.com/{{i}})." } }
                """);
        }

        return $$"""{ "name": "ahead", "steps": [ { "name": "Content", "data": [ {{data}} ] } ] }""";
    }

    private static Task<(string Terms, string Search)> IndexRowsAsync(SiteFactory site, string id) => site.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SysRiftDbContext>();
        var terms = await db.ContentTerms.Where(t => t.ContentItemId == id).OrderBy(t => t.Field).ThenBy(t => t.Value)
            .Select(t => t.ContentType + ":" + t.Field + "=" + t.Value).ToListAsync();
        var search = await db.Database.SqlQuery<string>($"""
            SELECT "ContentType" || '|' || "Path" || '|' || "Title" || '|' || "Text" || '|' || "Body" || '|' || "Tags" AS "Value" FROM "SearchIndex" WHERE "ContentItemId" = {id}
            """).SingleAsync();
        return (string.Join("; ", terms), search);
    });

    [Fact]
    public async Task Imported_items_are_indexed_as_an_editors_publish_indexes_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Recipe(), new RecipeOptions { User = "admin" }));
        Assert.True(report.Applied, report.Describe());

        foreach (var i in new[] { 0, 499, 500, 777, Items - 1 })
        {
            var id = $"ahead{i:D5}";
            var imported = await IndexRowsAsync(site, id);
            Assert.Contains($"Article:Article.Tags=tag{i % 7}", imported.Terms, StringComparison.Ordinal);
            Assert.Contains($"Body of item {i} with a link", imported.Search, StringComparison.Ordinal);

            // Published again by an editor, unchanged: indexed through the ordinary path, row for row the same.
            Assert.True((await site.EditAsync(id, _ => { })).Succeeded);
            Assert.Equal(imported, await IndexRowsAsync(site, id));
        }
    }

    [Fact]
    public async Task An_entry_read_in_advance_is_used_only_for_the_text_it_was_read_from()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        await site.InScopeAsync(async services =>
        {
            var reader = services.GetRequiredService<ContentIndexReader>();
            var definitions = await services.GetRequiredService<ScopedDefinitions>().GetAsync();
            var item = ContentItem.FromJson(System.Text.Json.Nodes.JsonNode.Parse("""
                { "ContentItemId": "a1", "ContentType": "Article", "Article": { "Tags": { "Values": [ "before" ] } } }
                """)!.AsObject());
            var inAdvance = reader.ReadBeforeWriting(definitions, item);

            ContentVersionRecord Version(string data) => new() { ContentItemId = "a1", ContentItemVersionId = Guid.NewGuid().ToString("N"), ContentType = "Article", Data = data };

            reader.Expect(inAdvance);
            Assert.Same(inAdvance.Entry, await reader.ReadAsync(Version(item.ContentJson()), CancellationToken.None));

            // The item changed after it was read: its own text is read, not the entry read before.
            item.Content["Article"]!["Tags"]!["Values"] = new System.Text.Json.Nodes.JsonArray("after");
            reader.Expect(inAdvance);
            var read = await reader.ReadAsync(Version(item.ContentJson()), CancellationToken.None);
            Assert.NotSame(inAdvance.Entry, read);
            Assert.Equal([("Article.Tags", "after")], read.Terms);
        });
    }
}
