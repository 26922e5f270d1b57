namespace SysRift.Core.Data;

/// <summary>A named JSON document: content definitions, site settings, roles, other settings.</summary>
public sealed class DocumentRecord
{
    public required string Name { get; set; }
    public string Content { get; set; } = "{}";

    /// <summary>Concurrency token and cache stamp.</summary>
    public long Version { get; set; }

    public DateTime ModifiedUtc { get; set; }
}
