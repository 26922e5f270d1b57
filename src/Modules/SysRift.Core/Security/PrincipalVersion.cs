using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Core.Security;

/// <summary>
/// What a signed-in principal was built from, as one string: the concurrency stamps of the user row and of its
/// roles. Identity renews a user's stamp with every change to the user, its roles or its claims, and a role's
/// with every change to the role's claims (permissions, two-factor required). A principal whose version is
/// still the stored one is what rebuilding it would give.
/// </summary>
public static class PrincipalVersion
{
    public const string ClaimType = "sysrift:principal-version";

    public static async Task<string> OfAsync(SysRiftDbContext db, IdentityUser user, CancellationToken cancellationToken = default)
    {
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where link.UserId == user.Id
                           select new { role.Id, role.ConcurrencyStamp }).ToListAsync(cancellationToken);
        return Of(user.ConcurrencyStamp, roles.Select(r => (r.Id, (string?)r.ConcurrencyStamp)));
    }

    /// <summary>
    /// The user (tracked, as Identity's lookup gives it) and its principal's version, in one query: every request
    /// of a signed-in user asks for both, and a precompiled query skips EF Core's per-call translation work.
    /// </summary>
    public static async Task<(IdentityUser User, string Version)?> UserAndVersionAsync(SysRiftDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        IdentityUser? user = null;
        var roles = new List<(string Id, string? Stamp)>();
        await foreach (var row in UserAndRoles.For(db)(db, userId).WithCancellation(cancellationToken))
        {
            user ??= row.User;
            if (row.RoleId is not null) roles.Add((row.RoleId, row.RoleStamp));
        }

        return user is null ? null : (user, Of(user.ConcurrencyStamp, roles));
    }

    // Ordered here, not by the database: PostgreSQL's collation and SQLite's need not agree.
    private static string Of(string? userStamp, IEnumerable<(string Id, string? Stamp)> roles) =>
        $"{userStamp};{string.Join(",", roles.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => $"{r.Id}={r.Stamp}"))}";

    private sealed record UserRoleRow(IdentityUser User, string? RoleId, string? RoleStamp);

    private static readonly CompiledPerModel<Func<SysRiftDbContext, string, IAsyncEnumerable<UserRoleRow>>> UserAndRoles = new(() => EF.CompileAsyncQuery(
        (SysRiftDbContext db, string userId) =>
            from user in db.Users
            where user.Id == userId
            from link in db.UserRoles.Where(l => l.UserId == user.Id).DefaultIfEmpty()
            from role in db.Roles.Where(r => r.Id == link!.RoleId).DefaultIfEmpty()
            select new UserRoleRow(user, role == null ? null : role.Id, role == null ? null : role.ConcurrencyStamp)));
}
