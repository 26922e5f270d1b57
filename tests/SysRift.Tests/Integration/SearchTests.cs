using AngleSharp.Html.Dom;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>Search as a visitor uses it, on both providers alike: stemmed words, snippets from the text, one form.</summary>
public sealed class SearchTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Word_forms_find_the_same_articles_and_snippets_come_from_the_text(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        async Task<IHtmlDocument> Search(string q) => await SiteFactory.ParseAsync(await site.Browser().GetAsync("/search?q=" + Uri.EscapeDataString(q)));
        static List<string> Titles(IHtmlDocument page) => page.QuerySelectorAll(".search-results h2").Select(h => h.TextContent.Trim()).Order().ToList();

        var queued = await Search("queued");
        var queue = await Search("queue");
        Assert.True(Titles(queued).Count >= 2, string.Join(", ", Titles(queued)));
        Assert.Equal(Titles(queued), Titles(queue));
        Assert.Equal(Titles(await Search("failures")), Titles(await Search("failure")));

        // A title match's snippet is text from the item, not its title again.
        foreach (var hit in queue.QuerySelectorAll(".search-results li"))
            Assert.False(hit.QuerySelector("p")!.TextContent.Trim().StartsWith(hit.QuerySelector("h2")!.TextContent.Trim(), StringComparison.OrdinalIgnoreCase), hit.TextContent);

        // The page's own form, styled by the theme; the header's box is not repeated here.
        Assert.Single(queue.QuerySelectorAll("form[role=search]"));
        Assert.NotNull(queue.QuerySelector("form.search-form input[name=q]"));
    }
}
