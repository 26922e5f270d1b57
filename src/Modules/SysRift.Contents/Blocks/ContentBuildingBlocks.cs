namespace SysRift.Contents.Blocks;

/// <summary>
/// The part and field types registered by the modules of this site (<see cref="BlockRegistration"/>), by
/// Orchard Core name. A part or field type not registered here is "unsupported": kept, never edited.
/// </summary>
public sealed class ContentBuildingBlocks
{
    private readonly Dictionary<string, ContentFieldType> _fields;
    private readonly Dictionary<string, ContentPartType> _parts;

    public ContentBuildingBlocks(IEnumerable<ContentFieldType> fields, IEnumerable<ContentPartType> parts)
    {
        _fields = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _parts = parts.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> FieldNames => _fields.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> PartNames => _parts.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<ContentFieldType> Fields => _fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<ContentPartType> Parts => _parts.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public ContentFieldType? Field(string name) => _fields.GetValueOrDefault(name);

    public ContentPartType? Part(string name) => _parts.GetValueOrDefault(name);
}
