using SysRift.Admin.Editors;
using SysRift.Contents.Editing;
using SysRift.Contents.Definitions;
using SysRift.Core.Data;

namespace SysRift.Admin.ViewModels;

public sealed record ContentTypeSummary(string Name, string DisplayName, int Items, int Drafts, int Trashed);

public sealed record ContentRow(string ContentItemId, string DisplayText, ContentStatus Status, string? Owner, string? Author, DateTime ModifiedUtc, double? SortOrder, DateTime? ScheduledUtc, bool CanEdit);

public sealed class ContentListViewModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required IReadOnlyList<ContentRow> Rows { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public string? Query { get; init; }
    public ContentStatus? Status { get; init; }
    public string Sort { get; init; } = "modified";
    public bool Ordered { get; init; }
    public bool CanPublish { get; init; }
    public bool CanDelete { get; init; }
    public bool CanReorder { get; init; }
    public bool CanCreate { get; init; }
    public string? Message { get; init; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Link(int? page = null, string? sort = null) =>
        $"/admin/content/{Type.Name}?q={Uri.EscapeDataString(Query ?? "")}&status={Status}&sort={sort ?? Sort}&page={page ?? Page}";
}

public sealed record BulkConfirmViewModel(ContentTypeDefinition Type, string Action, IReadOnlyList<ContentRow> Items, IReadOnlyList<string> Refused);

public sealed class ContentEditorViewModel
{
    public required ContentTypeDefinition Type { get; init; }
    public required string ContentItemId { get; init; }
    public bool IsNew { get; init; }
    public ContentStatus? Status { get; init; }
    public int Revision { get; set; }
    public string? Owner { get; init; }
    public required List<EditorField> Fields { get; init; }
    public List<string> FormErrors { get; init; } = [];
    public string? Message { get; init; }
    public DateTime? ScheduledUtc { get; init; }
    public string? ScheduledLocal { get; init; }

    /// <summary>Which version the schedule publishes, and whether a newer draft stays behind.</summary>
    public string? ScheduleNote { get; init; }
    public string TimeZoneId { get; init; } = "UTC";
    public string? PublicPath { get; init; }
    public bool CanPublish { get; init; }
    public bool CanDelete { get; init; }

    /// <summary>Set after a conflicting save: the version someone else saved, shown beside the user's input.</summary>
    public List<EditorField>? TheirFields { get; init; }
    public string? TheirAuthor { get; init; }

    /// <summary>The media library for the Markdown editor's insert button: each file with its alt text.</summary>
    public IReadOnlyList<(string Url, string Name, string? AltText)> Media { get; init; } = [];

    public string Action => IsNew ? $"/admin/content/{Type.Name}/new" : $"/admin/content/item/{ContentItemId}";
}

public sealed record VersionRow(string ContentItemVersionId, int Number, string DisplayText, string? Author, DateTime ModifiedUtc, bool Latest, bool Published);

public sealed record HistoryViewModel(ContentTypeDefinition Type, string ContentItemId, string DisplayText, ContentStatus Status, int Revision, IReadOnlyList<VersionRow> Versions);

public sealed record DiffViewModel(ContentTypeDefinition Type, string ContentItemId, string DisplayText, VersionRow From, VersionRow To, IReadOnlyList<VersionDiff.FieldDiff> Fields);

public sealed record TrashViewModel(IReadOnlyList<(string ContentItemId, string ContentType, string DisplayText, DateTime ModifiedUtc)> Items);
