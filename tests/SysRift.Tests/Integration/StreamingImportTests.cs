using System.Text;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Reading;

namespace SysRift.Tests.Integration;

/// <summary>
/// A recipe file's Content step is read item by item: an import reads it once, validating each item as it goes
/// and writing chunks while nothing is wrong; validation alone reads it once too. What a recipe promises (every
/// problem reported, nothing applied when there is one, scripts with one value per run) holds for items read
/// from the file as for a recipe held whole, and an import reports what validation reports.
/// </summary>
public sealed class StreamingImportTests
{
    private const int Items = 2_000;

    /// <summary>A recipe file as Orchard writes one: a byte order mark, "name" before "data", a variable made once per run.</summary>
    private static string WriteRecipe(string folder, Func<int, string?>? replace = null, string? nextStep = null)
    {
        var body = new string('q', 1_000);
        var recipe = new StringBuilder("\uFEFF{ \"name\": \"streamed\", \"variables\": { \"first\": \"[js: uuid()]\" }, \"steps\": [ { \"name\": \"Content\", \"data\": [\n");
        for (var i = 0; i < Items; i++)
        {
            var id = i == 0 ? "[js: variables('first')]" : $"streamed{i:D5}";
            var related = i == Items - 1 ? """, "RelatedArticles": { "ContentItemIds": [ "[js: variables('first')]" ] }""" : "";
            var item = replace?.Invoke(i) ?? $$"""
                { "ContentItemId": "{{id}}", "ContentType": "Article", "Published": true, "Latest": true,
                  "TitlePart": { "Title": "Streamed {{i}}" }, "AutoroutePart": { "Path": "articles/streamed-{{i}}" },
                  "Article": { "Summary": { "Text": "Summary {{i}}." }, "TlDr": { "Text": "Read it." }{{related}} },
                  "MarkdownBodyPart": { "Markdown": "{{body}}" } }
                """;
            recipe.Append(item).Append(i < Items - 1 ? ",\n" : "\n");
        }

        var file = Path.Combine(folder, "streamed.recipe.json");
        File.WriteAllText(file, recipe.Append(nextStep is null ? "] } ] }" : $"] }}, {nextStep} ] }}").ToString());
        return file;
    }

    private static Task<RecipeReport> ImportAsync(SiteFactory site, string file) => site.InScopeAsync(services =>
        services.GetRequiredService<RecipeExecutor>().ImportAsync(RecipeSource.FromFile(file), new RecipeOptions { Source = file, User = "admin" }));

    [Fact]
    public async Task A_recipe_file_is_applied_item_by_item_with_its_variables_evaluated_once_per_run()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        using var folder = new TemporaryFolder();
        var report = await ImportAsync(site, WriteRecipe(folder.Path));

