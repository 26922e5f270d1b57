using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Security;

namespace SysRift.Admin.Security;

/// <summary>
/// Ties the sign-in cookie to a row of <see cref="UserSessions"/>: a sign-in starts a session, each request checks
/// it is still active (after Identity's security stamp check), and a sign-out ends it.
/// </summary>
public static class SessionCookie
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Events.OnSigningIn = SigningInAsync;
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnSigningOut = SigningOutAsync;
    }

    /// <summary>
    /// Identity rebuilds the principal when the user changed (SiteSecurityStampValidator) and when a sign-in is refreshed (a password change):
    /// the session id and how the user signed in ("amr": pwd or mfa) are carried over.
    /// </summary>
    public static void CarryOver(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is not ClaimsIdentity identity || context.CurrentPrincipal is null) return;
        foreach (var type in new[] { UserSessions.ClaimType, "amr" })
        {
            if (!identity.HasClaim(c => c.Type == type) && context.CurrentPrincipal.FindFirst(type) is { } claim) identity.AddClaim(new Claim(type, claim.Value));
        }
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static UserSessions Sessions(HttpContext context) => context.RequestServices.GetRequiredService<UserSessions>();

    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == UserSessions.ClaimType)) return;
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null) return;
        // A refreshed sign-in (the same user, already in a session) stays that session; anything else starts one.
        var current = context.HttpContext.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId && current.FindFirstValue(UserSessions.ClaimType) is { } existing
            ? existing
            : await Sessions(context.HttpContext).StartAsync(userId, ClientAddress(context.HttpContext), context.HttpContext.Request.Headers.UserAgent);
        identity.AddClaim(new Claim(UserSessions.ClaimType, sessionId));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessionId = context.Principal?.FindFirstValue(UserSessions.ClaimType);
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (userId is null) return;
        var sessions = Sessions(context.HttpContext);
        if (context.Principal is null)
        {
            // The stamp moved (a password change, a reset, two-factor turned on or off): that session is over.
            if (sessionId is not null) await sessions.EndAsync(userId, sessionId, "security stamp changed");
            return;
        }

        if (sessionId is null)
        {
            // A cookie from before sessions were kept (schema 0007): it becomes a session rather than a sign-out.
            sessionId = await sessions.StartAsync(userId, ClientAddress(context.HttpContext), context.HttpContext.Request.Headers.UserAgent);
            ((ClaimsIdentity)context.Principal.Identity!).AddClaim(new Claim(UserSessions.ClaimType, sessionId));
            context.ShouldRenew = true;
            return;
        }

        if (!await sessions.ValidateAsync(sessionId, userId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && user.FindFirstValue(UserSessions.ClaimType) is { } sessionId)
            await Sessions(context.HttpContext).EndAsync(userId, sessionId, "signed out");
    }
}
