using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Core.Security;

/// <summary>
/// What replaces Identity's account lockout, which let anyone who knew a user name keep its owner out for
/// 15 minutes. Failures are counted per account and client address over <see cref="Window"/>:
/// <list type="bullet">
/// <item>after <see cref="PerAddress"/> failures from one address, that address is refused for that account,
/// even with the right password (a guesser locks out only themselves);</item>
/// <item>after <see cref="UnderAttack"/> failures from all addresses together (guessing spread over many
/// addresses), a right password alone is accepted only from an address the user has signed in from before; a
/// user with two-factor sign-in still gets in from anywhere, as the code is then the proof.</item>
/// </list>
/// Per-address request rates (any account) are limited separately, at the door (RateLimits).
/// </summary>
public sealed class SignInThrottle(SysRiftDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int PerAddress = 5;
    public const int UnderAttack = 20;

    /// <summary>Failures are kept a day (for the admin's and the command line's view), then pruned.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public static class Steps
    {
        public const string Password = "password";
        public const string Code = "code";
    }

    public sealed record Verdict(bool AddressBlocked, bool AccountUnderAttack);

    /// <summary>A lock as an operator sees it: which addresses are refused for the account, and until when.</summary>
    public sealed record Lock(string Address, DateTime UntilUtc);

    public async Task<Verdict> CheckAsync(string userName, string address, CancellationToken cancellationToken = default)
    {
        var key = Key(userName);
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var recent = db.SignInFailures.Where(f => f.UserName == key && f.Utc >= since);
        var fromHere = await recent.CountAsync(f => f.Address == address, cancellationToken);
        var fromAll = fromHere >= PerAddress ? 0 : await recent.CountAsync(cancellationToken);
        return new Verdict(fromHere >= PerAddress, fromAll >= UnderAttack);
    }

    public async Task RecordFailureAsync(string userName, string address, string step, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.SignInFailures.Add(new SignInFailureRecord { UserName = Key(userName), Address = Clip(address), Utc = now, Step = step });
        await db.SaveChangesAsync(cancellationToken);
        var expired = now - KeptFor;
        await db.SignInFailures.Where(f => f.Utc < expired).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Forgets the account's failures: from one address (a success there), of one step, or all of them (an unlock).</summary>
    public Task ClearAsync(string userName, string? address = null, string? step = null, CancellationToken cancellationToken = default)
    {
        var key = Key(userName);
        var failures = db.SignInFailures.Where(f => f.UserName == key);
        if (address is not null) failures = failures.Where(f => f.Address == address);
        if (step is not null) failures = failures.Where(f => f.Step == step);
        return failures.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The addresses refused for the account now, each until its failures age out of the window.</summary>
    public async Task<IReadOnlyList<Lock>> LocksAsync(string userName, CancellationToken cancellationToken = default)
    {
        var key = Key(userName);
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var failures = await db.SignInFailures.AsNoTracking().Where(f => f.UserName == key && f.Utc >= since).Select(f => new { f.Address, f.Utc }).ToListAsync(cancellationToken);
        return failures.GroupBy(f => f.Address)
            .Where(g => g.Count() >= PerAddress)
            // The lock lifts when fewer than PerAddress failures remain in the window: the PerAddress-th newest ages out.
            .Select(g => new Lock(g.Key, g.OrderByDescending(f => f.Utc).ElementAt(PerAddress - 1).Utc + Window))
            .OrderBy(l => l.Address, StringComparer.Ordinal)
            .ToList();
    }

    // As Identity normalises names: "Admin" and "admin" are one account.
    private static string Key(string userName) => Clip(userName.Trim().ToUpperInvariant(), 256);

    private static string Clip(string value, int length = 64) => value.Length <= length ? value : value[..length];
}
