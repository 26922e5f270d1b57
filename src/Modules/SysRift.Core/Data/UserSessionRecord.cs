namespace SysRift.Core.Data;

/// <summary>
/// One signed-in browser of a user. Its id travels in the session cookie; every request checks the row, so
/// ending a session (deleting the cookie's row) takes effect on every node at that session's next request.
/// Ended rows are kept for a while: they are the addresses the user is known to sign in from.
/// </summary>
public sealed class UserSessionRecord
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime LastSeenUtc { get; set; }

    /// <summary>The client address as the site sees it (after trusted proxies).</summary>
    public required string Address { get; set; }

    /// <summary>A short description of the browser ("Firefox on Linux"), from its User-Agent.</summary>
    public required string Device { get; set; }

    public DateTime? EndedUtc { get; set; }
    public string? EndedBy { get; set; }

    public bool IsActive => EndedUtc is null;
}
