using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Diagnostics;

namespace SysRift.Admin.Controllers;

/// <summary>
/// Sign-in and sign-out. One message for every failure (wrong name, wrong password, locked out), so the
/// form does not tell an attacker which user names exist; lockout after repeated failures.
/// </summary>
[AllowAnonymous]
public sealed class AccountController(SignInManager<IdentityUser> signIn, SiteMetrics metrics, AuditTrail audit, ILogger<AccountController> logger) : Controller
{
    /// <summary>
    /// Every failed sign-in takes at least this long. Without it an unknown name (no hash to check) or a locked
    /// account (refused before the hash) answers faster than a wrong password, which tells which names exist.
    /// </summary>
    public static readonly TimeSpan FailureFloor = TimeSpan.FromMilliseconds(400);

    public const string FailureMessage = "The user name or password is not right, or the account is locked for a while after too many attempts.";

    [HttpGet("/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });

    [HttpPost("/login"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginViewModel form)
    {
        form.ReturnUrl = SafeReturnUrl(form.ReturnUrl);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
            return Failed(form, "Enter your user name and password.");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in of {UserName}", form.UserName.Trim());
            await audit.RecordAsync(form.UserName.Trim(), AuditTrail.Categories.Account, "SignIn", details: $"From {HttpContext.Connection.RemoteIpAddress}");
            return LocalRedirect(form.ReturnUrl);
        }

        metrics.SignInFailed();
        logger.LogWarning("Failed sign-in for {UserName}{LockedOut}", form.UserName.Trim(), result.IsLockedOut ? " (locked out)" : "");
        await audit.RecordAsync(null, AuditTrail.Categories.Account, result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", form.UserName.Trim(), form.UserName.Trim(), $"From {HttpContext.Connection.RemoteIpAddress}");
        if (started.Elapsed < FailureFloor) await Task.Delay(FailureFloor - started.Elapsed);
        return Failed(form, FailureMessage);
    }

    [HttpPost("/logout"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            // Deleting the cookie in this browser is not enough: a copy of it would still open the admin. A new
            // security stamp makes every cookie issued before it invalid on its next request, on every node.
            if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(User.Identity.Name, AuditTrail.Categories.Account, "SignOut", details: "Every session of this user ended.");
        }

        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    private ViewResult Failed(LoginViewModel form, string message)
    {
        form.Password = "";
        form.Error = message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return View("Login", form);
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
