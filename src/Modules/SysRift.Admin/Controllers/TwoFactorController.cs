using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Security;
using SysRift.Core.Site;

namespace SysRift.Admin.Controllers;

/// <summary>
/// One's own two-factor sign-in, on Identity's authenticator (TOTP) support: set up with a QR code or the key
/// typed in, confirmed by a first code; ten recovery codes shown once; new codes; turned off with the password.
/// Turning it on or off moves the security stamp: other sessions end, this one is renewed.
/// </summary>
[Route("admin/account/two-factor"), RequirePermission(Permissions.AccessAdmin)]
public sealed class TwoFactorController(UserManager<IdentityUser> users, IUserStore<IdentityUser> store, SiteSignInManager signIn, UserSessions sessions, SiteSettingsService settings, AuditTrail audit)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Forbid();
        if (!user.TwoFactorEnabled) return await SetupPageAsync(user, error: null);
        return View(new TwoFactorStatusViewModel(await users.CountRecoveryCodesAsync(user), TwoFactor.IsRequired(User), await signIn.IsTwoFactorClientRememberedAsync(user), Message, null));
    }

    [HttpPost("enable")]
    public async Task<IActionResult> Enable([FromForm] string? code, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Forbid();
        if (user.TwoFactorEnabled) return RedirectWithMessage("/admin/account/two-factor", "Two-factor sign-in is already on.");
        var cleaned = TwoFactor.Clean(code);
        if (cleaned.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
            return await SetupPageAsync(user, cleaned.Length == 0 ? "Enter the six-digit code your app shows." : "That code is not right. Check the time on your phone, and enter the code it shows now.");

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))!.ToList();
        var ended = await EndOtherSessionsAsync(user, "two-factor sign-in turned on", cancellationToken);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Account, "TwoFactorEnabled", user.Id, user.UserName,
            $"Authenticator app set up; {codes.Count} recovery codes issued; {ended} other session(s) ended.", cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes, "Two-factor sign-in is on."));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Forbid();
        if (!user.TwoFactorEnabled) return RedirectWithMessage("/admin/account/two-factor", "Set up two-factor sign-in first.");
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))!.ToList();
        await audit.RecordAsync(UserName, AuditTrail.Categories.Account, "RecoveryCodesReplaced", user.Id, user.UserName, "The old recovery codes no longer work.", cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesViewModel(codes, "New recovery codes: the old ones no longer work."));
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable([FromForm] string? password, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Forbid();
        if (!user.TwoFactorEnabled) return RedirectWithMessage("/admin/account/two-factor", "Two-factor sign-in is already off.");
        string? error = TwoFactor.IsRequired(User) ? "Your role requires two-factor sign-in: it cannot be turned off."
            : string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password) ? "Enter your password to turn two-factor sign-in off."
            : null;
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", new TwoFactorStatusViewModel(await users.CountRecoveryCodesAsync(user), TwoFactor.IsRequired(User), await signIn.IsTwoFactorClientRememberedAsync(user), null, error));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Zero new codes: the old ones are replaced by none.
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.ForgetTwoFactorClientAsync();
        var ended = await EndOtherSessionsAsync(user, "two-factor sign-in turned off", cancellationToken);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Account, "TwoFactorDisabled", user.Id, user.UserName,
            $"Turned off after the password was entered; the authenticator key and recovery codes were discarded; {ended} other session(s) ended.", cancellationToken);
        return RedirectWithMessage("/admin/account/two-factor", "Two-factor sign-in is off.");
    }

    [HttpPost("forget-browser")]
    public async Task<IActionResult> ForgetBrowser(CancellationToken cancellationToken)
    {
        await signIn.ForgetTwoFactorClientAsync();
        await audit.RecordAsync(UserName, AuditTrail.Categories.Account, "TwoFactorBrowserForgotten", details: "This browser asks for a code again.", cancellationToken: cancellationToken);
        return RedirectWithMessage("/admin/account/two-factor", "This browser will ask for a code at the next sign-in.");
    }

    /// <summary>The key stays the same until enrolment succeeds, so a QR code scanned earlier still works.</summary>
    private async Task<IActionResult> SetupPageAsync(IdentityUser user, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Stored without moving the security stamp (ResetAuthenticatorKeyAsync would): a key not yet confirmed
            // protects nothing, and opening this page must not sign the user out everywhere else.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<IdentityUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }

        var issuer = (await settings.GetAsync()).SiteName;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        if (error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Setup", new TwoFactorSetupViewModel(Grouped(key), uri, svg, TwoFactor.IsRequired(User), Message, error));
    }

    private async Task<int> EndOtherSessionsAsync(IdentityUser user, string reason, CancellationToken cancellationToken)
    {
        await signIn.RefreshSignInAsync(user);
        return await sessions.EndAllAsync(user.Id, reason, except: User.FindFirst(UserSessions.ClaimType)?.Value, cancellationToken);
    }

    // "JBSW Y3DP EHPK 3PXP": easier to type from the screen.
    private static string Grouped(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
