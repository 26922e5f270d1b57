using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json.Nodes;
using SysRift.Contents.Items;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>Two nodes, one PostgreSQL database: what one node publishes, the other serves within a second.</summary>
public sealed class MultiNodeTests
{
    [Theory, PostgresData]
    public async Task A_publish_on_one_node_is_served_by_the_other_within_a_second(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "sysrift");
        var firstClient = first.Browser();
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/health/ready")).StatusCode);

        // The second node has its own data folder; it finds the set-up site in the shared database.
        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        var secondClient = second.Browser();
        Assert.Contains("I build systems to understand them.", await secondClient.GetStringAsync("/"), StringComparison.Ordinal); // now cached on node 2
        await Task.Delay(300); // the listener is connected once the node has served

        await first.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var home = (await manager.GetAsync("homepage"))!;
            home.GetOrCreatePart("HomePage")["Headline"] = new JsonObject { ["Text"] = "Published on node one." };
            Assert.True((await manager.SaveAsync(home, publish: true, null, "editor")).Succeeded);
        });

        var clock = Stopwatch.StartNew();
        while (!(await secondClient.GetStringAsync("/")).Contains("Published on node one.", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "node two still serves the old page after 1 s");
            await Task.Delay(20);
        }
    }
}

public sealed class DataProtectionTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Nodes_share_one_key_ring_from_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "blank");
        first.CreateClient().Dispose();
        var secret = first.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test").Protect("shared across nodes");

        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        second.CreateClient().Dispose();
        var unprotected = second.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test").Unprotect(secret);

        Assert.Equal("shared across nodes", unprotected);
        // Both nodes run on this machine, where a key folder in the home directory would also be shared:
        // the key must be in the database itself.
        await using var context = DatabaseConfigurator.CreateContext(database.Settings);
        var stored = await context.Database.SqlQueryRaw<string>("SELECT \"Xml\" AS \"Value\" FROM \"DataProtectionKeys\"").ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml => Assert.Contains("<key ", xml, StringComparison.Ordinal));
    }
}

public sealed class CrossNodeSignInTests
{
    [Theory, PostgresData]
    public async Task A_sign_in_made_on_one_node_is_accepted_by_the_other(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "blank");
        var signIn = await AdminAccessTests.SignInAsync(first.Browser(), SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        var client = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/system");
        request.Headers.Add("Cookie", cookie);

        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Postgres", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
