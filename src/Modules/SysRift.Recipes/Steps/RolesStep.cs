using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using SysRift.Contents.Definitions;
using SysRift.Core.Security;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// "Roles": [{ "Name", "Description", "Permissions": [...] }]: creates or updates roles and their permissions.
/// Orchard permission names become the SysRift permissions that mean the same (<see cref="OrchardPermissions"/>);
/// a name with no equivalent is kept on the role as given and reported. A step that would leave a built-in
/// role without any permission SysRift enforces says so before anything is applied.
/// </summary>
public sealed class RolesStep(RoleManager<IdentityRole> roles) : IRecipeStep
{
    public const string PermissionClaim = SysRift.Core.Security.Permissions.ClaimType;

    public IReadOnlyList<string> Names { get; } = ["Roles"];

    public Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var list = StepJson.OptionalArray(context, context.Step, context.Path, "Roles");
        if (list is null)
        {
            if (SettingsReader.Property(context.Step, "Roles") is null) context.Error(JsonPath.Property(context.Path, "Roles"), "A Roles step needs a \"Roles\" array.");
            return Task.CompletedTask;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var path = JsonPath.Index(JsonPath.Property(context.Path, "Roles"), i);
            if (list[i] is not JsonObject role)
            {
                context.Error(path, "A role must be an object.");
                continue;
            }

            var name = StepJson.RequiredString(context, role, path, "Name");
            var permissions = StepJson.OptionalArray(context, role, path, "Permissions");
            var effective = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; permissions is not null && j < permissions.Count; j++)
            {
                var permissionPath = JsonPath.Index(JsonPath.Property(path, "Permissions"), j);
                if (permissions[j] is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    context.Error(permissionPath, "A permission must be text.");
                    continue;
                }

                var granted = OrchardPermissions.Resolve(v.GetValue<string>());
                if (granted.Count == 0) context.Kept(permissionPath, $"permission \"{v.GetValue<string>()}\" has no SysRift equivalent; it is kept on the role, not enforced.");
                effective.UnionWith(granted);
            }

            if (name is not null && effective.Count == 0 && SiteRoles.BuiltIn.Contains(name, StringComparer.OrdinalIgnoreCase) && !string.Equals(name, SiteRoles.Administrator, StringComparison.OrdinalIgnoreCase))
                context.Warning(path, $"this would leave the built-in role {name} with no permission SysRift enforces (it has {Permissions.DefaultGrants.GetValueOrDefault(name)?.Length ?? 0} by default): its users could no longer enter the admin.");
        }

        return Task.CompletedTask;
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var role in (SettingsReader.Property(context.Step, "Roles") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = SettingsReader.AsString(SettingsReader.Property(role, "Name"))!;
            var permissions = (SettingsReader.Property(role, "Permissions") as JsonArray ?? []).Select(p => p!.GetValue<string>()).Distinct().ToList();
            var existing = await roles.FindByNameAsync(name);
            if (existing is null)
            {
                existing = new IdentityRole(name);
                Check(await roles.CreateAsync(existing), name);
            }

            foreach (var claim in (await roles.GetClaimsAsync(existing)).Where(c => c.Type == PermissionClaim))
                Check(await roles.RemoveClaimAsync(existing, claim), name);
            // The SysRift permissions the names grant, then the names with no equivalent, kept as given.
            var stored = permissions.SelectMany(OrchardPermissions.Resolve).Concat(permissions.Where(p => OrchardPermissions.Resolve(p).Count == 0)).Distinct(StringComparer.Ordinal);
            foreach (var permission in stored)
                Check(await roles.AddClaimAsync(existing, new Claim(PermissionClaim, permission)), name);
            count++;
        }

        return $"Roles: {count} role(s) saved.";
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded) throw new RecipeApplyException($"role \"{role}\": {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
