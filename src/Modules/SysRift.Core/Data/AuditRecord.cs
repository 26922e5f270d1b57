namespace SysRift.Core.Data;

/// <summary>
/// One entry of the audit trail: who did what to which subject, when, and the versions before and after.
/// Append-only: the schema refuses UPDATE and DELETE on the table (triggers in 0004_audit_and_schedule.sql).
/// </summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime Utc { get; set; }

    /// <summary>The user name, or null for the system (scheduler, unattended setup).</summary>
    public string? User { get; set; }

    /// <summary>Content, Account, Settings, Users, Roles, Recipes, Media.</summary>
    public required string Category { get; set; }

    /// <summary>What happened: Publish, SaveDraft, SignIn, SignInFailed, Import ...</summary>
    public required string Action { get; set; }

    public string? SubjectId { get; set; }
    public string? Subject { get; set; }
    public string? Details { get; set; }
    public string? VersionBefore { get; set; }
    public string? VersionAfter { get; set; }
}
