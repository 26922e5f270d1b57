using System.Net;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>
/// Orchard's media step: files given inline (Base64) or next to the recipe (SourcePath, from the module folder
/// as Orchard resolves it) land at their media paths and are served there; nothing is written by a refused
/// import or a dry run; paths and bytes are checked as uploads are.
/// </summary>
public sealed class MediaStepTests
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    [Fact]
    public async Task Media_files_land_at_their_paths_only_when_the_import_commits()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var module = Directory.CreateTempSubdirectory("sysrift-module-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(module, "Recipes"));
            Directory.CreateDirectory(Path.Combine(module, "wwwroot", "img"));
            var fromDisk = Convert.FromBase64String(Png).Concat(new byte[] { 1, 2, 3 }).ToArray();
            File.WriteAllBytes(Path.Combine(module, "wwwroot", "img", "hall.png"), fromDisk);
            var recipe = Path.Combine(module, "Recipes", "media.recipe.json");
            string Recipe(string extra) => $$"""
                { "name": "media", "steps": [ { "name": "media", "Files": [
                  { "TargetPath": "about/hall.png", "SourcePath": "../wwwroot/img/hall.png" },
                  { "TargetPath": "inline.png", "Base64": "{{Png}}" }{{extra}} ] } ] }
                """;
            Task<RecipeReport> Run(string json, bool dryRun = false) => site.InScopeAsync(s =>
            {
                var executor = s.GetRequiredService<RecipeExecutor>();
                var options = new RecipeOptions { Source = recipe };
                return dryRun ? executor.DryRunAsync(json, options) : executor.ImportAsync(json, options);
            });

            // Bad entries are errors at their paths, and nothing is written.
            var refused = await Run(Recipe($$"""
                , { "TargetPath": "../escape.png", "Base64": "{{Png}}" }, { "TargetPath": "notes.png", "Base64": "aGVsbG8=" }, { "TargetPath": "x.png", "Base64": "***" }
                """));
            Assert.False(refused.Applied);
            Assert.Equal(["$.steps[0].Files[2].TargetPath", "$.steps[0].Files[3].TargetPath", "$.steps[0].Files[4].Base64"], refused.Errors.Select(e => e.JsonPath));
            Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/media/inline.png")).StatusCode);

            Assert.True((await Run(Recipe(""), dryRun: true)).IsValid);
            Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/media/about/hall.png")).StatusCode);

            var report = await Run(Recipe(""));
            Assert.True(report.Applied, report.Describe());
            Assert.Equal(fromDisk, await site.Browser().GetByteArrayAsync("/media/about/hall.png"));
            Assert.Equal(Convert.FromBase64String(Png), await site.Browser().GetByteArrayAsync("/media/inline.png"));

            // A file outside the module is never read: skipped, named.
            var outside = await Run("""{ "name": "m", "steps": [ { "name": "media", "Files": [ { "TargetPath": "p.png", "SourcePath": "../../../../etc/hostname" } ] } ] }""");
            Assert.False(outside.Applied);
            Assert.Contains("outside the recipe's folder", Assert.Single(outside.Unsupported).Message, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/media/..%2F..%2Fetc%2Fhostname")).StatusCode);
        }
        finally
        {
            Directory.Delete(module, recursive: true);
        }
    }
}
