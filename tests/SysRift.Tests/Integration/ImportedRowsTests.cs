using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// A recipe's new items are written as multi-row inserts (BulkInserter), not through SaveChanges: the rows must
/// be stored exactly as SaveChanges stores them (dates, flags, statuses in the same form), and a write the
/// database refuses must still end in a clear report with nothing applied.
/// </summary>
public sealed class ImportedRowsTests
{
    private static string Recipe(string id, string path, string title) => $$"""
        { "name": "rows", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "{{id}}", "ContentType": "Article", "Published": true, "Latest": true,
            "CreatedUtc": "2024-03-01T10:20:30.1234567Z", "ModifiedUtc": "2024-03-02T11:00:00Z", "PublishedUtc": "2024-03-03T12:00:00Z",
            "TitlePart": { "Title": "{{title}}" }, "AutoroutePart": { "Path": "{{path}}" },
            "Article": { "Summary": { "Text": "Rows." }, "TlDr": { "Text": "Same." }, "Tags": { "Values": [ "storage", "rows" ] } },
            "MarkdownBodyPart": { "Markdown": "## Rows\n\nStored alike." } } ] } ] }
        """;

    private static Task<RecipeReport> ImportAsync(SiteFactory site, string json) => site.InScopeAsync(services =>
        services.GetRequiredService<RecipeExecutor>().ImportAsync(json, new RecipeOptions { User = "admin" }));

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Imported_rows_are_stored_as_SaveChanges_stores_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        var report = await ImportAsync(site, Recipe("imported01", "articles/imported", "Imported"));
        Assert.True(report.Applied, report.Describe());

        // The same rows written again through SaveChanges, under other keys.
        await site.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SysRiftDbContext>();
            var item = await db.ContentItems.SingleAsync(i => i.ContentItemId == "imported01");
            var version = await db.ContentVersions.SingleAsync(v => v.ContentItemId == "imported01");
            var terms = await db.ContentTerms.Where(t => t.ContentItemId == "imported01").ToListAsync();
            Assert.Equal(2, terms.Count);
            item.ContentItemId = "saved01";
            version.Id = 0;
            version.ContentItemId = "saved01";
            version.ContentItemVersionId = "savedversion01";
            version.Path = "articles/saved";
            db.Add(item);
            db.Add(version);
            foreach (var term in terms)
            {
                term.Id = 0;
                term.ContentItemId = "saved01";
                db.Add(term);
            }

            await db.SaveChangesAsync();
        });

        var keys = new HashSet<string>(StringComparer.Ordinal) { "Id", "ContentItemId", "ContentItemVersionId", "Path" };
        foreach (var table in new[] { "ContentItems", "ContentVersions", "ContentTerms" })
        {
            var imported = await RawRowsAsync(site, table, "imported01");
            var saved = await RawRowsAsync(site, table, "saved01");
            Assert.Equal(imported.Count, saved.Count);
            for (var row = 0; row < imported.Count; row++)
            foreach (var (column, value) in imported[row])
            {
                if (keys.Contains(column)) continue;
                // The provider's own value: on SQLite a date stored as text in another format, or a flag stored as
                // text instead of an integer, would differ here in type or in text.
                Assert.True(Equals(value, saved[row][column]), $"{table}.{column}: imported {Describe(value)}, saved {Describe(saved[row][column])}");
            }
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Imports_racing_for_one_path_leave_one_item_there_and_refuse_the_other_in_full(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        using var start = new Barrier(2);
        Task<RecipeReport> Racer(string id) => Task.Run(() =>
        {
            start.SignalAndWait();
            return ImportAsync(site, Recipe(id, "articles/contested", id));
        });

        var reports = await Task.WhenAll(Racer("racer01"), Racer("racer02"));

        // One applied; the other was refused, by validation (it saw the winner) or by the database (it did not).
        Assert.Single(reports, r => r.Applied);
        var refused = Assert.Single(reports, r => !r.Applied);
        Assert.Contains(refused.Errors, e => e.Message.Contains("articles/contested", StringComparison.Ordinal) || e.Message.Contains("could not be applied, nothing was changed", StringComparison.Ordinal));
        var loser = reports[0].Applied ? "racer02" : "racer01";
        await site.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SysRiftDbContext>();
            Assert.Equal(1, await db.ContentVersions.CountAsync(v => v.Path == "articles/contested" && v.Published));
            Assert.False(await db.ContentItems.AnyAsync(i => i.ContentItemId == loser));
            Assert.False(await db.ContentTerms.AnyAsync(t => t.ContentItemId == loser));
        });
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task An_item_published_twice_in_one_recipe_keeps_the_terms_of_its_last_entry_only(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        string Entry(string version, string tag) => $$"""
            { "ContentItemId": "twice01", "ContentItemVersionId": "{{version}}", "ContentType": "Article", "Published": true, "Latest": true,
              "TitlePart": { "Title": "Twice {{tag}}" }, "AutoroutePart": { "Path": "articles/twice" },
              "Article": { "Summary": { "Text": "Twice." }, "TlDr": { "Text": "Twice." }, "Tags": { "Values": [ "{{tag}}" ] } },
              "MarkdownBodyPart": { "Markdown": "Said {{tag}}." } }
            """;
        var report = await ImportAsync(site, $$"""{ "name": "twice", "steps": [ { "name": "Content", "data": [ {{Entry("first01", "first")}}, {{Entry("second01", "second")}} ] } ] }""");
        Assert.True(report.Applied, report.Describe());

        await site.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SysRiftDbContext>();
            Assert.Equal(["second"], await db.ContentTerms.Where(t => t.ContentItemId == "twice01").Select(t => t.Value).ToListAsync());
            Assert.Equal(["Twice second"], await db.Database.SqlQuery<string>($"""SELECT "Title" AS "Value" FROM "SearchIndex" WHERE "ContentItemId" = 'twice01'""").ToListAsync());
            Assert.Equal("second01", await db.ContentVersions.Where(v => v.ContentItemId == "twice01" && v.Published).Select(v => v.ContentItemVersionId).SingleAsync());
        });
    }

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";

    /// <summary>The rows of <paramref name="table"/> for one item, each column as the provider returns it, in insertion order.</summary>
    private static Task<List<Dictionary<string, object?>>> RawRowsAsync(SiteFactory site, string table, string contentItemId) => site.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<SysRiftDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var order = table == "ContentItems" ? "" : " ORDER BY \"Id\"";
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"ContentItemId\" = @id{order}";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = contentItemId;
            command.Parameters.Add(parameter);
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, object?>>();
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });
}