        Assert.True(report.Applied, report.Describe());
        Assert.Contains($"Content: {Items} created", string.Join(" ", report.Summary), StringComparison.Ordinal);
        var (first, last) = await site.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SysRiftDbContext>();
            var firstId = await db.ContentVersions.Where(v => v.Path == "articles/streamed-0" && v.Published).Select(v => v.ContentItemId).SingleAsync();
            return (firstId, await services.GetRequiredService<ContentManager>().GetAsync($"streamed{Items - 1:D5}"));
        });
        // uuid() ran once: the id the first item was given is the one the last item, 2,000 items later in the
        // file, points to.
        Assert.Matches("^[0-9a-z]{20,}$", first);
        Assert.Equal(first, (string?)last!.Field("Article", "RelatedArticles")!["ContentItemIds"]![0]);
    }

    [Fact]
    public async Task Problems_deep_in_a_recipe_file_are_all_reported_as_validation_reports_them_and_nothing_is_applied()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        using var folder = new TemporaryFolder();
        // Problems after the first chunk was written: in an item, in its JSON, against another item, in a second step.
        var file = WriteRecipe(folder.Path, i => i switch
        {
            700 => """{ "ContentItemId": "no-summary", "ContentType": "Article", "Published": true, "TitlePart": { "Title": "No summary" }, "Article": { "TlDr": { "Text": "x" } } }""",
            1_800 => """{ "ContentItemId": "twice", "ContentType": "Article", "TitlePart": { "Title": "a" }, "titlepart": { "Title": "b" } }""",
            1_900 => """{ "ContentItemId": "same-path", "ContentType": "Article", "Published": true, "TitlePart": { "Title": "Same path" }, "AutoroutePart": { "Path": "articles/streamed-5" }, "Article": { "Summary": { "Text": "s" }, "TlDr": { "Text": "t" } } }""",
            _ => null,
        }, nextStep: """{ "name": "Content", "data": [ { "ContentItemId": "untitled", "ContentType": "Article", "Published": true, "Article": { "Summary": { "Text": "s" }, "TlDr": { "Text": "t" } } } ] }""");
        var before = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync());

        var validated = await site.InScopeAsync(services => services.GetRequiredService<RecipeExecutor>().ValidateAsync(RecipeSource.FromFile(file), new RecipeOptions { Source = file }));
        var imported = await ImportAsync(site, file);

        static List<string> Errors(RecipeReport report) => report.Errors.Select(e => $"{e.JsonPath}: {e.Message}").Order(StringComparer.Ordinal).ToList();
        Assert.False(imported.Applied);
        Assert.Equal(Errors(validated), Errors(imported));
        Assert.Contains(imported.Errors, e => e.JsonPath.StartsWith("$.steps[0].data[700].Article.Summary", StringComparison.Ordinal));
        Assert.Contains(imported.Errors, e => e.JsonPath == "$.steps[0].data[1800]" && e.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(imported.Errors, e => e.JsonPath == "$.steps[0].data[1900].AutoroutePart.Path" && e.Message.Contains("streamed-5", StringComparison.Ordinal));
        Assert.Contains(imported.Errors, e => e.StepIndex == 1 && e.JsonPath.StartsWith("$.steps[1].data[0]", StringComparison.Ordinal));
        Assert.Equal(before, await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync()));
    }

    [Fact]
    public async Task A_path_the_site_gives_another_item_is_reported_from_a_late_chunk_not_left_to_the_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        using var folder = new TemporaryFolder();
        var owner = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync("""
            { "name": "owner", "steps": [ { "name": "Content", "data": [ { "ContentItemId": "owner", "ContentType": "Article", "Published": true,
              "TitlePart": { "Title": "The owner" }, "AutoroutePart": { "Path": "articles/taken" }, "Article": { "Summary": { "Text": "s" }, "TlDr": { "Text": "t" } } } ] } ] }
            """, new RecipeOptions { User = "admin" }));
        Assert.True(owner.Applied, owner.Describe());
        var file = WriteRecipe(folder.Path, i => i == 1_600
            ? """{ "ContentItemId": "taker", "ContentType": "Article", "Published": true, "TitlePart": { "Title": "Taker" }, "AutoroutePart": { "Path": "articles/taken" }, "Article": { "Summary": { "Text": "s" }, "TlDr": { "Text": "t" } } }"""
            : null);
        var before = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync());

        var report = await ImportAsync(site, file);

        // The chunks before it were written; the clash is a validation error naming the item, not a refused write.
        Assert.False(report.Applied);
        var error = Assert.Single(report.Errors);
        Assert.Equal("$.steps[0].data[1600].AutoroutePart.Path", error.JsonPath);
        Assert.Contains("already belongs to \"The owner\" (owner)", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync()));
        Assert.Equal("articles/taken", await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.Where(v => v.ContentItemId == "owner" && v.Published).Select(v => v.Path).SingleAsync()));
    }

    /// <summary>Edits the file once the first chunk of items has been applied: appends to it, or cuts it in half.</summary>
    private sealed class EditAfterFirstChunk(string file, bool truncate) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            if (value.Done != 500) return;
            if (!truncate) File.AppendAllText(file, "\n");
            else using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) stream.SetLength(stream.Length / 2);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_recipe_file_edited_during_its_import_is_refused_and_nothing_is_applied(bool truncate)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database);
        using var folder = new TemporaryFolder();
        var file = WriteRecipe(folder.Path);
        var before = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync());

        var report = await site.InScopeAsync(services => services.GetRequiredService<RecipeExecutor>()
            .ImportAsync(RecipeSource.FromFile(file), new RecipeOptions { Source = file, User = "admin", Progress = new EditAfterFirstChunk(file, truncate) }));

        // What was validated is not what would be applied: the first chunk, already written, is rolled back.
        Assert.False(report.Applied);
        Assert.Contains(report.Errors, e => e.JsonPath == "$.steps[0]" && e.Message.Contains("changed while it was being imported", StringComparison.Ordinal));
        Assert.Equal(before, await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync()));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sysrift-streamed-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
