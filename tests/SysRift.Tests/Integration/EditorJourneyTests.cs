using System.Net;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Publishing;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>The editor's work through the admin's own forms: edit, validate, preview, publish, history, diff, restore, conflicts, scheduling, lists.</summary>
public sealed class EditorJourneyTests
{
    private static async Task<string> FirstPrincipleAsync(SiteFactory site) =>
        await site.InScopeAsync(services => services.GetRequiredService<SysRiftDbContext>().ContentVersions
            .Where(v => v.ContentType == "Principle" && v.Latest && v.SortOrder == 1).Select(v => v.ContentItemId).SingleAsync());

    [Fact]
    public async Task Edit_preview_publish_history_diff_and_restore_a_principle()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var visitor = site.Browser();
        var list = await admin.PageAsync("/admin/content/Principle");
        var firstLink = list.QuerySelector("table.content-list tbody a")!;
        var editPath = firstLink.GetAttribute("href")!;
        var id = editPath[(editPath.LastIndexOf('/') + 1)..];
        var edit = await admin.PageAsync(editPath);
        var original = edit.QuerySelector("textarea[name='Principle.Statement']")!.TextContent;
        Assert.Contains(original, await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        // Save a draft: the public site still shows the published text; the preview shows the draft.
        var draft = await admin.SubmitAsync(edit, "form.editor", new Dictionary<string, string> { ["Principle.Statement"] = "A statement rewritten in the admin." }, "draft");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.DoesNotContain("rewritten in the admin", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        var preview = await admin.PageAsync($"/admin/content/item/{id}/preview");
        Assert.Contains("rewritten in the admin", preview.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector(".preview-banner"));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/admin/content/item/{id}/preview")).StatusCode);

        // Publish: visitors see it.
        edit = await admin.PageAsync(editPath);
        Assert.Contains("draft", edit.QuerySelector(".state")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(edit, "form.editor", submit: "publish")).StatusCode);
        Assert.Contains("A statement rewritten in the admin.", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        // History: three versions (imported, draft, published); the diff shows the change line by line.
        var history = await admin.PageAsync($"/admin/content/item/{id}/history");
        var rows = history.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        var oldest = rows[^1].QuerySelector("input[name=from]")!.GetAttribute("value")!;
        var newest = rows[0].QuerySelector("input[name=to]")!.GetAttribute("value")!;
        var diff = await admin.PageAsync($"/admin/content/item/{id}/diff?from={oldest}&to={newest}");
        Assert.Contains(diff.QuerySelectorAll(".diff-line--removed"), l => l.TextContent.Contains(original, StringComparison.Ordinal));
        Assert.Contains(diff.QuerySelectorAll(".diff-line--added"), l => l.TextContent.Contains("rewritten in the admin", StringComparison.Ordinal));
        Assert.Equal("Statement", diff.QuerySelector(".diff h2")!.TextContent);

        // Restore the imported version as a draft, publish it: the original text is back.
        var restoreForm = rows[^1].QuerySelector("form")!;
        var restored = await admin.Client.PostAsync(restoreForm.GetAttribute("action"), new FormUrlEncodedContent(AdminSession.FormValues(restoreForm)));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        edit = await admin.PageAsync(editPath);
        Assert.Equal(original, edit.QuerySelector("textarea[name='Principle.Statement']")!.TextContent);
        await admin.SubmitAsync(edit, "form.editor", submit: "publish");
        Assert.Contains(original, await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("rewritten in the admin", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        // Every step is in the audit trail with who and the versions before and after.
        var audit = await admin.PageAsync($"/admin/audit?q={id}");
        var actions = audit.QuerySelectorAll("tbody tr").Select(r => r.Children[3].TextContent).ToList();
        Assert.Equal(["Publish", "SaveDraft", "Publish", "SaveDraft"], actions.Take(4));
        Assert.All(audit.QuerySelectorAll("tbody tr").Take(4), r => Assert.Equal("admin", r.Children[1].TextContent));
        Assert.All(audit.QuerySelectorAll("tbody tr td.versions").Take(4), v => Assert.Contains("→", v.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_error_names_the_field_keeps_the_input_and_saves_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var id = await FirstPrincipleAsync(site);
        var edit = await admin.PageAsync($"/admin/content/item/{id}");
        var response = await admin.SubmitAsync(edit, "form.editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Kept title", ["Principle.Order"] = "not a number", ["Principle.Statement"] = new string('x', 700),
        }, "publish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await SiteFactory.ParseAsync(response);
        Assert.Contains("must be a number", page.QuerySelector("#f-Principle-Order-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("at most 600", page.QuerySelector("#f-Principle-Statement-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("not a number", page.QuerySelector("input[name='Principle.Order']")!.GetAttribute("value"));
        Assert.Equal("Kept title", page.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("input[name='Principle.Order']")!.GetAttribute("aria-invalid"));
        var versions = await site.InScopeAsync(services => services.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync(v => v.ContentItemId == id));
        Assert.Equal(1, versions);

        var required = await admin.SubmitAsync(edit, "form.editor", new Dictionary<string, string> { ["Principle.Statement"] = "" }, "draft");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, required.StatusCode);
        Assert.Contains("required", (await SiteFactory.ParseAsync(required)).QuerySelector("#f-Principle-Statement-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_editors_is_shown_the_conflict_and_nothing_is_overwritten()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        await AdminSession.CreateUserAsync(site, "editor1", "editor passphrase 1", Core.Security.SiteRoles.Editor);
        var first = await AdminSession.SignInAsync(site);
        var second = await AdminSession.SignInAsync(site, "editor1", "editor passphrase 1");
        var id = await FirstPrincipleAsync(site);
        var pageOfFirst = await first.PageAsync($"/admin/content/item/{id}");
        var pageOfSecond = await second.PageAsync($"/admin/content/item/{id}");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(pageOfFirst, "form.editor", new Dictionary<string, string> { ["Principle.Statement"] = "Words of the first editor." }, "draft")).StatusCode);
        var conflict = await second.SubmitAsync(pageOfSecond, "form.editor", new Dictionary<string, string> { ["Principle.Statement"] = "Words of the second editor." }, "draft");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await SiteFactory.ParseAsync(conflict);
        Assert.Contains("Words of the first editor.", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("saved by admin", page.QuerySelector(".conflict h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Words of the second editor.", page.QuerySelector("textarea[name='Principle.Statement']")!.TextContent);
        var latest = await site.InScopeAsync(services => services.GetRequiredService<SysRiftDbContext>().ContentVersions.Where(v => v.ContentItemId == id && v.Latest).Select(v => v.Data).SingleAsync());
        Assert.Contains("Words of the first editor.", latest, StringComparison.Ordinal);

        // Having seen theirs, the second editor may save deliberately: the form now carries the new revision.
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(page, "form.editor", submit: "draft")).StatusCode);
        latest = await site.InScopeAsync(services => services.GetRequiredService<SysRiftDbContext>().ContentVersions.Where(v => v.ContentItemId == id && v.Latest).Select(v => v.Data).SingleAsync());
        Assert.Contains("Words of the second editor.", latest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_are_kept_removed_and_added_and_related_articles_picked_without_a_script()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var id = await site.InScopeAsync(s => s.GetRequiredService<SysRift.Core.Data.SysRiftDbContext>().ContentVersions
            .Where(v => v.Latest && v.Path == "articles/why-distributed-systems-fail").Select(v => v.ContentItemId).SingleAsync());
        var path = $"/admin/content/item/{id}";
        var form = await admin.PageAsync(path);

        // Each tag is a ticked box, new ones go in the field (said so in its hint), and tags in use are suggested.
        var kept = form.QuerySelectorAll("input[type=checkbox][name='Article.Tags.keep']").Select(b => b.GetAttribute("value")!).ToList();
        Assert.True(kept.Count >= 2, $"{kept.Count} tags");
        Assert.Contains("commas", form.QuerySelector("#f-Article-Tags-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", form.QuerySelector("input#f-Article-Tags")!.GetAttribute("value"));
        Assert.NotEmpty(form.QuerySelectorAll("datalist#f-Article-Tags-suggestions option"));

        // Untick the first, add two; pick two related articles from the list (picked ones come first next time).
        var values = AdminSession.FormValues(form.QuerySelector("form.editor")!, new Dictionary<string, string> { ["Article.Tags"] = "new tag, another tag" });
        values.RemoveAll(v => v.Key == "Article.Tags.keep" && v.Value == kept[0]);
        values.RemoveAll(v => v.Key == "Article.RelatedArticles");
        var candidates = form.QuerySelectorAll("input[name='Article.RelatedArticles']").Select(b => b.GetAttribute("value")!).Where(v => v != id).Take(2).ToList();
        values.AddRange(candidates.Select(c => new KeyValuePair<string, string>("Article.RelatedArticles", c)));
        values.Add(new("submit", "publish"));
        var saved = await admin.Client.PostAsync(path, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var again = await admin.PageAsync(path);
        var tags = again.QuerySelectorAll("input[name='Article.Tags.keep']").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(kept.Skip(1).Concat(["new tag", "another tag"]), tags);
        var checkedRelated = again.QuerySelectorAll("input[name='Article.RelatedArticles'][checked]").Select(b => b.GetAttribute("value")!).ToList();
        Assert.Equal(candidates.Order(), checkedRelated.Order());
        Assert.Equal(checkedRelated, again.QuerySelectorAll("input[name='Article.RelatedArticles']").Take(2).Select(b => b.GetAttribute("value")!));
        var page = await SiteFactory.ParseAsync(await site.Browser().GetAsync("/articles/why-distributed-systems-fail"));
        Assert.Contains(page.QuerySelectorAll(".chips a.tag"), a => a.TextContent == "#new tag");
        Assert.DoesNotContain(page.QuerySelectorAll(".chips a.tag"), a => a.TextContent == "#" + kept[0]);
        Assert.Equal(2, page.QuerySelectorAll(".related .article-card").Length);
    }

    [Fact]
    public async Task New_items_clone_trash_restore_schedule_bulk_and_reorder()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var visitor = site.Browser();

        // A new article, every field type of the editor filled in through the form.
        var form = await admin.PageAsync("/admin/content/Article/new");
        Assert.NotNull(form.QuerySelector("textarea.markdown-input[name='MarkdownBodyPart.Markdown']"));
        Assert.NotNull(form.QuerySelector("fieldset.picker input[type=checkbox][name='Article.RelatedArticles']"));
        Assert.NotNull(form.QuerySelector("input[type=checkbox][name='Article.Flagship']"));
        Assert.NotNull(form.QuerySelector("input[type=number][name='Article.StartHere'][min='1'][max='9']"));
        var related = form.QuerySelector("input[name='Article.RelatedArticles']")!.GetAttribute("value")!;
        var created = await admin.SubmitAsync(form, "form.editor", new Dictionary<string, string>
        {
            ["TitlePart.Title"] = "Scheduling in practice", ["Article.Summary"] = "Two sentences. About scheduling.", ["Article.TlDr"] = "Schedule it.",
            ["Article.FocusAreas"] = "Workflows", ["Article.Tags"] = "scheduling, time", ["Article.Flagship"] = "true", ["Article.RelatedArticles"] = related,
            ["MarkdownBodyPart.Markdown"] = "## When\n\nLater.",
        }, "draft");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var articlePath = created.Headers.Location!.OriginalString;
        var articleId = articlePath[(articlePath.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/scheduling-in-practice")).StatusCode);

        // Schedule it two seconds ahead; the scheduler publishes it when the time has come.
        var edit = await admin.PageAsync(articlePath);
        var at = DateTime.UtcNow.AddSeconds(2).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await admin.SubmitAsync(edit, "form.editor", new Dictionary<string, string> { ["PublishAt"] = at }, "schedule");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains("Scheduled", (await admin.PageAsync("/admin")).Body!.TextContent, StringComparison.Ordinal);
        await Task.Delay(2500);
        Assert.Equal(1, await site.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(CancellationToken.None));
        var live = await visitor.GetStringAsync("/articles/scheduling-in-practice");
        Assert.Contains("Later.", live, StringComparison.Ordinal);
        var past = await admin.SubmitAsync(await admin.PageAsync(articlePath), "form.editor", new Dictionary<string, string> { ["PublishAt"] = "2001-01-01T00:00" }, "schedule");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);

        // Clone, then trash and restore the clone.
        var cloneForm = (await admin.PageAsync(articlePath)).QuerySelector($"form[action='/admin/content/item/{articleId}/clone']")!;
        var clone = await admin.Client.PostAsync(cloneForm.GetAttribute("action"), new FormUrlEncodedContent(AdminSession.FormValues(cloneForm)));
        var clonePath = clone.Headers.Location!.OriginalString;
        Assert.NotEqual(articlePath, clonePath);
        var cloneEdit = await admin.PageAsync(clonePath);
        Assert.Equal("Scheduling in practice (copy)", cloneEdit.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));
        await admin.SubmitAsync(cloneEdit, $"form[action='{clonePath}/delete']");
        var trash = await admin.PageAsync("/admin/trash");
        Assert.Contains("Scheduling in practice (copy)", trash.Body!.TextContent, StringComparison.Ordinal);
        await admin.SubmitAsync(trash, $"form[action='{clonePath}/restore']");
        Assert.DoesNotContain("Scheduling in practice (copy)", (await admin.PageAsync("/admin/trash")).Body!.TextContent, StringComparison.Ordinal);

        // Bulk unpublish two principles after the confirmation step.
        var list = await admin.PageAsync("/admin/content/Principle?sort=order");
        var ids = list.QuerySelectorAll("input[name=ids]").Take(2).Select(i => i.GetAttribute("value")!).ToList();
        var titles = list.QuerySelectorAll("table.content-list tbody tr td:nth-child(2)").Take(2).Select(t => t.TextContent.Trim()).ToList();
        var confirm = await admin.PostAsync("/admin/content/Principle/bulk", [new("bulkAction", "Unpublish"), new("ids", ids[0]), new("ids", ids[1])]);
        var confirmPage = await SiteFactory.ParseAsync(confirm);
        Assert.Equal(2, confirmPage.QuerySelectorAll("main li").Length);
        Assert.Contains(titles[0], await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        await admin.SubmitAsync(confirmPage, "form[action='/admin/content/Principle/bulk/apply']");
        var home = await visitor.GetStringAsync("/");
        Assert.DoesNotContain(titles[0], home, StringComparison.Ordinal);
        Assert.DoesNotContain(titles[1], home, StringComparison.Ordinal);

        // Reorder: the third principle moves up; the public list follows.
        list = await admin.PageAsync("/admin/content/Principle?sort=order&status=Published");
        var published = list.QuerySelectorAll("table.content-list tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        var upButton = list.QuerySelectorAll("button[formaction*='direction=up']")[1];
        var moved = await admin.PostAsync(upButton.GetAttribute("formaction")!);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        home = await visitor.GetStringAsync("/");
        Assert.True(home.IndexOf(published[1], StringComparison.Ordinal) < home.IndexOf(published[0], StringComparison.Ordinal), "The moved principle comes first on the home page.");
    }

    [Fact]
    public async Task The_markdown_preview_uses_the_site_pipeline_and_stays_inert()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);
        var response = await admin.PostAsync("/admin/preview/markdown", [new("markdown", "## Heading\n\n<script>alert(1)</script> [x](javascript:alert(1))")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }
}
