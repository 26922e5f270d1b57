using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Diagnostics;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>
/// Sign-in (password, then the second factor for users who have it) and sign-out. One message for every failure
/// of a step (wrong name, wrong password, a refused address), and one floor of time, so the form tells an
/// attacker nothing about which names exist. Failures are throttled per account and address (SignInThrottle),
/// never by locking the account for everyone.
/// </summary>
[AllowAnonymous]
public sealed class AccountController(SiteSignInManager signIn, SignInThrottle throttle, UserSessions sessions, SiteMetrics metrics, AuditTrail audit,
    ILogger<AccountController> logger) : Controller
{
    /// <summary>
    /// Every failed sign-in takes at least this long. Without it an unknown name (no hash to check) or a refused
    /// address (refused before the hash) answers faster than a wrong password, which tells which names exist.
    /// </summary>
    public static readonly TimeSpan FailureFloor = TimeSpan.FromMilliseconds(400);

    public const string FailureMessage = "The user name or password is not right, or sign-in is paused for a while after too many attempts.";
    public const string CodeFailureMessage = "That code is not right, or sign-in is paused for a while after too many attempts.";

    [HttpGet("/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("/login"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginViewModel form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return Failed(form, "Enter your user name and password.");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var name = form.UserName.Trim();
        var address = SessionCookie.ClientAddress(HttpContext);
        var verdict = await throttle.CheckAsync(name, address);
        var user = verdict.AddressBlocked ? null : await signIn.UserManager.FindByNameAsync(name);
        var refusal = verdict.AddressBlocked ? "too many failures from this address"
            : user is null ? "no such user"
            : !(await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: false)).Succeeded ? "wrong password"
            // Guessing spread over many addresses: a password alone is taken only from an address the user is known at.
            : verdict.AccountUnderAttack && !user.TwoFactorEnabled && !await sessions.IsKnownAddressAsync(user.Id, address) ? "many failures for this account; a password alone is not enough from a new address"
            : null;
        if (refusal is not null)
        {
            if (!verdict.AddressBlocked) await throttle.RecordFailureAsync(name, address, SignInThrottle.Steps.Password);
            await FailureAsync(name, address, refusal, started);
            return Failed(form, FailureMessage);
        }

        await throttle.ClearAsync(name, address, SignInThrottle.Steps.Password);
        var result = await signIn.SignInAfterPasswordAsync(user!);
        if (result.RequiresTwoFactor) return LocalRedirect("/login/code?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl));
        if (!result.Succeeded)
        {
            await FailureAsync(name, address, "sign-in not allowed", started);
            return Failed(form, FailureMessage);
        }

        await SignedInAsync(user!, address, "with a password");
        return LocalRedirect(form.ReturnUrl);
    }

    [HttpGet("/login/code")]
    public async Task<IActionResult> Code(string? returnUrl, bool recovery = false) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect("/login?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl)))
            : View(new TwoFactorLoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl), Recovery = recovery });

    /// <summary>The second step: a code from the authenticator app, or one of the recovery codes (each works once).</summary>
    [HttpPost("/login/code"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Code(TwoFactorLoginViewModel form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        // The password step is remembered for five minutes (Identity's two-factor cookie); after that, start again.
        if (user is null) return LocalRedirect("/login?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl));
        var code = form.Recovery ? TwoFactor.CleanRecoveryCode(form.Code) : TwoFactor.Clean(form.Code);
        if (code.Length == 0) return Failed(form, "Enter the code.");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var address = SessionCookie.ClientAddress(HttpContext);
        var name = user.UserName!;
        var blocked = (await throttle.CheckAsync(name, address)).AddressBlocked;
        var result = blocked ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : form.Recovery ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: form.RememberBrowser);
        if (!result.Succeeded)
        {
            if (!blocked) await throttle.RecordFailureAsync(name, address, SignInThrottle.Steps.Code);
            await FailureAsync(name, address, blocked ? "too many failures from this address" : form.Recovery ? "wrong or used recovery code" : "wrong authenticator code", started);
            return Failed(form, CodeFailureMessage);
        }

        await throttle.ClearAsync(name, address);
        var how = form.Recovery
            ? $"with a recovery code ({await signIn.UserManager.CountRecoveryCodesAsync(user)} left)"
            : "with an authenticator code" + (form.RememberBrowser ? "; this browser is remembered for two-factor sign-in" : "");
        await SignedInAsync(user, address, how);
        return LocalRedirect(form.ReturnUrl);
    }

    [HttpPost("/logout"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        // Signing out ends this session's row (SessionCookie): a copy of the cookie stops working with it, on every node.
        if (User.Identity?.IsAuthenticated == true)
            await audit.RecordAsync(User.Identity.Name, AuditTrail.Categories.Account, "SignOut", details: "This session ended.");
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    private async Task SignedInAsync(IdentityUser user, string address, string how)
    {
        logger.LogInformation("Sign-in of {UserName} from {Address} {How}", user.UserName, address, how);
        await audit.RecordAsync(user.UserName, AuditTrail.Categories.Account, "SignIn", user.Id, user.UserName, $"From {address} {how}.");
    }

    private async Task FailureAsync(string name, string address, string reason, System.Diagnostics.Stopwatch started)
    {
        metrics.SignInFailed();
        logger.LogWarning("Failed sign-in for {UserName} from {Address}: {Reason}", name, address, reason);
        await audit.RecordAsync(null, AuditTrail.Categories.Account, "SignInFailed", name, name, $"From {address}: {reason}.");
        // A timer can fire a millisecond early (Task.Delay rounds down to whole milliseconds): wait until the floor has truly passed.
        while (started.Elapsed < FailureFloor) await Task.Delay(FailureFloor - started.Elapsed + TimeSpan.FromMilliseconds(1));
    }

    private ViewResult Failed(LoginViewModel form, string message)
    {
        form.Password = "";
        form.Error = message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return View("Login", form);
    }

    private ViewResult Failed(TwoFactorLoginViewModel form, string message)
    {
        form.Code = "";
        form.Error = message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return View("Code", form);
    }

    /// <summary>Only a path on this site ("/admin/..."), never another host ("//evil", "https://...", "/\evil").</summary>
    /// <remarks>Characters outside ASCII are percent-encoded: a Location header can carry nothing else.</remarks>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains("://", StringComparison.Ordinal) && url.All(c => !char.IsControl(c))
            ? EncodeNonAscii(url)
            : "/admin";

    // Uri escapes what a header cannot carry (IRI to URI); the path and query are otherwise kept as given.
    private static string EncodeNonAscii(string url)
    {
        if (url.All(char.IsAscii)) return url;
        var escaped = new Uri(new Uri("http://site.invalid"), url);
        return escaped.PathAndQuery + escaped.Fragment;
    }
}
