using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SysRift.Browser.Tests;

/// <summary>The editor's journey in a real Chromium, under the site's strict Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminJourneyTests(BrowserSite site)
{
    private const string Password = "browser test passphrase";

    private async Task<IPage> SignedInAsync(int width = 1280, ColorScheme scheme = ColorScheme.Light, bool bypassCsp = false)
    {
        var page = await site.PageAsync(width, scheme, bypassCsp: bypassCsp, storageState: await site.AdminStateAsync("admin", Password));
        await page.GotoAsync("/admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        return page;
    }

    private static List<string> WatchProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text}"); };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        return problems;
    }

    [BrowserFact]
    public async Task An_editor_edits_previews_publishes_sees_it_live_compares_and_restores()
    {
        var page = await SignedInAsync();
        var problems = WatchProblems(page);
        await page.Locator("nav[aria-label=Admin]").GetByRole(AriaRole.Link, new() { Name = "Content", Exact = true }).ClickAsync();
        await page.Locator("a", new() { HasTextString = "Principle" }).First.ClickAsync();
        await page.WaitForURLAsync("**/admin/content/Principle");
        await page.Locator("table.content-list tbody a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin/content/item/"));
        var editUrl = page.Url;
        var statement = page.Locator("textarea[name='Principle.Statement']");
        var original = await statement.InputValueAsync();

        await statement.FillAsync("Edited in a real browser, then published.");
        await page.Locator("button[value=draft]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Draft saved");
        await Shot(page, "admin-edit-draft");

        var previewHref = await page.Locator("a", new() { HasTextString = "Preview in the site" }).GetAttributeAsync("href");
        var preview = await page.Context.NewPageAsync();
        await preview.GotoAsync(previewHref!);
        await Expect(preview.Locator(".preview-banner")).ToBeVisibleAsync();
        await Expect(preview.Locator("main")).ToContainTextAsync("Edited in a real browser");
        await preview.CloseAsync();

        await page.Locator("button[value=publish]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Published");
        var visitor = await site.PageAsync(1280);
        await visitor.GotoAsync("/");
        await Expect(visitor.Locator("section[aria-labelledby=principles]")).ToContainTextAsync("Edited in a real browser, then published.");

        await page.Locator("a", new() { HasTextString = "History" }).ClickAsync();
        await page.WaitForURLAsync("**/history");
        await page.Locator("tbody tr").Last.Locator("input[name=from]").CheckAsync();
        await page.Locator("button", new() { HasTextString = "Compare selected versions" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/diff"));
        await Expect(page.Locator(".diff-line--added")).ToContainTextAsync("Edited in a real browser");
        await Shot(page, "admin-diff");

        await page.GoBackAsync();
        await page.Locator("tbody tr").Last.Locator("button", new() { HasTextString = "Restore" }).ClickAsync();
        await page.WaitForURLAsync(editUrl);
        await Expect(page.Locator("textarea[name='Principle.Statement']")).ToHaveValueAsync(original);
        await page.Locator("button[value=publish]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Published");
        await visitor.ReloadAsync();
        await Expect(visitor.Locator("section[aria-labelledby=principles]")).ToContainTextAsync(original);
        await Expect(visitor.Locator("section[aria-labelledby=principles]")).Not.ToContainTextAsync("Edited in a real browser");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task The_markdown_preview_follows_typing_and_images_insert_from_the_library()
    {
        var page = await SignedInAsync();
        var problems = WatchProblems(page);
        var png = Path.Combine(Path.GetTempPath(), $"diagram-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        await page.GotoAsync("/admin/media");
        await page.Locator("#m-file").SetInputFilesAsync(png);
        await page.Locator("#m-alt").FillAsync("A one-pixel diagram");
        await page.Locator("button", new() { HasTextString = "Upload" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Uploaded");

        await page.GotoAsync("/admin/content/Article");
        await page.Locator("table.content-list tbody a").First.ClickAsync();
        var body = page.Locator("textarea[name='MarkdownBodyPart.Markdown']");
        Assert.True(await page.Locator("#f-MarkdownBodyPart-Markdown-preview h2").CountAsync() > 1, "The preview starts with the stored body rendered.");
        var previewed = page.WaitForResponseAsync("**/admin/preview/markdown");
        await body.FillAsync("## Typed just now\n\nWith **bold** words.");
        var response = await previewed;
        Assert.True(response.Status == 200, $"preview answered {response.Status}: {await response.TextAsync()}");
        await Expect(page.Locator("#f-MarkdownBodyPart-Markdown-preview h2").First).ToHaveTextAsync("Typed just now");
        await Expect(page.Locator("#f-MarkdownBodyPart-Markdown-preview h2")).ToHaveCountAsync(1);
        await Expect(page.Locator("#f-MarkdownBodyPart-Markdown-preview strong")).ToHaveTextAsync("bold");
        await Expect(page.Locator(".media-insert")).ToBeVisibleAsync();
        await page.Locator(".media-insert button").ClickAsync();
        // Inserted with the alt text given at upload, not an empty description.
        await Expect(body).ToHaveValueAsync(new Regex(@"!\[A one-pixel diagram\]\(/media/diagram-[0-9a-f]+-[0-9a-f]{10}\.png\)"));
        await Expect(page.Locator("#f-MarkdownBodyPart-Markdown-preview img[alt='A one-pixel diagram']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#f-MarkdownBodyPart-Markdown-preview img")).ToHaveCountAsync(1);
        await Shot(page, "admin-markdown-preview");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task The_second_editor_sees_the_conflict_beside_their_own_input()
    {
        var first = await SignedInAsync();
        var second = await SignedInAsync();
        await first.GotoAsync("/admin/content/Principle?sort=order");
        var href = await first.Locator("table.content-list tbody a").Last.GetAttributeAsync("href");
        await first.GotoAsync(href!);
        await second.GotoAsync(href!);

        await first.Locator("textarea[name='Principle.Statement']").FillAsync("The first browser saved this.");
        await first.Locator("button[value=draft]").ClickAsync();
        await Expect(first.Locator(".flash")).ToContainTextAsync("Draft saved");

        await second.Locator("textarea[name='Principle.Statement']").FillAsync("The second browser typed this.");
        await second.Locator("button[value=draft]").ClickAsync();
        await Expect(second.Locator(".conflict")).ToContainTextAsync("The first browser saved this.");
        await Expect(second.Locator("textarea[name='Principle.Statement']")).ToHaveValueAsync("The second browser typed this.");
        await Expect(second.Locator("#form-errors")).ToBeFocusedAsync();
        await Shot(second, "admin-conflict");

        await first.ReloadAsync();
        await Expect(first.Locator("textarea[name='Principle.Statement']")).ToHaveValueAsync("The first browser saved this.");
        // Leave the principle as it was published: discard the draft.
        await first.Locator("button", new() { HasTextString = "Discard draft" }).ClickAsync();
        await Expect(first.Locator(".flash")).ToContainTextAsync("Draft discarded");
    }

    [BrowserFact]
    public async Task An_administrator_creates_a_type_adds_fields_and_an_editor_publishes_an_item_of_it()
    {
        var page = await SignedInAsync();
        var problems = WatchProblems(page);
        await page.Locator("nav[aria-label=Admin] a", new() { HasTextString = "Content types" }).ClickAsync();
        await page.Locator("a", new() { HasTextString = "New content type" }).ClickAsync();

        // The technical name follows the display name as it is typed.
        await page.Locator("#t-DisplayName").PressSequentiallyAsync("Talk recording");
        await Expect(page.Locator("#t-Name")).ToHaveValueAsync("TalkRecording");
        await page.Locator("button", new() { HasTextString = "Create type" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/types/TalkRecording");
        await Expect(page.Locator(".flash")).ToContainTextAsync("created");

        await page.Locator("#add-part").SelectOptionAsync("AutoroutePart");
        await page.Locator("button", new() { HasTextString = "Add part" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("AutoroutePart added");

        await page.Locator("#ft-TalkRecording").SelectOptionAsync("TextField");
        await page.Locator("#fd-TalkRecording").FillAsync("Venue");
        await Expect(page.Locator("#fn-TalkRecording")).ToHaveValueAsync("Venue");
        await page.Locator("button", new() { HasTextString = "Add field" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/types/TalkRecording/parts/TalkRecording/fields/Venue");
        await page.Locator("#s-Required").CheckAsync();
        await page.Locator("#s-MaxLength").FillAsync("many");
        await page.Locator("button", new() { HasTextString = "Save settings" }).ClickAsync();
        await Expect(page.Locator("#s-MaxLength-error")).ToContainTextAsync("must be a number");
        await page.Locator("#s-MaxLength").FillAsync("80");
        await page.Locator("button", new() { HasTextString = "Save settings" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/types/TalkRecording");

        await page.Locator("#ft-TalkRecording").SelectOptionAsync("DateField");
        await page.Locator("#fd-TalkRecording").FillAsync("Given on");
        await page.Locator("button", new() { HasTextString = "Add field" }).ClickAsync();
        await page.WaitForURLAsync("**/fields/GivenOn");
        await Shot(page, "admin-type-field-settings");

        // An editor finds the new type with its fields, at once.
        await page.GotoAsync("/admin/content/TalkRecording/new");
        await page.Locator("#f-TitlePart-Title").FillAsync("Why queues lie");
        await page.Locator("#f-AutoroutePart-Path").FillAsync("talks/why-queues-lie");
        await page.Locator("#f-TalkRecording-GivenOn").FillAsync("2026-03-14");
        await page.Locator("button[value=publish]").ClickAsync();
        await Expect(page.Locator("#f-TalkRecording-Venue-error")).ToContainTextAsync("Venue is required");
        await page.Locator("#f-TalkRecording-Venue").FillAsync("Systems meetup, Leeds");
        await page.Locator("button[value=publish]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Published");

        var visitor = await site.PageAsync(1280);
        await visitor.GotoAsync("/talks/why-queues-lie");
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Why queues lie");
        await Expect(visitor.Locator("dl.fields")).ToContainTextAsync("Systems meetup, Leeds");
        await Expect(visitor.Locator("dl.fields time")).ToHaveAttributeAsync("datetime", "2026-03-14");
        await Shot(visitor, "site-generic-type");
        // The two refused forms answer 422 on purpose (Chromium logs those); anything else is a problem.
        problems.RemoveAll(p => p.Contains("status of 422", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string, ColorScheme> AdminPages()
    {
        var data = new TheoryData<string, ColorScheme>();
        foreach (var path in new[] { "/admin", "/admin/content", "/admin/content/Principle", "/admin/content/Article/new", "/admin/settings", "/admin/users", "/admin/users/new", "/admin/roles", "/admin/roles/Editor", "/admin/audit", "/admin/media", "/admin/recipes", "/admin/trash", "/admin/system", "/admin/account/password", "/admin/account/two-factor", "/admin/account/sessions",
                                   "/admin/types", "/admin/types/new", "/admin/types/Principle", "/admin/types/Principle/parts/Principle/fields/Order", "/admin/types/Article/parts/TitlePart/settings" })
            data.Add(path, ColorScheme.Light);
        foreach (var path in new[] { "/admin", "/admin/content/Principle", "/admin/content/Article/new", "/admin/types/Principle" })
            data.Add(path, ColorScheme.Dark);
        return data;
    }

    [BrowserTheory, MemberData(nameof(AdminPages))]
    public async Task Every_admin_page_has_no_axe_violations_and_runs_under_the_strict_csp(string path, ColorScheme scheme)
    {
        // First under the real CSP: any inline script or style the admin needed would be a console error here.
        var strict = await SignedInAsync(1280, scheme);
        var problems = WatchProblems(strict);
        await strict.GotoAsync(path);
        await strict.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var page = await SignedInAsync(1280, scheme, bypassCsp: true);
        await page.GotoAsync(path);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Tools.AxeScript });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, path + "\n" + string.Join("\n", violations));
    }

    [BrowserTheory, InlineData(390), InlineData(1280)]
    public async Task Tags_become_values_as_they_are_typed_and_the_picker_filters_as_one_types(int width)
    {
        var page = await SignedInAsync(width);
        await page.GotoAsync("/admin/content/Article/new");
        var tags = page.Locator("#f-Article-Tags");
        await tags.FillAsync("queues");
        await tags.PressAsync(",");
        await tags.FillAsync("back pressure");
        await tags.PressAsync("Enter");
        await Expect(page.Locator("ul[data-tags-for='f-Article-Tags'] input[name='Article.Tags.keep']:checked")).ToHaveCountAsync(2);
        await Expect(tags).ToHaveValueAsync("");
        // Enter added a tag; it did not submit the form.
        Assert.EndsWith("/admin/content/Article/new", page.Url, StringComparison.Ordinal);

        var options = page.Locator("#f-Article-RelatedArticles li");
        var all = await options.CountAsync();
        Assert.True(all >= 3, $"{all} related candidates");
        var title = (await options.Nth(1).TextContentAsync())!.Trim();
        await page.Locator("#f-Article-RelatedArticles-filter").FillAsync(title.Split(' ')[0] + " " + title.Split(' ').Last());
        var visible = await options.EvaluateAllAsync<int>("items => items.filter(i => !i.hidden).length");
        Assert.True(visible >= 1 && visible < all, $"{visible} of {all} candidates left after filtering for {title}");
        await Expect(options.Filter(new() { HasText = title }).First).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1"), $"the editor scrolls sideways at {width}");
        await Shot(page, $"tags-and-picker-{width}");
    }

    [BrowserTheory, InlineData(ColorScheme.Light), InlineData(ColorScheme.Dark)]
    public async Task The_admin_wears_the_site_s_palette_and_type(ColorScheme scheme)
    {
        var page = await SignedInAsync(1280, scheme);
        // The page, its text and a plain link (a user's name; the footer's feed link).
        const string Look = "link => { const b = getComputedStyle(document.body); return [b.backgroundColor, b.color, getComputedStyle(document.querySelector(link)).color]; }";
        await page.GotoAsync("/admin/users");
        var admin = await page.EvaluateAsync<string[]>(Look, "main td a");
        var brand = await page.Locator(".admin-brand").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        await page.GotoAsync("/about");
        var site = await page.EvaluateAsync<string[]>(Look, "footer a[href='/feed.xml']");
        var siteBrand = await page.Locator(".brand").EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        Assert.Equal(site, admin);
        Assert.Equal(siteBrand, brand);
    }

    [BrowserFact]
    public async Task The_admin_works_at_phone_width_with_the_keyboard()
    {
        var page = await SignedInAsync(390);
        await page.GotoAsync("/admin/content/Principle");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The admin list scrolls sideways at 390 px.");
        await Shot(page, "admin-list-390");
    }

    [BrowserTheory, InlineData(390), InlineData(1280)]
    public async Task History_audit_trail_and_system_page_fit_the_screen(int width)
    {
        var page = await SignedInAsync(width);
        // A settings change (so the trail has a before/after), and a second version of an item (so its history has actions).
        await page.GotoAsync("/admin/settings");
        await page.Locator("input[name=Tagline]").FillAsync($"Systems, understood by building them ({width})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.Locator("[role=status], .flash").First).ToContainTextAsync("Settings saved");
        await page.GotoAsync("/admin/content/Principle");
        var item = await page.Locator("table a[href^='/admin/content/item/']").First.GetAttributeAsync("href");
        await page.GotoAsync(item!);
        await page.Locator("button[name=submit][value=draft]").ClickAsync();

        foreach (var path in new[] { item + "/history", "/admin/audit", "/admin/audit?category=Settings", "/admin/system" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            await Shot(page, $"fit{path.Replace('/', '-').Replace('?', '-').Replace('=', '-')}-{width}");
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than the {width} px screen.");
            // Every button and link of the page's tables is within the screen, not in a sideways-scrolling box.
            var offscreen = await page.EvaluateAsync<int>("[...document.querySelectorAll('main table a, main table button')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; }).length");
            Assert.True(offscreen == 0, $"{path}: {offscreen} links or buttons are off the {width} px screen.");
        }

        await page.GotoAsync("/admin/audit?category=Settings");
        await Expect(page.Locator("table.audit .diff-line--added").Filter(new() { HasText = "Tagline" }).First).ToContainTextAsync($"({width})");
    }

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Tools.ArtifactsFolder, name + ".png"), FullPage = true });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
