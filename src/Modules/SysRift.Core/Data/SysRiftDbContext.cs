using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SysRift.Core.Data;

/// <summary>
/// The one database of a SysRift site. Its schema is created and upgraded by <see cref="SchemaMigrator"/>
/// from the checked-in scripts under Data/Schema, never by EnsureCreated, so upgrades are explicit.
/// </summary>
public sealed class SysRiftDbContext(DbContextOptions<SysRiftDbContext> options)
    : IdentityDbContext<IdentityUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// What this scope's work changed, announced when its transaction commits (<see cref="Signals.CommitSignalInterceptor"/>);
    /// null for a context made outside a scope (schema tools, benchmarks), which announces nothing.
    /// </summary>
    public Signals.PendingChanges? Pending { get; init; }

    // Each set is looked up once per context: Set<T>() asks the context's service provider every time it is
    // called, which an import adding thousands of rows paid for each row.

    /// <summary>The Data Protection key ring, shared by every node (PersistKeysToDbContext).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => field ??= Set<DataProtectionKey>();

    public DbSet<ContentItemRecord> ContentItems => field ??= Set<ContentItemRecord>();
    public DbSet<ContentVersionRecord> ContentVersions => field ??= Set<ContentVersionRecord>();
    public DbSet<DocumentRecord> Documents => field ??= Set<DocumentRecord>();
    public DbSet<ContentTermRecord> ContentTerms => field ??= Set<ContentTermRecord>();
    public DbSet<AuditRecord> AuditEntries => field ??= Set<AuditRecord>();
    public DbSet<ScheduledPublicationRecord> ScheduledPublications => field ??= Set<ScheduledPublicationRecord>();
    public DbSet<UserSessionRecord> UserSessions => field ??= Set<UserSessionRecord>();
    public DbSet<SignInFailureRecord> SignInFailures => field ??= Set<SignInFailureRecord>();
    public DbSet<MediaFileRecord> MediaFiles => field ??= Set<MediaFileRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");

        builder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(x => x.ContentItemId);
            item.Property(x => x.ContentItemId).HasMaxLength(64);
            item.Property(x => x.ContentType).HasMaxLength(128);
            item.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            item.Property(x => x.Revision).IsConcurrencyToken();
            item.Property(x => x.Owner).HasMaxLength(256);
            item.HasIndex(x => new { x.ContentType, x.Status });
        });

        builder.Entity<ContentVersionRecord>(version =>
        {
            version.ToTable("ContentVersions");
            version.HasKey(x => x.Id);
            version.Property(x => x.ContentItemId).HasMaxLength(64);
            version.Property(x => x.ContentItemVersionId).HasMaxLength(64);
            version.Property(x => x.ContentType).HasMaxLength(128);
            version.Property(x => x.DisplayText).HasMaxLength(1024);
            version.Property(x => x.Owner).HasMaxLength(256);
            version.Property(x => x.Author).HasMaxLength(256);
            version.Property(x => x.Path).HasMaxLength(1024);
            version.HasIndex(x => x.ContentItemVersionId).IsUnique();
            version.HasIndex(x => new { x.ContentItemId, x.Number }).IsUnique();
            version.HasIndex(x => new { x.ContentItemId, x.Latest });
            version.HasIndex(x => new { x.ContentItemId, x.Published });
            version.HasIndex(x => new { x.Path, x.Published });
            // At most one live item per public path, enforced by the database: two editors publishing the same
            // title at the same moment cannot both win, whatever the application checked before.
            version.HasIndex(x => x.Path, "IX_ContentVersions_LivePath").IsUnique().HasFilter("\"Published\" AND \"Path\" IS NOT NULL AND \"Path\" <> ''");
            version.HasIndex(x => new { x.ContentType, x.Published, x.SortOrder });
            version.HasIndex(x => new { x.ContentType, x.Latest });
            // Newest-first listings of published items walk this partial index instead of sorting the type.
            // ("Published" as a bare boolean is valid filter syntax for both SQLite and PostgreSQL.)
            version.HasIndex(x => new { x.ContentType, x.PublishedUtc }, "IX_ContentVersions_PublishedByDate").HasFilter("\"Published\"");
        });

        builder.Entity<ContentTermRecord>(term =>
        {
            term.ToTable("ContentTerms");
            term.HasKey(x => x.Id);
            term.Property(x => x.ContentItemId).HasMaxLength(64);
            term.Property(x => x.ContentType).HasMaxLength(128);
            term.Property(x => x.Field).HasMaxLength(256);
            term.Property(x => x.Value).HasMaxLength(256);
            term.HasIndex(x => new { x.ContentType, x.Field, x.Value, x.ContentItemId });
            term.HasIndex(x => new { x.ContentItemId, x.Field });
        });

        builder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("AuditEntries");
            audit.HasKey(x => x.Id);
            audit.Property(x => x.User).HasMaxLength(256);
            audit.Property(x => x.Category).HasMaxLength(32);
            audit.Property(x => x.Action).HasMaxLength(64);
            audit.Property(x => x.SubjectId).HasMaxLength(256);
            audit.Property(x => x.Subject).HasMaxLength(1024);
            audit.Property(x => x.Details).HasMaxLength(4000);
            audit.Property(x => x.VersionBefore).HasMaxLength(64);
            audit.Property(x => x.VersionAfter).HasMaxLength(64);
            audit.HasIndex(x => x.Utc);
            audit.HasIndex(x => new { x.Category, x.Id });
            audit.HasIndex(x => new { x.User, x.Id });
            audit.HasIndex(x => new { x.SubjectId, x.Id });
        });

        builder.Entity<ScheduledPublicationRecord>(schedule =>
        {
            schedule.ToTable("ScheduledPublications");
            schedule.HasKey(x => x.ContentItemId);
            schedule.Property(x => x.ContentItemId).HasMaxLength(64);
            schedule.Property(x => x.RequestedBy).HasMaxLength(256);
            schedule.Property(x => x.ContentItemVersionId).HasMaxLength(64);
            schedule.HasIndex(x => x.PublishAtUtc);
        });

        builder.Entity<UserSessionRecord>(session =>
        {
            session.ToTable("UserSessions");
            session.HasKey(x => x.Id);
            session.Property(x => x.Id).HasMaxLength(64);
            session.Property(x => x.UserId).HasMaxLength(450);
            session.Property(x => x.Address).HasMaxLength(64);
            session.Property(x => x.Device).HasMaxLength(128);
            session.Property(x => x.EndedBy).HasMaxLength(256);
            session.Ignore(x => x.IsActive);
            session.HasIndex(x => new { x.UserId, x.LastSeenUtc });
        });

        builder.Entity<SignInFailureRecord>(failure =>
        {
            failure.ToTable("SignInFailures");
            failure.HasKey(x => x.Id);
            failure.Property(x => x.UserName).HasMaxLength(256);
            failure.Property(x => x.Address).HasMaxLength(64);
            failure.Property(x => x.Step).HasMaxLength(16);
            failure.HasIndex(x => new { x.UserName, x.Utc });
            failure.HasIndex(x => x.Utc);
        });

        builder.Entity<MediaFileRecord>(media =>
        {
            media.ToTable("MediaFiles");
            media.HasKey(x => x.Path);
            media.Property(x => x.Path).HasMaxLength(512);
            media.Property(x => x.ContentType).HasMaxLength(64);
            media.Property(x => x.Sha256).HasMaxLength(64);
            media.Property(x => x.AltText).HasMaxLength(1024);
            media.Property(x => x.Caption).HasMaxLength(1024);
        });

        builder.Entity<DocumentRecord>(document =>
        {
            document.ToTable("Documents");
            document.HasKey(x => x.Name);
            document.Property(x => x.Name).HasMaxLength(128);
            document.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
