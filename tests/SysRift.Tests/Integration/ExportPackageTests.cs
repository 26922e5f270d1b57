using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// Issue 15, part 3: the site leaves as an Orchard deployment package (Recipe.json plus the media files, with a
/// media step naming them) and arrives in an empty instance with its pages and images; a plain recipe with
/// the images inline does too; a package cannot write outside its own folder.
/// </summary>
public sealed class ExportPackageTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly string[] Paths = ["/", "/about", "/articles", "/articles/common-api-security-mistakes", "/feed.xml"];

    private static async Task<(SiteFactory Site, string Image)> SiteWithAnImageAsync(TestDatabase database)
    {
        var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        await MediaLibraryTests.UploadAsync(admin, Png, "diagram.png", "A diagram of the request path");
        var image = (await admin.PageAsync("/admin/media")).QuerySelector(".media-grid img")!.GetAttribute("src")!;
        Assert.True((await site.EditAsync("article04", item => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"![A diagram of the request path]({image})\n\nText.")).Succeeded);
        return (site, image);
    }

    [Fact]
    public async Task A_package_exported_in_the_admin_imports_into_an_empty_site_with_its_pages_and_images()
    {
        await using var sourceDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (source, image) = await SiteWithAnImageAsync(sourceDatabase);
        await using var _ = source;
        var admin = await AdminSession.SignInAsync(source);
        var download = await admin.Client.GetAsync("/admin/recipes/export-package");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        var package = await download.Content.ReadAsByteArrayAsync();

        // Orchard's shape: Recipe.json at the root, the file at its media path, a media step naming it.
        using (var zip = new ZipArchive(new MemoryStream(package)))
        {
            var name = image["/media/".Length..];
            Assert.NotNull(zip.GetEntry("Recipe.json"));
            await using (var entry = await zip.GetEntry(name)!.OpenAsync()) { using var bytes = new MemoryStream(); await entry.CopyToAsync(bytes); Assert.Equal(Png, bytes.ToArray()); }
            JsonNode recipe;
            await using (var entry = await zip.GetEntry("Recipe.json")!.OpenAsync()) recipe = (await JsonNode.ParseAsync(entry))!;
            var media = recipe["steps"]!.AsArray().Single(s => (string?)s!["name"] == "media")!;
            Assert.Equal(name, (string?)media["Files"]![0]!["SourcePath"]);
            Assert.Equal(name, (string?)media["Files"]![0]!["TargetPath"]);
            Assert.Equal("A diagram of the request path", (string?)media["Files"]![0]!["AltText"]);
        }

        // An empty site (no types at all) takes it through the admin's upload, dry run first.
        await using var targetDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var target = new SiteFactory(targetDatabase, recipe: "empty");
        var targetAdmin = await AdminSession.SignInAsync(target);
        var content = new MultipartFormDataContent { { new StringContent(await targetAdmin.TokenAsync()), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(package), "file", "site.zip");
        var dryRun = await targetAdmin.Client.PostAsync("/admin/recipes/dry-run", content);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var report = await SiteFactory.ParseAsync(dryRun);
        Assert.Null(report.QuerySelector("p.error"));
        Assert.Equal(HttpStatusCode.NotFound, (await target.Browser().GetAsync(image)).StatusCode);
        var applied = await targetAdmin.SubmitAsync(report, "form[action='/admin/recipes/apply']");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        var (from, to) = (source.Browser(), target.Browser());
        foreach (var path in Paths.Append(image))
            Assert.Equal(await from.GetByteArrayAsync(path), await to.GetByteArrayAsync(path));
        Assert.Equal("A diagram of the request path", (await targetAdmin.PageAsync("/admin/media")).QuerySelector(".media-grid img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task The_command_line_exports_a_package_and_a_plain_recipe_and_both_import_with_the_images()
    {
        await using var sourceDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (source, image) = await SiteWithAnImageAsync(sourceDatabase);
        await source.DisposeAsync();
        var folder = Directory.CreateTempSubdirectory("sysrift-exports-").FullName;
        foreach (var file in new[] { "site.zip", "site.recipe.json" })
        {
            var exported = await SiteProcess.RunAsync(sourceDatabase.DataPath, new Dictionary<string, string>(), "recipe", "export", "--out", Path.Combine(folder, file));
            Assert.True(exported.Exit == 0, exported.Errors);
        }

        // The plain recipe carries the image inline.
        var plain = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "site.recipe.json")))!;
        Assert.Equal(Png, Convert.FromBase64String((string)plain["steps"]!.AsArray().Single(s => (string?)s!["name"] == "media")!["Files"]![0]!["Base64"]!));

        foreach (var file in new[] { "site.zip", "site.recipe.json" })
        {
            await using var targetDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using (var target = new SiteFactory(targetDatabase, recipe: "empty", configureDatabase: false))
                target.CreateClient().Dispose();
            var imported = await SiteProcess.RunAsync(targetDatabase.DataPath, new Dictionary<string, string>(), "recipe", "import", Path.Combine(folder, file));
            Assert.True(imported.Exit == 0, file + ": " + imported.Output + imported.Errors);
            await using var restarted = new SiteFactory(targetDatabase, recipe: null, configureDatabase: false);
            Assert.Equal(Png, await restarted.Browser().GetByteArrayAsync(image));
            Assert.Contains(image, await restarted.Browser().GetStringAsync("/articles/common-api-security-mistakes"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_package_with_an_entry_outside_its_folder_is_refused_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var admin = await AdminSession.SignInAsync(site);
        using var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = await zip.CreateEntry("Recipe.json").OpenAsync()) await entry.WriteAsync("""{ "name": "x", "steps": [] }"""u8.ToArray());
            await using (var entry = await zip.CreateEntry("../../escaped.txt").OpenAsync()) await entry.WriteAsync("outside"u8.ToArray());
        }

        var content = new MultipartFormDataContent { { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(package.ToArray()), "file", "evil.zip");
        var refused = await admin.Client.PostAsync("/admin/recipes/dry-run", content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("points outside the package", (await SiteFactory.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(database.DataPath, "escaped.txt", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(database.DataPath, "escaped.txt")));
    }
}
