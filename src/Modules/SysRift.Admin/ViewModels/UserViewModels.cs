namespace SysRift.Admin.ViewModels;

public sealed record UserRow(string Id, string UserName, string? Email, IReadOnlyList<string> Roles, bool LockedOut);

public sealed class UserForm
{
    public string? Id { get; set; }
    public string UserName { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Password { get; set; }
    public string? PasswordConfirmation { get; set; }
    public List<string> Roles { get; set; } = [];
}

public sealed record UserEditViewModel(UserForm Form, IReadOnlyList<string> AllRoles, IReadOnlyDictionary<string, string> Errors, bool LockedOut, bool IsNew, string? Message);

public sealed record RoleRow(string Name, IReadOnlyList<string> Permissions, int Users, bool BuiltIn);

public sealed class RoleForm
{
    public string Name { get; set; } = "";
    public List<string> Permissions { get; set; } = [];
}

public sealed record RoleEditViewModel(RoleForm Form, bool IsNew, bool IsAdministrator, IReadOnlyDictionary<string, string> Errors);

public sealed class PasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string Confirmation { get; set; } = "";
}

public sealed record PasswordViewModel(IReadOnlyDictionary<string, string> Errors, string? Message);
