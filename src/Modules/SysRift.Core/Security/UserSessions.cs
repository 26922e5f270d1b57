using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Core.Security;

/// <summary>
/// The signed-in sessions of users, one row per sign-in. The cookie carries the row's id (<see cref="ClaimType"/>)
/// and every request checks it, so ending a session takes effect on every node at its next request, and a copy
/// of the cookie dies with it.
/// </summary>
public sealed class UserSessions(SysRiftDbContext db, TimeProvider clock)
{
    public const string ClaimType = "sysrift:sid";

    /// <summary>"Last seen" is written at most this often per session, not on every request.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long an address a user signed in from counts as theirs (see <see cref="SignInThrottle"/>).</summary>
    public static readonly TimeSpan KnownAddressFor = TimeSpan.FromDays(90);

    /// <summary>A session not seen for this long is over: the sign-in cookie has expired (sliding, 8 hours).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(8);

    public async Task<string> StartAsync(string userId, string address, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        db.UserSessions.Add(new UserSessionRecord
        {
            Id = id, UserId = userId, CreatedUtc = now, LastSeenUtc = now, Address = Clip(address, 64), Device = DeviceName.Of(userAgent),
        });
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Whether the session is the user's and still active; notes that it was seen.</summary>
    public async Task<bool> ValidateAsync(string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await SessionState.For(db)(db, sessionId, cancellationToken);
        if (session is null || session.UserId != userId || session.EndedUtc is not null) return false;
        if (now - session.LastSeenUtc >= TouchEvery)
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now), cancellationToken);
        return true;
    }

    private sealed record State(string UserId, DateTime? EndedUtc, DateTime LastSeenUtc);

    // Asked on every request of a signed-in user: precompiled, so EF Core does not translate it each time.
    private static readonly CompiledPerModel<Func<SysRiftDbContext, string, CancellationToken, Task<State?>>> SessionState = new(() => EF.CompileAsyncQuery(
        (SysRiftDbContext db, string sessionId, CancellationToken _) =>
            db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new State(s.UserId, s.EndedUtc, s.LastSeenUtc)).FirstOrDefault()));

    /// <summary>The user's sessions that are still open, most recently seen first.</summary>
    public async Task<IReadOnlyList<UserSessionRecord>> ActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - IdleLimit;
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedUtc == null && s.LastSeenUtc >= since).ToListAsync(cancellationToken);
        return sessions.OrderByDescending(s => s.LastSeenUtc).ToList();
    }

    /// <summary>Ends one session of the user; false when it was not theirs or not active.</summary>
    public async Task<bool> EndAsync(string userId, string sessionId, string endedBy, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now).SetProperty(x => x.EndedBy, endedBy), cancellationToken) > 0;
    }

    /// <summary>Ends every session of the user but <paramref name="except"/>; returns how many were active.</summary>
    public Task<int> EndAllAsync(string userId, string endedBy, string? except = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.UserId == userId && s.EndedUtc == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now).SetProperty(x => x.EndedBy, endedBy), cancellationToken);
    }

    /// <summary>Whether the user has signed in from <paramref name="address"/> within <see cref="KnownAddressFor"/>.</summary>
    public Task<bool> IsKnownAddressAsync(string userId, string address, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - KnownAddressFor;
        return db.UserSessions.AnyAsync(s => s.UserId == userId && s.Address == address && s.CreatedUtc >= since, cancellationToken);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}
