using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>Changing one's own password. It moves the security stamp: every other session of the user ends; this one is renewed.</summary>
[Route("admin/account/password"), RequirePermission(Permissions.AccessAdmin)]
public sealed class PasswordController(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AuditTrail audit) : AdminControllerBase
{
    [HttpGet("")]
    public IActionResult Index() => View(new PasswordViewModel(new Dictionary<string, string>(), Message));

    [HttpPost("")]
    public async Task<IActionResult> Change(PasswordForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Forbid();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(form.CurrentPassword)) errors[nameof(form.CurrentPassword)] = "Enter your current password.";
        if (string.IsNullOrEmpty(form.NewPassword)) errors[nameof(form.NewPassword)] = "Enter a new password.";
        else if (form.NewPassword != form.Confirmation) errors[nameof(form.Confirmation)] = "The two new passwords differ.";
        if (errors.Count == 0)
        {
            var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
            if (changed.Succeeded)
            {
                // The one-time password of a command-line reset is spent: the user chose their own.
                foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == PasswordReset.ClaimType)) await users.RemoveClaimAsync(user, claim);
                await signIn.RefreshSignInAsync(user);
                await audit.RecordAsync(user.UserName, AuditTrail.Categories.Account, "PasswordChanged", user.Id, user.UserName, "Other sessions were signed out.", cancellationToken);
                return RedirectWithMessage("/admin/account/password", "Password changed. Your other sessions are signed out.");
            }

            foreach (var error in changed.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword);
                errors[field] = error.Code == "PasswordMismatch" ? "That is not your current password." : (errors.GetValueOrDefault(field) + " " + error.Description).Trim();
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Index", new PasswordViewModel(errors, null));
    }
}
