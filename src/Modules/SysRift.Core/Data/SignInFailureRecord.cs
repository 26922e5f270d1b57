namespace SysRift.Core.Data;

/// <summary>
/// A failed sign-in step (a wrong password or a wrong second-factor code), keyed on the account and the client
/// address. The throttle counts these over a window; nothing else reads them.
/// </summary>
public sealed class SignInFailureRecord
{
    public long Id { get; set; }

    /// <summary>The user name as typed, normalised (upper case), whether or not such a user exists.</summary>
    public required string UserName { get; set; }

    public required string Address { get; set; }
    public DateTime Utc { get; set; }

    /// <summary>"password" or "code".</summary>
    public required string Step { get; set; }
}
