using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

public sealed class WebSecurityTests
{
    [Fact]
    public async Task Every_response_carries_the_security_headers_and_a_csp_without_unsafe_inline()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var client = site.Browser();
        foreach (var path in new[] { "/", "/", "/about", "/articles/why-distributed-systems-fail", "/search?q=state", "/feed.xml", "/login", "/admin", "/health/ready", "/metrics", "/nope", "/_content/SysRift.Theme/css/site.css" })
        {
            var response = await client.GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy"));
            Assert.NotEmpty(response.Headers.GetValues("Permissions-Policy"));
        }
    }

    [Fact]
    public async Task Every_state_changing_endpoint_refuses_a_request_without_an_antiforgery_token()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var client = site.Browser();
        // Signed in as the administrator, so authorization passes and only the missing token can refuse.
        await AdminAccessTests.SignInAsync(client, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var posts = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => "/" + RouteWalk.Fill(e.RoutePattern.RawText ?? "", _ => "x"))
            .Distinct().ToList();
        Assert.Contains("/login", posts);
        Assert.Contains("/logout", posts);
        Assert.Contains("/setup", posts);

        foreach (var path in posts)
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = SiteFactory.AdminPassword }));
            // 400: the antiforgery check refused it; 404: /setup is gone once the site is set up.
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"POST {path} answered {(int)response.StatusCode}");
        }

        // Anonymous, a sign-in without a token is refused before the password is even looked at.
        var anonymous = site.Browser();
        var signIn = await anonymous.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = SiteFactory.AdminPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.DoesNotContain(signIn.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_and_search_are_rate_limited_per_client()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var client = site.Browser();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await AdminAccessTests.SignInAsync(client, "nobody", "wrong password")).StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[11]);

        var search = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++) search.Add((await client.GetAsync($"/search?q=x{i}")).StatusCode);
        Assert.All(search.Take(60), s => Assert.Equal(HttpStatusCode.OK, s));
        var limited = await client.GetAsync("/search?q=again");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
    }
}
