namespace SysRift.Admin.ViewModels;

public sealed class LoginViewModel
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string ReturnUrl { get; set; } = "/admin";
    public string? Error { get; set; }
}

public sealed record DashboardViewModel(
    IReadOnlyList<DashboardViewModel.TypeCount> Types,
    int DraftsWaiting,
    IReadOnlyList<DashboardViewModel.Draft> Drafts,
    IReadOnlyList<DashboardViewModel.Change> RecentChanges,
    IReadOnlyList<DashboardViewModel.Scheduled> ScheduledItems,
    bool CanViewAudit)
{
    public sealed record TypeCount(string ContentType, string DisplayName, int Items, int Drafts);

    public sealed record Draft(string ContentItemId, string DisplayText, string ContentType, string? Author, DateTime ModifiedUtc, bool AboveLiveVersion);

    public sealed record Change(string ContentItemId, string DisplayText, string Action, string? User, DateTime Utc, string? Details);

    public sealed record Scheduled(string ContentItemId, string DisplayText, DateTime PublishAtUtc, string? RequestedBy);
}

/// <summary>The second sign-in step: an authenticator code, or (with <see cref="Recovery"/>) a recovery code.</summary>
public sealed class TwoFactorLoginViewModel
{
    public string Code { get; set; } = "";
    public bool RememberBrowser { get; set; }
    public bool Recovery { get; set; }
    public string ReturnUrl { get; set; } = "/admin";
    public string? Error { get; set; }
}
