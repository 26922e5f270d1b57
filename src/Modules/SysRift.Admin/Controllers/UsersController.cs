using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>
/// Users: list, create, change e-mail, roles and password, unlock, delete. The last administrator can
/// neither be deleted nor lose the role, and nobody deletes themselves. Signed-in sessions re-read the
/// user on every request (security stamp check), so new roles apply at once; a reset password ends them.
/// </summary>
[Route("admin/users"), RequirePermission(Permissions.ManageUsers)]
public sealed class UsersController(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, SysRiftDbContext db, AuditTrail audit, SignInThrottle throttle, UserSessions sessions)
    : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var rows = new List<UserRow>();
        foreach (var user in all)
            rows.Add(new UserRow(user.Id, user.UserName!, user.Email, (await users.GetRolesAsync(user)).Order().ToList(), (await throttle.LocksAsync(user.UserName!, cancellationToken)).Count > 0, user.TwoFactorEnabled));
        ViewData["Message"] = Message;
        return View(rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New() => View("Edit", new UserEditViewModel(new UserForm(), await RoleNamesAsync(), new Dictionary<string, string>(), null, null));

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.UserName)) errors[nameof(form.UserName)] = "Give the user a name to sign in with.";
        if (string.IsNullOrWhiteSpace(form.Email) || !form.Email.Contains('@', StringComparison.Ordinal)) errors[nameof(form.Email)] = "Give a valid e-mail address.";
        if (string.IsNullOrEmpty(form.Password)) errors[nameof(form.Password)] = "Give the user a password.";
        else if (form.Password != form.PasswordConfirmation) errors[nameof(form.PasswordConfirmation)] = "The two passwords differ.";
        var known = await RoleNamesAsync();
        if (form.Roles.Any(r => !known.Contains(r))) errors[nameof(form.Roles)] = "Pick roles from the list.";
        if (errors.Count > 0) return Invalid(form, known, errors, null);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new IdentityUser(form.UserName.Trim()) { Email = form.Email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, form.Password!);
        if (!created.Succeeded) return Invalid(form, known, IdentityErrors(created), null);
        if (form.Roles.Count > 0) await users.AddToRolesAsync(user, form.Roles.Distinct());
        audit.Add(UserName, AuditTrail.Categories.Users, "Create", user.Id, user.UserName, $"Roles: {string.Join(", ", form.Roles)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/users", $"User {user.UserName} created.");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var form = new UserForm { Id = user.Id, UserName = user.UserName!, Email = user.Email ?? "", Roles = (await users.GetRolesAsync(user)).ToList() };
        return View(new UserEditViewModel(form, await RoleNamesAsync(), new Dictionary<string, string>(), await AccountStateAsync(user), Message));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Update(string id, UserForm form, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        form.Id = user.Id;
        form.UserName = user.UserName!;
        var known = await RoleNamesAsync();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Email) || !form.Email.Contains('@', StringComparison.Ordinal)) errors[nameof(form.Email)] = "Give a valid e-mail address.";
        if (!string.IsNullOrEmpty(form.Password) && form.Password != form.PasswordConfirmation) errors[nameof(form.PasswordConfirmation)] = "The two passwords differ.";
        if (form.Roles.Any(r => !known.Contains(r))) errors[nameof(form.Roles)] = "Pick roles from the list.";
        if (errors.Count > 0) return Invalid(form, known, errors, await AccountStateAsync(user));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The last-administrator check holds until commit: two administrators demoting each other at once
        // are serialised here, and the second sees the first one's change.
        await db.LockAsync(AdministratorsLock, cancellationToken);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(SiteRoles.Administrator) && !form.Roles.Contains(SiteRoles.Administrator) && await AdministratorCountAsync() <= 1)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            errors[nameof(form.Roles)] = "This is the last administrator: give another user the Administrator role first.";
            return Invalid(form, known, errors, await AccountStateAsync(user));
        }

        var changes = new List<string>();
        if (!string.Equals(user.Email, form.Email.Trim(), StringComparison.Ordinal))
        {
            changes.Add($"e-mail {user.Email} -> {form.Email.Trim()}");
            var set = await users.SetEmailAsync(user, form.Email.Trim());
            if (!set.Succeeded) return Invalid(form, known, IdentityErrors(set), await AccountStateAsync(user));
        }

        var removed = current.Except(form.Roles).ToList();
        var added = form.Roles.Distinct().Except(current).ToList();
        if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
        if (added.Count > 0) await users.AddToRolesAsync(user, added);
        if (removed.Count + added.Count > 0) changes.Add($"roles {string.Join(", ", current.Order())} -> {string.Join(", ", form.Roles.Order())}");
        if (!string.IsNullOrEmpty(form.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, form.Password);
            if (!reset.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return Invalid(form, known, IdentityErrors(reset, nameof(form.Password)), await AccountStateAsync(user));
            }

            await sessions.EndAllAsync(user.Id, $"password reset by {UserName}", cancellationToken: cancellationToken);
            changes.Add("password reset (their sessions end)");
        }

        audit.Add(UserName, AuditTrail.Categories.Users, "Update", user.Id, user.UserName, changes.Count == 0 ? "No change." : string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage($"/admin/users/{user.Id}", "Saved.");
    }

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await throttle.ClearAsync(user.UserName!, cancellationToken: cancellationToken);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Users, "Unlock", user.Id, user.UserName, "Failed sign-ins forgotten: every address may try again.", cancellationToken);
        return RedirectWithMessage($"/admin/users/{user.Id}", "Unlocked: they can sign in again.");
    }

    /// <summary>Ends every session of the user (a lost laptop, a departing editor): each is signed out at its next request, on every node.</summary>
    [HttpPost("{id}/sessions/end")]
    public async Task<IActionResult> EndSessions(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var ended = await sessions.EndAllAsync(user.Id, $"ended by {UserName}", cancellationToken: cancellationToken);
        await audit.RecordAsync(UserName, AuditTrail.Categories.Users, "SessionsEnded", user.Id, user.UserName, $"Every session of the user: {ended}.", cancellationToken);
        return user.Id == users.GetUserId(User) ? LocalRedirect("/login") : RedirectWithMessage($"/admin/users/{user.Id}", $"{ended} session(s) ended.");
    }

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (user.UserName == UserName) return RedirectWithMessage($"/admin/users/{id}", "You cannot delete yourself.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync(AdministratorsLock, cancellationToken);
        if (await users.IsInRoleAsync(user, SiteRoles.Administrator) && await AdministratorCountAsync() <= 1)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return RedirectWithMessage($"/admin/users/{id}", "This is the last administrator and cannot be deleted.");
        }

        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) return RedirectWithMessage($"/admin/users/{id}", string.Join(" ", deleted.Errors.Select(e => e.Description)));
        audit.Add(UserName, AuditTrail.Categories.Users, "Delete", user.Id, user.UserName, "Their content stays, owned by the name they had.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/users", $"User {user.UserName} deleted.");
    }

    private ViewResult Invalid(UserForm form, IReadOnlyList<string> known, Dictionary<string, string> errors, UserAccountState? account)
    {
        form.Password = form.PasswordConfirmation = null;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new UserEditViewModel(form, known, errors, account, null));
    }

    private async Task<UserAccountState> AccountStateAsync(IdentityUser user) => new(
        await throttle.LocksAsync(user.UserName!), user.TwoFactorEnabled, SessionsController.Rows(await sessions.ActiveAsync(user.Id), User.FindFirst(UserSessions.ClaimType)?.Value));

    private static Dictionary<string, string> IdentityErrors(IdentityResult result, string fallbackField = "")
    {
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(UserForm.Password)
                : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserForm.UserName)
                : error.Code.Contains("Email", StringComparison.Ordinal) ? nameof(UserForm.Email) : fallbackField;
            errors[field] = errors.TryGetValue(field, out var existing) ? existing + " " + error.Description : error.Description;
        }

        return errors;
    }

    private async Task<IReadOnlyList<string>> RoleNamesAsync() => await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();

    /// <summary>Held by every change that could remove an administrator (PostgreSQL; SQLite writers are serialised anyway).</summary>
    public const string AdministratorsLock = "administrators";

    private async Task<int> AdministratorCountAsync() => (await users.GetUsersInRoleAsync(SiteRoles.Administrator)).Count;
}
