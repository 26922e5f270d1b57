using Microsoft.Playwright;
using OtpNet;

namespace SysRift.Browser.Tests;

/// <summary>
/// Issue 17 as a person meets it in a real Chromium: set up two-factor sign-in with a code an authenticator app
/// would show (computed here), sign in with it and with a recovery code, be refused a used one, end another
/// session, and recover a locked account from the command line. Each browser is its own client address (as
/// nginx passes it), so the sign-in rate limit of one address is not what is tested.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountJourneyTests(BrowserSite site)
{
    private const string AdminPassword = "browser test passphrase";
    private const string AdaPassword = "ada's browser passphrase";

    [BrowserFact]
    public async Task A_user_enrols_in_two_factor_signs_in_with_codes_ends_a_session_and_is_recovered_from_the_command_line()
    {
        // An administrator adds ada, an editor.
        var admin = await site.PageAsync(1280, storageState: await site.AdminStateAsync("admin", AdminPassword));
        await admin.GotoAsync("/admin/users/new");
        await admin.Locator("#u-UserName").FillAsync("ada");
        await admin.Locator("#u-Email").FillAsync("ada@example.com");
        await admin.Locator("input[name=Roles][value=Editor]").CheckAsync();
        await admin.Locator("#u-Password").FillAsync(AdaPassword);
        await admin.Locator("#u-PasswordConfirmation").FillAsync(AdaPassword);
        await admin.Locator("button.primary").ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("User ada created");

        // ada enrols on her laptop: the key read off the page, the code her app would show.
        var laptop = await SignInAsync("198.51.100.1");
        await laptop.GotoAsync("/admin/account/two-factor");
        await Expect(laptop.Locator(".qr svg")).ToBeVisibleAsync();
        var key = (await laptop.Locator("#authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await laptop.Locator("#tf-code").FillAsync(Code(key));
        await laptop.Locator("button.primary").ClickAsync();
        await Expect(laptop.Locator("h1")).ToHaveTextAsync("Your recovery codes");
        var codes = await laptop.Locator("#recovery-codes code").AllTextContentsAsync();
        Assert.Equal(10, codes.Count);
        await Shot(laptop, "two-factor-recovery-codes");

        // On her phone: password, then the app's code.
        var phone = await SignInAsync("198.51.100.2");
        await Expect(phone.Locator("h1")).ToHaveTextAsync("Enter your code");
        await phone.Locator("#Code").FillAsync(Code(key));
        await phone.Locator("button[type=submit]").ClickAsync();
        await phone.WaitForURLAsync("**/admin");

        // On a borrowed computer: a recovery code, which then does not work a second time.
        var borrowed = await SignInAsync("198.51.100.3");
        await borrowed.GetByText("Lost your phone? Use a recovery code").ClickAsync();
        await borrowed.Locator("#Code").FillAsync(codes[0]);
        await borrowed.Locator("button[type=submit]").ClickAsync();
        await borrowed.WaitForURLAsync("**/admin");
        var thief = await SignInAsync("198.51.100.4");
        await thief.GetByText("Lost your phone? Use a recovery code").ClickAsync();
        await thief.Locator("#Code").FillAsync(codes[0]);
        await thief.Locator("button[type=submit]").ClickAsync();
        await Expect(thief.Locator("#login-error")).ToBeVisibleAsync();
        Assert.EndsWith("/login/code", new Uri(thief.Url).AbsolutePath, StringComparison.Ordinal);

        // From the laptop, ada sees three sessions and ends the others; the phone is signed out at its next request.
        await laptop.GotoAsync("/admin/account/sessions");
        await Expect(laptop.Locator("tr[data-session]")).ToHaveCountAsync(3);
        await Expect(laptop.Locator("tr[data-session]", new PageLocatorOptions { HasText = "this browser" })).ToContainTextAsync("198.51.100.1");
        await Shot(laptop, "sessions");
        await laptop.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "End every other session" }).ClickAsync();
        await Expect(laptop.Locator("tr[data-session]")).ToHaveCountAsync(1);
        await phone.GotoAsync("/admin");
        Assert.Contains("/login", phone.Url, StringComparison.Ordinal);
        await laptop.GotoAsync("/admin");
        await Expect(laptop.Locator("h1")).ToHaveTextAsync("Dashboard");

        // Someone guesses ada's password from her own office address until it is refused there; the operator
        // lifts it from the command line and ada (with her code) gets in.
        var office = await site.PageAsync(1280, clientAddress: "198.51.100.5");
        for (var i = 0; i < 5; i++) await TryPasswordAsync(office, "a wrong guess");
        await TryPasswordAsync(office, AdaPassword);
        await Expect(office.Locator("#login-error")).ToBeVisibleAsync();
        var list = await site.CommandLineAsync("user", "list");
        Assert.Equal(0, list.Exit);
        Assert.Matches(@"ada\t[^\n]*locked until [^\n]*198\.51\.100\.5[^\n]*2fa: on", list.Output);
        Assert.Equal(0, (await site.CommandLineAsync("user", "unlock", "ada")).Exit);
        await TryPasswordAsync(office, AdaPassword);
        await office.Locator("#Code").FillAsync(Code(key));
        await office.Locator("button[type=submit]").ClickAsync();
        await office.WaitForURLAsync("**/admin");
    }

    private async Task<IPage> SignInAsync(string address)
    {
        var page = await site.PageAsync(1280, clientAddress: address);
        await TryPasswordAsync(page, AdaPassword);
        return page;
    }

    private static async Task TryPasswordAsync(IPage page, string password)
    {
        await page.GotoAsync("/login?returnUrl=/admin");
        await page.Locator("#UserName").FillAsync("ada");
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>The code an authenticator app shows now (RFC 6238).</summary>
    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Tools.ArtifactsFolder, name + ".png"), FullPage = true });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
