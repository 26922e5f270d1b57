namespace SysRift.Admin.ViewModels;

public sealed record UserRow(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool LockedOut, bool TwoFactor);

public sealed class UserForm
{
    public string? Id { get; set; }
    public string UserName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Password { get; set; }
    public string? PasswordConfirmation { get; set; }
    public List<string> Roles { get; set; } = [];
}

public sealed record UserEditViewModel(UserForm Form, IReadOnlyList<string> AllRoles, IReadOnlyDictionary<string, string> Errors, UserAccountState? Account, string? Message)
{
    public bool IsNew => Account is null;
}

/// <summary>What an administrator sees of an existing account: addresses refused by the throttle, two-factor, sessions.</summary>
public sealed record UserAccountState(IReadOnlyList<SysRift.Core.Security.SignInThrottle.Lock> Locks, bool TwoFactor, IReadOnlyList<SessionRow> Sessions);

public sealed record RoleRow(string Name, IReadOnlyList<string> Permissions, int Users, bool BuiltIn, bool RequiresTwoFactor);

public sealed class RoleForm
{
    public string Name { get; set; } = "";
    public List<string> Permissions { get; set; } = [];

    /// <summary>Members must sign in with a second factor; those without one are sent to set it up.</summary>
    public bool RequireTwoFactor { get; set; }
}

public sealed record RoleEditViewModel(RoleForm Form, bool IsNew, bool IsAdministrator, IReadOnlyDictionary<string, string> Errors);

public sealed class PasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string Confirmation { get; set; } = "";
}

public sealed record PasswordViewModel(IReadOnlyDictionary<string, string> Errors, string? Message);

public sealed record TwoFactorSetupViewModel(string Key, string Uri, string QrSvg, bool Required, string? Message, string? Error);

public sealed record TwoFactorStatusViewModel(int RecoveryCodesLeft, bool Required, bool BrowserRemembered, string? Message, string? Error);

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes, string Message);

public sealed record SessionRow(string Id, string Device, string Address, DateTime CreatedUtc, DateTime LastSeenUtc, bool IsCurrent);
