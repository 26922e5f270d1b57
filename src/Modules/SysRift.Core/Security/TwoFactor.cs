using System.Security.Claims;

namespace SysRift.Core.Security;

/// <summary>
/// Two-factor sign-in as the admin sees it on the principal: whether the user has it
/// (<see cref="EnabledClaimType"/>, added by <see cref="SiteUserClaimsFactory"/>) and whether one of their roles
/// requires it (<see cref="RequiredClaimType"/>, a role claim an administrator sets on the role).
/// </summary>
public static class TwoFactor
{
    public const string EnabledClaimType = "sysrift:two_factor";
    public const string RequiredClaimType = "sysrift:require_two_factor";
    public const int RecoveryCodeCount = 10;

    public static bool IsEnabled(ClaimsPrincipal user) => user.HasClaim(c => c.Type == EnabledClaimType);

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(c => c.Type == RequiredClaimType);

    /// <summary>A user whose role requires two-factor sign-in and who has not set it up: the admin shows them enrolment only.</summary>
    public static bool MustEnrol(ClaimsPrincipal user) => IsRequired(user) && !IsEnabled(user);

    public static Claim RequiredClaim() => new(RequiredClaimType, "true");

    /// <summary>An authenticator code as a person types it ("123 456"), as Identity compares it ("123456").</summary>
    public static string Clean(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>
    /// A recovery code as a person types it ("bcdfg hjkmn", "BCDFGHJKMN"), in Identity's form ("BCDFG-HJKMN":
    /// upper case, a hyphen after five characters).
    /// </summary>
    public static string CleanRecoveryCode(string? code)
    {
        var plain = new string((code ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return plain.Length == 10 ? $"{plain[..5]}-{plain[5..]}" : plain;
    }
}
