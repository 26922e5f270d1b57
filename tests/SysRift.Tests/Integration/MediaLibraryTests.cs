using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// Issue 15: the media library lives in the database, so every node serves an upload at once, a delete reaches
/// every node, a backup holds the images, and a site upgraded from the disk folder keeps its files. Each file
/// has alt text (used when it is inserted) and a caption; the library shows where each is used and deletes orphans.
/// </summary>
public sealed class MediaLibraryTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static async Task<HttpResponseMessage> UploadAsync(AdminSession admin, byte[] bytes, string name, string? altText = null)
    {
        var content = new MultipartFormDataContent { { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" } };
        if (altText is not null) content.Add(new StringContent(altText), "altText");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", name);
        return await admin.Client.PostAsync("/admin/media", content);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task An_upload_on_one_node_is_served_by_the_other_at_once_and_a_delete_reaches_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "blank");
        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        var admin = await AdminSession.SignInAsync(first);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, Png, "Diagram.png", "A one-pixel diagram")).StatusCode);
        var url = (await admin.PageAsync("/admin/media")).QuerySelector(".media-grid img")!.GetAttribute("src")!;
        // Node two never saw the upload request: it serves the bytes from the shared database (then from its disk copy).
        Assert.Equal(Png, await second.Browser().GetByteArrayAsync(url));
        Assert.Equal(Png, await second.Browser().GetByteArrayAsync(url));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(secondData, "media-cache")));

        var library = await admin.PageAsync("/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(library, "form[action='/admin/media/delete']")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Browser().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.Browser().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Alt_text_is_kept_with_the_file_used_when_inserting_and_the_library_shows_where_each_file_is_used()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var uploaded = await UploadAsync(admin, Png, "queue.png", "A queue of three jobs");
        Assert.Contains("![A queue of three jobs](/media/queue-", (await admin.PageAsync(AdminSession.Target(uploaded))).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        var orphanBytes = Png.Concat(new byte[] { 0 }).ToArray();
        await UploadAsync(admin, orphanBytes, "unused.png");

        var library = await admin.PageAsync("/admin/media");
        var queue = library.QuerySelector("li[data-media^='queue-']")!;
        var name = queue.GetAttribute("data-media")!;
        Assert.Equal("A queue of three jobs", queue.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal($"![A queue of three jobs](/media/{name})", queue.QuerySelector("input[readonly]")!.GetAttribute("value"));

        // A caption and a better alt text, saved on the library page.
        var describe = await admin.SubmitAsync(library, $"li[data-media='{name}'] form.media-describe", new Dictionary<string, string> { ["altText"] = "Three jobs waiting in a queue", ["caption"] = "Figure 1" });
        Assert.Equal(HttpStatusCode.Redirect, describe.StatusCode);

        // The Markdown editor's insert list carries the alt text.
        var editor = await admin.PageAsync("/admin/content/Article/new");
        Assert.Equal("Three jobs waiting in a queue", editor.QuerySelector($".media-insert option[value='/media/{name}']")!.GetAttribute("data-alt"));

        // An article uses the image: the library says so, and the unused file is an orphan.
        Assert.True((await site.EditAsync("article04", item => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"![Three jobs waiting in a queue](/media/{name})\n\nText.")).Succeeded);
        library = await admin.PageAsync("/admin/media");
        Assert.Contains("Common API Security Mistakes", library.QuerySelector($"li[data-media='{name}'] .media-usage")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(library.QuerySelector("li[data-media^='unused-'] .media-usage--orphan"));
        Assert.Contains("1 not used", library.QuerySelector("#media-summary")!.TextContent, StringComparison.Ordinal);
        var system = await admin.PageAsync("/admin/system");
        Assert.StartsWith("2 file(s)", system.QuerySelector("#media-totals")!.TextContent.Trim(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(library, "form[action='/admin/media/delete-orphans']")).StatusCode);
        library = await admin.PageAsync("/admin/media");
        Assert.Single(library.QuerySelectorAll(".media-grid li"));
        Assert.NotNull(library.QuerySelector($"li[data-media='{name}']"));
        Assert.Equal("Figure 1", library.QuerySelector($"li[data-media='{name}'] input[name=caption]")!.GetAttribute("value"));
        var audit = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().AuditEntries.Where(a => a.Category == "Media").Select(a => a.Action).ToListAsync());
        Assert.Equal(["Upload", "Upload", "Describe", "DeleteOrphans"], audit);
    }

    [Fact]
    public async Task A_site_from_before_media_lived_in_the_database_keeps_its_files()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var site = new SiteFactory(database, recipe: "blank"))
            site.CreateClient().Dispose();
        // The files as the earlier versions left them: uploads flat, recipe paths in folders, and one that is no image.
        var folder = Path.Combine(database.DataPath, "media");
        Directory.CreateDirectory(Path.Combine(folder, "blog"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "old-upload-0123456789.png"), Png);
        await File.WriteAllBytesAsync(Path.Combine(folder, "blog", "cover.png"), Png);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.png"), "not an image");

        await using var upgraded = new SiteFactory(database, recipe: null);
        var client = upgraded.Browser();
        Assert.Equal(Png, await client.GetByteArrayAsync("/media/old-upload-0123456789.png"));
        Assert.Equal(Png, await client.GetByteArrayAsync("/media/blog/cover.png"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/notes.png")).StatusCode);
        Assert.Equal(2, await upgraded.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().MediaFiles.CountAsync()));
        // The folder is left as it was; the database is what is served now.
        Assert.True(File.Exists(Path.Combine(folder, "blog", "cover.png")));
        File.Delete(Path.Combine(folder, "blog", "cover.png"));
        Assert.Equal(Png, await client.GetByteArrayAsync("/media/blog/cover.png"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_backup_of_a_live_site_restores_elsewhere_with_every_page_and_image_byte_for_byte(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift", configureDatabase: provider == DatabaseProvider.Postgres);
        var admin = await AdminSession.SignInAsync(site);
        await UploadAsync(admin, Png, "kept.png", "Kept through a backup");
        var image = (await admin.PageAsync("/admin/media")).QuerySelector(".media-grid img")!.GetAttribute("src")!;
        Assert.True((await site.EditAsync("article04", item => item.GetOrCreatePart("MarkdownBodyPart")["Markdown"] = $"![Kept]({image})\n\nText.")).Succeeded);

        // Backed up while the site serves, as an operator would, with the site's own command line.
        var environment = provider == DatabaseProvider.Postgres
            ? new Dictionary<string, string> { ["SysRift__Database__Provider"] = "Postgres", ["SysRift__Database__ConnectionString"] = database.ConnectionString }
            : new Dictionary<string, string>();
        var backup = Path.Combine(Directory.CreateTempSubdirectory("sysrift-backup-").FullName, "site.backup");
        var made = await SiteProcess.RunAsync(database.DataPath, environment, "backup", "--out", backup);
        Assert.True(made.Exit == 0, made.Errors);

        // Restored elsewhere: an empty data folder (and, for PostgreSQL, an empty database).
        await using var target = await TestDatabase.CreateAsync(provider);
        var restoreEnvironment = provider == DatabaseProvider.Postgres
            ? new Dictionary<string, string> { ["SysRift__Database__Provider"] = "Postgres", ["SysRift__Database__ConnectionString"] = target.ConnectionString }
            : new Dictionary<string, string>();
        var restored = await SiteProcess.RunAsync(target.DataPath, restoreEnvironment, "restore", "--from", backup);
        Assert.True(restored.Exit == 0, restored.Errors);
        // Not twice: a data folder with a site is not replaced without --force.
        var again = await SiteProcess.RunAsync(target.DataPath, restoreEnvironment, "restore", "--from", backup);
        Assert.Equal(1, again.Exit);
        Assert.Contains("--force", again.Errors, StringComparison.Ordinal);

        await using var copy = new SiteFactory(target, recipe: null, configureDatabase: provider == DatabaseProvider.Postgres);
        var (original, restoredClient) = (site.Browser(), copy.Browser());
        foreach (var path in new[] { "/", "/about", "/articles", "/articles/common-api-security-mistakes", "/feed.xml", "/sitemap.xml", image })
            Assert.Equal(await original.GetByteArrayAsync(path), await restoredClient.GetByteArrayAsync(path));
        Assert.Equal(Png, await restoredClient.GetByteArrayAsync(image));
    }
}
