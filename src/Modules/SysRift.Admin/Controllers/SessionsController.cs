using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>
/// One's own signed-in sessions (device, address, last seen) and ending them. Sessions are rows every request
/// checks, so an ended session is signed out on every node at its next request.
/// </summary>
[Route("admin/account/sessions"), RequirePermission(Permissions.AccessAdmin)]
public sealed class SessionsController(UserManager<IdentityUser> users, UserSessions sessions, AuditTrail audit) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        return View(Rows(await sessions.ActiveAsync(userId, cancellationToken), CurrentSession));
    }

    [HttpPost("{id}/end")]
    public async Task<IActionResult> End(string id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (!await sessions.EndAsync(userId, id, $"ended by {UserName}", cancellationToken))
            return RedirectWithMessage("/admin/account/sessions", "That session had already ended.");
        await audit.RecordAsync(UserName, AuditTrail.Categories.Account, "SessionEnded", userId, UserName, id == CurrentSession ? "This session." : $"Session {id[..8]}.", cancellationToken);
        return id == CurrentSession ? LocalRedirect("/login") : RedirectWithMessage("/admin/account/sessions", "Session ended: it is signed out at its next request.");
    }

    [HttpPost("end-others")]
    public async Task<IActionResult> EndOthers(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var ended = await sessions.EndAllAsync(userId, $"ended by {UserName}", except: CurrentSession, cancellationToken);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Account, "OtherSessionsEnded", userId, UserName, $"{ended} session(s).", cancellationToken);
        return RedirectWithMessage("/admin/account/sessions", ended == 0 ? "There were no other sessions." : $"{ended} other session(s) ended.");
    }

    private string? CurrentSession => User.FindFirst(UserSessions.ClaimType)?.Value;

    public static IReadOnlyList<SessionRow> Rows(IEnumerable<Core.Data.UserSessionRecord> active, string? current) =>
        active.Select(s => new SessionRow(s.Id, s.Device, s.Address, s.CreatedUtc, s.LastSeenUtc, s.Id == current)).OrderByDescending(s => s.IsCurrent).ToList();
}
