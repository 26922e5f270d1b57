using System.Net;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>
/// The key ring moved from SysRift's own repository to ASP.NET Core's EF Core store (schema 0006). A cookie
/// issued before the upgrade still signs its holder in afterwards, on every node.
/// </summary>
public sealed class DataProtectionUpgradeTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_cookie_from_before_the_key_store_upgrade_works_on_both_nodes_after_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string cookie;
        await using (var before = new SiteFactory(database, recipe: "blank"))
        {
            var client = before.Browser();
            var signedIn = await AdminAccessTests.SignInAsync(client, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            Assert.Equal(HttpStatusCode.OK, (await Admin(before, cookie)).StatusCode);
        }

        // Put the database back as schema 0005 left it: the same keys, in the old table, version 6 not applied.
        await using (var context = DatabaseConfigurator.CreateContext(database.Settings))
        {
            var keys = await context.Database.SqlQueryRaw<KeyRow>("SELECT \"FriendlyName\", \"Xml\" FROM \"DataProtectionKeys\"").ToListAsync();
            Assert.NotEmpty(keys);
            await context.Database.ExecuteSqlRawAsync("DROP TABLE \"DataProtectionKeys\"");
            await context.Database.ExecuteSqlRawAsync(SysRift.Core.Data.SchemaMigrator.MigrationsFor(provider).Single(m => m.Version == 3).Sql);
            foreach (var key in keys)
                await context.Database.ExecuteSqlAsync($"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({key.FriendlyName}, {key.Xml})");
            await context.Database.ExecuteSqlRawAsync("DELETE FROM \"__SysRiftSchema\" WHERE \"Version\" = 6");
        }

        // Two nodes start on it; the first upgrades the schema. The old cookie opens the admin on both.
        await using var first = new SiteFactory(database, recipe: null);
        Assert.Equal(HttpStatusCode.OK, (await Admin(first, cookie)).StatusCode);
        await using var second = new SiteFactory(database, recipe: null);
        Assert.Equal(HttpStatusCode.OK, (await Admin(second, cookie)).StatusCode);
        Assert.Equal(SchemaMigrator.LatestVersion(provider), await SchemaMigrator.CurrentVersionAsync(database.Settings, CancellationToken.None));
        // And a stranger's cookie does not.
        Assert.Equal(HttpStatusCode.Redirect, (await Admin(second, ".AspNetCore.Identity.Application=forged")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Admin(SiteFactory site, string cookie)
    {
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private sealed record KeyRow(string FriendlyName, string Xml);
}
