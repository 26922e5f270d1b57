using Microsoft.AspNetCore.Http;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>Roles and their permissions. Administrator always holds every permission and cannot be deleted.</summary>
[Route("admin/roles"), RequirePermission(Permissions.ManageUsers)]
public sealed class RolesController(RoleManager<IdentityRole> roles, UserManager<IdentityUser> users, SysRiftDbContext db, AuditTrail audit) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = new List<RoleRow>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).ToListAsync(cancellationToken))
        {
            var granted = role.Name == SiteRoles.Administrator ? Permissions.All.Select(p => p.Name).ToList() : await PermissionsOfAsync(role);
            rows.Add(new RoleRow(role.Name!, granted, (await users.GetUsersInRoleAsync(role.Name!)).Count, SiteRoles.BuiltIn.Contains(role.Name), await RequiresTwoFactorAsync(role)));
        }

        ViewData["Message"] = Message;
        return View(rows);
    }

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new RoleEditViewModel(new RoleForm(), true, false, new Dictionary<string, string>()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(RoleForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'))
            errors[nameof(form.Name)] = "Give the role a name of letters, digits, spaces, '-' or '_' (at most 64).";
        else if (await roles.RoleExistsAsync(name)) errors[nameof(form.Name)] = $"There is already a role named {name}.";
        if (form.Permissions.Any(p => !Permissions.IsKnown(p))) errors[nameof(form.Permissions)] = "Pick permissions from the list.";
        if (errors.Count > 0) return Invalid(form, true, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = new IdentityRole(name);
        await roles.CreateAsync(role);
        foreach (var permission in form.Permissions.Distinct()) await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission));
        if (form.RequireTwoFactor) await roles.AddClaimAsync(role, TwoFactor.RequiredClaim());
        audit.Add(UserName, AuditTrail.Categories.Roles, "Create", role.Id, name, "Permissions: " + string.Join(", ", form.Permissions.Distinct()) + TwoFactorNote(form.RequireTwoFactor));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/roles", $"Role {name} created.");
    }

    [HttpGet("{name}")]
    public async Task<IActionResult> Edit(string name)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null) return NotFound();
        var form = new RoleForm { Name = role.Name!, Permissions = await PermissionsOfAsync(role), RequireTwoFactor = await RequiresTwoFactorAsync(role) };
        return View(new RoleEditViewModel(form, false, role.Name == SiteRoles.Administrator, new Dictionary<string, string>()));
    }

    [HttpPost("{name}")]
    public async Task<IActionResult> Update(string name, RoleForm form, CancellationToken cancellationToken)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null) return NotFound();
        form.Name = role.Name!;
        if (role.Name == SiteRoles.Administrator)
        {
            // Administrator always holds every permission; only its two-factor requirement is on the form.
            await using var adminTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SetRequiresTwoFactorAsync(role, form.RequireTwoFactor);
            await db.SaveChangesAsync(cancellationToken);
            await adminTransaction.CommitAsync(cancellationToken);
            return RedirectWithMessage("/admin/roles", $"Role {role.Name} saved; it applies from its users' next request.");
        }

        if (form.Permissions.Any(p => !Permissions.IsKnown(p)))
            return Invalid(form, false, new Dictionary<string, string> { [nameof(form.Permissions)] = "Pick permissions from the list." });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await PermissionsOfAsync(role);
        // Only SysRift's permissions are on the form; names it does not know (an Orchard import's) stay on the role.
        foreach (var claim in (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType && Permissions.IsKnown(c.Value))) await roles.RemoveClaimAsync(role, claim);
        var after = form.Permissions.Where(Permissions.IsKnown).Distinct().ToList();
        foreach (var permission in after) await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, permission));
        audit.Add(UserName, AuditTrail.Categories.Roles, "Update", role.Id, role.Name, $"Permissions: {string.Join(", ", before)} -> {string.Join(", ", after)}");
        await SetRequiresTwoFactorAsync(role, form.RequireTwoFactor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/roles", $"Role {role.Name} saved; it applies from its users' next request.");
    }

    /// <summary>Two-factor sign-in for everyone: every role requires it (roles made later have their own checkbox).</summary>
    [HttpPost("require-two-factor")]
    public async Task<IActionResult> RequireTwoFactorEverywhere(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var role in await roles.Roles.ToListAsync(cancellationToken)) await SetRequiresTwoFactorAsync(role, true);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/roles", "Every role now requires two-factor sign-in. Users without it are sent to set it up at their next request.");
    }

    [HttpPost("{name}/delete")]
    public async Task<IActionResult> Delete(string name, CancellationToken cancellationToken)
    {
        var role = await roles.FindByNameAsync(name);
        if (role is null) return NotFound();
        if (role.Name == SiteRoles.Administrator) return RedirectWithMessage("/admin/roles", "The Administrator role cannot be deleted.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await roles.DeleteAsync(role);
        audit.Add(UserName, AuditTrail.Categories.Roles, "Delete", role.Id, role.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage("/admin/roles", $"Role {role.Name} deleted.");
    }

    private ViewResult Invalid(RoleForm form, bool isNew, Dictionary<string, string> errors)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", new RoleEditViewModel(form, isNew, false, errors));
    }

    private async Task<bool> RequiresTwoFactorAsync(IdentityRole role) => (await roles.GetClaimsAsync(role)).Any(c => c.Type == TwoFactor.RequiredClaimType);

    private async Task SetRequiresTwoFactorAsync(IdentityRole role, bool required)
    {
        if (await RequiresTwoFactorAsync(role) == required) return;
        if (required) await roles.AddClaimAsync(role, TwoFactor.RequiredClaim());
        else foreach (var claim in (await roles.GetClaimsAsync(role)).Where(c => c.Type == TwoFactor.RequiredClaimType)) await roles.RemoveClaimAsync(role, claim);
        audit.Add(UserName, AuditTrail.Categories.Roles, required ? "TwoFactorRequired" : "TwoFactorOptional", role.Id, role.Name,
            required ? "Members must use two-factor sign-in; those without it are sent to set it up." : "Two-factor sign-in is optional for members.");
    }

    private static string TwoFactorNote(bool required) => required ? "; two-factor sign-in required" : "";

    private async Task<List<string>> PermissionsOfAsync(IdentityRole role) =>
        (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value).Order().ToList();
}
