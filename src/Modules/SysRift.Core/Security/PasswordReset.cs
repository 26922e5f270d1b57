using System.Security.Claims;
using System.Security.Cryptography;

namespace SysRift.Core.Security;

/// <summary>
/// A password an operator reset from the command line: a one-time password, shown once, that must be changed
/// at the next sign-in. The user carries a claim until they choose their own; the admin sends them to the
/// password page and nowhere else while it is there.
/// </summary>
public static class PasswordReset
{
    public const string ClaimType = "sysrift:must_change_password";

    // No look-alikes (0/O, 1/l/I): the operator reads it out or types it over.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewOneTimePassword() => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));

    public static bool MustChange(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClaimType);

    public static Claim Claim() => new(ClaimType, "true");
}
