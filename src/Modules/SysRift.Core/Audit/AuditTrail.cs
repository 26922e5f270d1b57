using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Core.Audit;

/// <summary>
/// Writes audit entries. <see cref="Add"/> joins the caller's unit of work, so the entry commits (or not)
/// with the change it describes; <see cref="RecordAsync"/> saves at once, for events that change nothing
/// else (a failed sign-in).
/// </summary>
public sealed class AuditTrail(SysRiftDbContext db, TimeProvider clock)
{
    public static class Categories
    {
        public const string Content = "Content";
        public const string Account = "Account";
        public const string Settings = "Settings";
        public const string Users = "Users";
        public const string Roles = "Roles";
        public const string Recipes = "Recipes";
        public const string Media = "Media";
        public const string ContentTypes = "ContentTypes";
    }

    public AuditRecord Add(string? user, string category, string action, string? subjectId = null, string? subject = null,
        string? details = null, string? versionBefore = null, string? versionAfter = null)
    {
        var record = new AuditRecord
        {
            Utc = clock.GetUtcNow().UtcDateTime,
            User = user,
            Category = category,
            Action = action,
            SubjectId = Clip(subjectId, 256),
            Subject = Clip(subject, 1024),
            Details = Clip(details, 4000),
            VersionBefore = versionBefore,
            VersionAfter = versionAfter,
        };
        db.AuditEntries.Add(record);
        return record;
    }

    public async Task RecordAsync(string? user, string category, string action, string? subjectId = null, string? subject = null, string? details = null, CancellationToken cancellationToken = default)
    {
        Add(user, category, action, subjectId, subject, details);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public sealed record Filter(string? User = null, string? Category = null, string? Text = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

    /// <summary>Newest first, one page plus the total.</summary>
    public async Task<(IReadOnlyList<AuditRecord> Entries, int Total)> QueryAsync(Filter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(a => a.User == filter.User);
        if (!string.IsNullOrWhiteSpace(filter.Category)) query = query.Where(a => a.Category == filter.Category);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => (a.Subject != null && a.Subject.Contains(text)) || (a.SubjectId != null && a.SubjectId == text) || a.Action.Contains(text) || (a.Details != null && a.Details.Contains(text)));
        }

        if (filter.FromUtc is { } from) query = query.Where(a => a.Utc >= from);
        if (filter.ToUtc is { } to) query = query.Where(a => a.Utc < to);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (entries, total);
    }

    private static string? Clip(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
