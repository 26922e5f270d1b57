namespace SysRift.Recipes.Execution;

/// <summary>How a recipe is run.</summary>
public sealed class RecipeOptions
{
    /// <summary>Import what SysRift supports and report the rest, instead of refusing the recipe.</summary>
    public bool SkipUnsupported { get; init; }

    /// <summary>Values for parameters('...'): AdminUsername, AdminUserId, SiteName.</summary>
    public Dictionary<string, string> Parameters { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Who runs it: the owner and author of imported items that name none, and of new versions.</summary>
    public string? User { get; init; }

    /// <summary>Who the audit trail names as having run it, when not <see cref="User"/> (the command line's operator).</summary>
    public string? AuditUser { get; init; }

    /// <summary>The recipe's file, when it came from one: its folder is where [file:text('…')] reads; a recipe without a name is called after it.</summary>
    public string? Source { get; init; }

    public string? Folder => Source is null ? null : Path.GetDirectoryName(Path.GetFullPath(Source));

    /// <summary>Receives (items done, items in all) during long content imports.</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }
}
