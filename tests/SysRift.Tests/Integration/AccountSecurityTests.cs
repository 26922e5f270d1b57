using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using SysRift.Core.Data;
using SysRift.Core.Security;
using Controllers = SysRift.Admin.Controllers;

namespace SysRift.Tests.Integration;

/// <summary>
/// Issue 17: two-factor sign-in (enrolment with a real TOTP code, recovery codes used once, required per role),
/// sessions a user sees and ends (on every node), and a throttle that keeps an attacker who knows the user name
/// from locking the owner out. Client addresses are given as X-Forwarded-For, as nginx in front of the site does.
/// </summary>
public sealed class AccountSecurityTests
{
    private const string Owner = "198.51.100.7";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Enrol_sign_in_with_a_code_and_with_a_recovery_code_that_works_once_then_turn_it_off(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);

        var (key, codes) = await EnrolAsync(admin);
        Assert.Equal(TwoFactor.RecoveryCodeCount, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/content")).StatusCode);

        // Sign-in now asks for the code after the password.
        var browser = Client(site, Owner);
        var password = await AdminAccessTests.SignInAsync(browser, SiteFactory.AdminUserName, SiteFactory.AdminPassword, "/admin/system");
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/login/code", AdminSession.Target(password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
        var wrong = await CodeAsync(browser, "000000" == Code(key) ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(Controllers.AccountController.CodeFailureMessage, (await SiteFactory.ParseAsync(wrong)).QuerySelector("#login-error")!.TextContent);
        var signedIn = await CodeAsync(browser, Code(key), page: AdminSession.Target(password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/system", AdminSession.Target(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/system")).StatusCode);

        // A recovery code signs in once; the same code again is refused. (From another address: each address has
        // ten sign-in posts a minute.)
        const string Phone = "198.51.100.20";
        var lostPhone = Client(site, Phone);
        await AdminAccessTests.SignInAsync(lostPhone, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(lostPhone, codes[3], recovery: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lostPhone.GetAsync("/admin")).StatusCode);
        var again = Client(site, Phone);
        await AdminAccessTests.SignInAsync(again, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CodeAsync(again, codes[3], recovery: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/admin")).StatusCode);
        Assert.Contains("9", (await admin.PageAsync("/admin/account/two-factor")).QuerySelector("#recovery-codes-left")!.TextContent, StringComparison.Ordinal);

        // New recovery codes replace the old ones.
        var replaced = await admin.SubmitAsync(await admin.PageAsync("/admin/account/two-factor"), "form[action$='/recovery-codes']");
        var newCodes = (await SiteFactory.ParseAsync(replaced)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(TwoFactor.RecoveryCodeCount, newCodes.Count);
        var old = Client(site, Phone);
        await AdminAccessTests.SignInAsync(old, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CodeAsync(old, codes[0], recovery: true)).StatusCode);
        // Typed as a person might: lower case, a space instead of the hyphen.
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(old, newCodes[0].ToLowerInvariant().Replace('-', ' '), recovery: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/admin")).StatusCode);

        // Turning it off needs the password.
        var status = await admin.PageAsync("/admin/account/two-factor");
        var refused = await admin.SubmitAsync(status, "form[action$='/disable']", new Dictionary<string, string> { ["password"] = "not my password" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await SiteFactory.ParseAsync(refused)).QuerySelector(".field--invalid #tf-password"));
        var off = await admin.SubmitAsync(status, "form[action$='/disable']", new Dictionary<string, string> { ["password"] = SiteFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin")).StatusCode);
        var plain = await AdminAccessTests.SignInAsync(Client(site, Owner), SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.True(AdminSession.Target(plain) == "/admin", $"{(int)plain.StatusCode} {(await SiteFactory.ParseAsync(plain)).QuerySelector("#login-error")?.TextContent}");
        // The old key was discarded: setting it up again shows a new one.
        Assert.NotEqual(key, KeyOf(await admin.PageAsync("/admin/account/two-factor")));

        var trail = await AuditActionsAsync(site);
        foreach (var action in new[] { "TwoFactorEnabled", "TwoFactorDisabled", "SignIn", "SignInFailed" }) Assert.Contains(action, trail);
        Assert.Contains(await site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().AuditEntries.Where(a => a.Action == "SignIn").Select(a => a.Details).ToListAsync()),
            d => d!.Contains("with a recovery code (9 left)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_first_code_does_not_turn_two_factor_on()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var admin = await AdminSession.SignInAsync(site);
        var setup = await admin.PageAsync("/admin/account/two-factor");
        var key = KeyOf(setup);
        Assert.NotNull(setup.QuerySelector(".qr svg"));
        var wrong = await admin.SubmitAsync(setup, "form[action$='/enable']", new Dictionary<string, string> { ["code"] = Code(key) == "123456" ? "654321" : "123456" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await SiteFactory.ParseAsync(wrong);
        Assert.NotNull(page.QuerySelector(".field--invalid #tf-code"));
        // The key stays the same until enrolment succeeds: a QR code scanned already still works.
        Assert.Equal(key, KeyOf(page));
        Assert.False(await site.InScopeAsync(async s => (await s.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(SiteFactory.AdminUserName))!.TwoFactorEnabled));
    }

    [Fact]
    public async Task A_role_that_requires_two_factor_sends_its_members_to_set_it_up_first()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        await AdminSession.CreateUserAsync(site, "ed", "ed's own passphrase", SiteRoles.Editor);
        var ed = await AdminSession.SignInAsync(site, "ed", "ed's own passphrase");
        Assert.Equal(HttpStatusCode.OK, (await ed.Client.GetAsync("/admin/content")).StatusCode);

        var admin = await AdminSession.SignInAsync(site);
        var role = await admin.PageAsync("/admin/roles/Editor");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(role, "form.editor", new Dictionary<string, string> { ["RequireTwoFactor"] = "true" })).StatusCode);
        Assert.Contains("Required", (await admin.PageAsync("/admin/roles")).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        // ed's next request, in the session already open: enrolment and nothing else.
        var sent = await ed.Client.GetAsync("/admin/content");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/admin/account/two-factor", AdminSession.Target(sent));
        var (key, _) = await EnrolAsync(ed);
        Assert.Equal(HttpStatusCode.OK, (await ed.Client.GetAsync("/admin/content")).StatusCode);

        // The role's requirement cannot be switched off by the member.
        Assert.Null((await ed.PageAsync("/admin/account/two-factor")).QuerySelector("form[action$='/disable']"));
        var refused = await ed.PostAsync("/admin/account/two-factor/disable", [new("password", "ed's own passphrase")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.True(await site.InScopeAsync(async s => (await s.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync("ed"))!.TwoFactorEnabled));
        // And the next sign-in asks for the code.
        var next = Client(site, Owner);
        Assert.StartsWith("/login/code", AdminSession.Target(await AdminAccessTests.SignInAsync(next, "ed", "ed's own passphrase")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(next, Code(key))).StatusCode);
        Assert.Contains("TwoFactorRequired", await AuditActionsAsync(site));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_user_sees_their_sessions_and_ending_one_signs_it_out_on_every_node(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new SiteFactory(database, recipe: "blank");
        var laptop = Client(first, Owner, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccessTests.SignInAsync(laptop, SiteFactory.AdminUserName, SiteFactory.AdminPassword)).StatusCode);
        var phone = Client(first, "203.0.113.40", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36");
        var phoneSignIn = await AdminAccessTests.SignInAsync(phone, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var phoneCookie = phoneSignIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        // The phone's cookie is also used through a second node on the same database.
        var secondData = Directory.CreateTempSubdirectory("sysrift-node2-").FullName;
        await using var second = new SiteFactory(database, recipe: null, settings: new Dictionary<string, string?> { ["SysRift:DataPath"] = secondData });
        async Task<HttpStatusCode> PhoneOnSecondNodeAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", phoneCookie);
            return (await second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await PhoneOnSecondNodeAsync());

        var session = new AdminSession(first, laptop);
        var list = await session.PageAsync("/admin/account/sessions");
        var rows = list.QuerySelectorAll("tr[data-session]").ToList();
        Assert.Equal(2, rows.Count);
        var mine = rows.Single(r => r.TextContent.Contains("this browser", StringComparison.Ordinal));
        Assert.Contains("Firefox on Linux", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains(Owner, mine.TextContent, StringComparison.Ordinal);
        var other = rows.Single(r => r != mine);
        Assert.Contains("Chrome on Android", other.TextContent, StringComparison.Ordinal);
        Assert.Contains("203.0.113.40", other.TextContent, StringComparison.Ordinal);

        var ended = await session.SubmitAsync(list, $"tr[data-session='{other.GetAttribute("data-session")}'] form");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        // Signed out at the next request, on the node that did not end it too.
        Assert.Equal(HttpStatusCode.Redirect, await PhoneOnSecondNodeAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);
        Assert.Single((await session.PageAsync("/admin/account/sessions")).QuerySelectorAll("tr[data-session]"));

        // An administrator ends every session of a user.
        await AdminSession.CreateUserAsync(first, "ed", "ed's own passphrase", SiteRoles.Editor);
        var ed = await AdminSession.SignInAsync(first, "ed", "ed's own passphrase");
        var edId = await first.InScopeAsync(async s => (await s.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync("ed"))!.Id);
        var edPage = await session.PageAsync($"/admin/users/{edId}");
        Assert.Single(edPage.QuerySelectorAll("tr[data-session]"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync(edPage, $"form[action='/admin/users/{edId}/sessions/end']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ed.Client.GetAsync("/admin/content")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);
        Assert.Contains("SessionsEnded", await AuditActionsAsync(first));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task An_attacker_who_knows_the_user_name_cannot_keep_the_owner_out(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        // The owner has signed in from home before.
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccessTests.SignInAsync(Client(site, Owner), SiteFactory.AdminUserName, SiteFactory.AdminPassword)).StatusCode);

        // One address guessing: it locks out only itself, even when it then has the right password.
        var attacker = Client(site, "203.0.113.66");
        for (var i = 0; i < SignInThrottle.PerAddress; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AdminAccessTests.SignInAsync(attacker, SiteFactory.AdminUserName, $"guess {i}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdminAccessTests.SignInAsync(attacker, SiteFactory.AdminUserName, SiteFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccessTests.SignInAsync(Client(site, Owner), SiteFactory.AdminUserName, SiteFactory.AdminPassword)).StatusCode);

        // Guessing spread over many addresses: a password alone is no longer enough from a new address...
        for (var i = 0; i < SignInThrottle.UnderAttack; i++)
            await AdminAccessTests.SignInAsync(Client(site, $"192.0.2.{i + 1}"), SiteFactory.AdminUserName, $"guess {i}");
        var failure = await AdminAccessTests.SignInAsync(Client(site, "203.0.113.200"), SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(Controllers.AccountController.FailureMessage, (await SiteFactory.ParseAsync(failure)).QuerySelector("#login-error")!.TextContent);
        // ...but the owner still gets in from the address they are known at,
        var home = Client(site, Owner);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccessTests.SignInAsync(home, SiteFactory.AdminUserName, SiteFactory.AdminPassword)).StatusCode);

        // ...and, with two-factor sign-in, from anywhere: the right password and a valid code.
        var (key, _) = await EnrolAsync(new AdminSession(site, home));
        var travelling = Client(site, "203.0.113.201");
        Assert.StartsWith("/login/code", AdminSession.Target(await AdminAccessTests.SignInAsync(travelling, SiteFactory.AdminUserName, SiteFactory.AdminPassword)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(travelling, Code(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await travelling.GetAsync("/admin")).StatusCode);

        // The operator sees which address is refused, and can lift it.
        var adminPage = await new AdminSession(site, home).PageAsync("/admin/users/" + await site.InScopeAsync(async s => (await s.GetRequiredService<UserManager<IdentityUser>>().FindByNameAsync(SiteFactory.AdminUserName))!.Id));
        Assert.Contains("203.0.113.66", adminPage.QuerySelector("#sign-in-locks")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_factor_codes_are_throttled_per_address()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var (key, _) = await EnrolAsync(await AdminSession.SignInAsync(site));
        var guesser = Client(site, "203.0.113.9");
        await AdminAccessTests.SignInAsync(guesser, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var wrong = Code(key) == "000000" ? "111111" : "000000";
        for (var i = 0; i < SignInThrottle.PerAddress; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await CodeAsync(guesser, wrong)).StatusCode);
        // Now even the right code is refused from that address; the owner's own address is not affected.
        Assert.Equal(HttpStatusCode.Unauthorized, (await CodeAsync(guesser, Code(key))).StatusCode);
        var owner = Client(site, Owner);
        await AdminAccessTests.SignInAsync(owner, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(owner, Code(key))).StatusCode);
    }

    [Fact]
    public async Task A_remembered_browser_is_not_asked_for_a_code_until_it_is_forgotten()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var (key, _) = await EnrolAsync(await AdminSession.SignInAsync(site));
        var browser = Client(site, Owner);
        await AdminAccessTests.SignInAsync(browser, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var page = await SiteFactory.ParseAsync(await browser.GetAsync("/login/code"));
        var remembered = await browser.PostAsync("/login/code", new FormUrlEncodedContent(AdminSession.FormValues(page.QuerySelector("form[action='/login/code']")!,
            new Dictionary<string, string> { ["Code"] = Code(key), ["RememberBrowser"] = "true" })));
        Assert.Equal(HttpStatusCode.Redirect, remembered.StatusCode);

        var session = new AdminSession(site, browser);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync("/logout")).StatusCode);
        Assert.Equal("/admin", AdminSession.Target(await AdminAccessTests.SignInAsync(browser, SiteFactory.AdminUserName, SiteFactory.AdminPassword)));
        // Another browser is still asked.
        Assert.StartsWith("/login/code", AdminSession.Target(await AdminAccessTests.SignInAsync(Client(site, Owner), SiteFactory.AdminUserName, SiteFactory.AdminPassword)), StringComparison.Ordinal);

        var status = await session.PageAsync("/admin/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, (await session.SubmitAsync(status, "form[action$='/forget-browser']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostAsync("/logout")).StatusCode);
        Assert.StartsWith("/login/code", AdminSession.Target(await AdminAccessTests.SignInAsync(browser, SiteFactory.AdminUserName, SiteFactory.AdminPassword)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_factor_can_be_required_for_every_role_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        await AdminSession.CreateUserAsync(site, "author", "an author's passphrase", SiteRoles.Author);
        var admin = await AdminSession.SignInAsync(site);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(await admin.PageAsync("/admin/roles"), "form[action='/admin/roles/require-two-factor']")).StatusCode);
        var required = await site.InScopeAsync(async s =>
        {
            var roleManager = s.GetRequiredService<RoleManager<IdentityRole>>();
            var all = await roleManager.Roles.ToListAsync();
            var flags = new List<bool>();
            foreach (var role in all) flags.Add((await roleManager.GetClaimsAsync(role)).Any(c => c.Type == TwoFactor.RequiredClaimType));
            return flags;
        });
        Assert.Equal(3, required.Count);
        Assert.All(required, Assert.True);
        // The administrator who did it is sent to set it up at the next request, and the author at sign-in.
        Assert.Equal("/admin/account/two-factor", AdminSession.Target(await admin.Client.GetAsync("/admin/users")));
        var author = await AdminSession.SignInAsync(site, "author", "an author's passphrase");
        Assert.Equal("/admin/account/two-factor", AdminSession.Target(await author.Client.GetAsync("/admin")));
    }

    public static HttpClient Client(SiteFactory site, string address, string? userAgent = null)
    {
        var client = site.Browser();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        if (userAgent is not null) client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>Sets up two-factor sign-in as a person would: reads the key off the page, types the app's code.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(AdminSession session)
    {
        var setup = await session.PageAsync("/admin/account/two-factor");
        var key = KeyOf(setup);
        var enabled = await session.SubmitAsync(setup, "form[action$='/enable']", new Dictionary<string, string> { ["code"] = Code(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await SiteFactory.ParseAsync(enabled)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        return (key, codes);
    }

    private static string KeyOf(IHtmlDocument setup) => setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The code an authenticator app shows now (RFC 6238, as Otp.NET computes it).</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>Fills the code form at <paramref name="page"/> (where the password step redirected to).</summary>
    public static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code, bool recovery = false, string page = "/login/code")
    {
        var form = await SiteFactory.ParseAsync(await client.GetAsync(page + (recovery ? (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "recovery=true" : "")));
        var element = form.QuerySelector("form[action='/login/code']") ?? throw new InvalidOperationException("No code form: " + form.Title);
        return await client.PostAsync("/login/code", new FormUrlEncodedContent(AdminSession.FormValues(element, new Dictionary<string, string> { ["Code"] = code })));
    }

    private static Task<List<string>> AuditActionsAsync(SiteFactory site) =>
        site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().AuditEntries.Select(a => a.Action).ToListAsync());
}
