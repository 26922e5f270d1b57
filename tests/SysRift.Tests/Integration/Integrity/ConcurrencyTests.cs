using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Tests.Integration.Integrity;

/// <summary>
/// Races, run for real: many requests or units of work at once against a real SQLite file and a real
/// PostgreSQL server. Each test would pass with sequential requests on the old code too; only the
/// parallel ones showed the defects.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Writers = 8;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Saving_one_item_from_many_requests_at_once_lets_exactly_one_win_and_the_rest_conflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var admin = await AdminSession.SignInAsync(site);
        var page = await admin.PageAsync("/admin/content/item/article04");
        var form = page.QuerySelector("form.editor")!;
        var revision = int.Parse(form.QuerySelector("input[name=revision]")!.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture);

        for (var round = 0; round < 3; round++)
        {
            var posts = Enumerable.Range(0, Writers).Select(i =>
            {
                var values = AdminSession.FormValues(form, new Dictionary<string, string> { ["TitlePart.Title"] = $"Writer {i} of round {round}", ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "publish");
                return admin.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
            }).ToList();
            var statuses = (await Task.WhenAll(posts)).Select(r => r.StatusCode).ToList();

            Assert.True(statuses.All(s => s is HttpStatusCode.Redirect or HttpStatusCode.Conflict), "round " + round + ": " + string.Join(", ", statuses));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Redirect));
            var record = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetRecordAsync("article04"));
            Assert.Equal(revision + 1, record!.Revision);
            var versions = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync(v => v.ContentItemId == "article04" && v.DisplayText.StartsWith("Writer ") && v.DisplayText.EndsWith("round " + round)));
            Assert.Equal(1, versions);
            revision = record.Revision;
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Publishing_one_item_from_many_threads_released_together_lets_exactly_one_win_per_revision(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");

        for (var round = 0; round < 5; round++)
        {
            var start = (await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetRecordAsync("article04")))!.Revision;
            using var barrier = new Barrier(Writers);
            var saves = Enumerable.Range(0, Writers).Select(i => Task.Factory.StartNew(() => site.InScopeAsync(async s =>
            {
                var manager = s.GetRequiredService<ContentManager>();
                var item = (await manager.GetAsync("article04"))!;
                item.Part("TitlePart")!["Title"] = $"Thread {i} of round {round}";
                barrier.SignalAndWait(TimeSpan.FromSeconds(30));
                return await manager.SaveAsync(item, publish: true, expectedRevision: start, user: "editor");
            }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToList();
            var results = await Task.WhenAll(saves);

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Conflict, string.Join(" ", r.Errors)));
            var after = (await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetRecordAsync("article04")))!.Revision;
            Assert.Equal(start + 1, after);
            var indexed = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().Database
                .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"SearchIndex\" WHERE \"ContentItemId\" = 'article04'").SingleAsync());
            Assert.Equal(1, indexed);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Simultaneous_publishes_at_one_path_leave_one_live_item_and_tell_the_others_on_the_path_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var template = (await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync("article04")))!;

        for (var round = 0; round < 4; round++)
        {
            var title = $"The same title {round}";
            var path = $"articles/the-same-title-{round}";
            var saves = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => site.InScopeAsync(s =>
            {
                var item = template.Clone();
                item.ContentItemId = "";
                item.ContentItemVersionId = "";
                item.Part("TitlePart")!["Title"] = title;
                item.Part("AutoroutePart")!["Path"] = path;
                return s.GetRequiredService<ContentManager>().SaveAsync(item, publish: true, expectedRevision: null, user: "editor");
            }))).ToList();
            var results = await Task.WhenAll(saves);

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Errors, e => e.Path == "AutoroutePart.Path"));
            var live = await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync(v => v.Path == path && v.Published));
            Assert.Equal(1, live);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Two_administrators_demoting_each_other_at_once_leave_one_administrator(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        await AdminSession.CreateUserAsync(site, "second", SiteFactory.AdminPassword, SiteRoles.Administrator);
        var first = await AdminSession.SignInAsync(site);
        var second = await AdminSession.SignInAsync(site, "second");
        var ids = await site.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<IdentityUser>>();
            return ((await users.FindByNameAsync(SiteFactory.AdminUserName))!.Id, (await users.FindByNameAsync("second"))!.Id);
        });

        for (var round = 0; round < 4; round++)
        {
            // Each takes the other's Administrator role away, at the same moment.
            var firstPage = await first.PageAsync($"/admin/users/{ids.Item2}");
            var secondPage = await second.PageAsync($"/admin/users/{ids.Item1}");
            var demotions = await Task.WhenAll(
                first.Client.PostAsync($"/admin/users/{ids.Item2}", new FormUrlEncodedContent(WithoutRoles(firstPage))),
                second.Client.PostAsync($"/admin/users/{ids.Item1}", new FormUrlEncodedContent(WithoutRoles(secondPage))));
            Assert.All(demotions, d => Assert.True((int)d.StatusCode < 500, $"answered {(int)d.StatusCode}"));

            var administrators = await site.InScopeAsync(async s => (await s.GetRequiredService<UserManager<IdentityUser>>().GetUsersInRoleAsync(SiteRoles.Administrator)).Count);
            Assert.Equal(1, administrators);

            // Give the role back for the next round (directly, as an operator's recovery would).
            await site.InScopeAsync(async s =>
            {
                var users = s.GetRequiredService<UserManager<IdentityUser>>();
                foreach (var name in new[] { SiteFactory.AdminUserName, "second" })
                {
                    var user = (await users.FindByNameAsync(name))!;
                    if (!await users.IsInRoleAsync(user, SiteRoles.Administrator)) await users.AddToRoleAsync(user, SiteRoles.Administrator);
                }
            });
            // A role change ends the demoted one's sessions: sign in again whoever lost theirs.
            first = await SignedInAsync(site, first, SiteFactory.AdminUserName);
            second = await SignedInAsync(site, second, "second");
        }
    }

    private static async Task<AdminSession> SignedInAsync(SiteFactory site, AdminSession session, string name) =>
        (await session.Client.GetAsync("/admin")).StatusCode == HttpStatusCode.OK ? session : await AdminSession.SignInAsync(site, name);

    private static List<KeyValuePair<string, string>> WithoutRoles(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var values = AdminSession.FormValues(page.QuerySelector("form.editor")!);
        values.RemoveAll(v => v.Key == "Roles");
        return values;
    }
}
