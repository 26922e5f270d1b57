using SysRift.Contents.Parts;

namespace SysRift.Contents.Fields;

/// <summary>The parts and fields SysRift supports, by Orchard Core name. Anything else is "unsupported".</summary>
public sealed class ContentBuildingBlocks
{
    private readonly Dictionary<string, IContentFieldType> _fields;
    private readonly Dictionary<string, IContentPartType> _parts;

    public ContentBuildingBlocks(IEnumerable<IContentFieldType> fields, IEnumerable<IContentPartType> parts)
    {
        _fields = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        _parts = parts.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All built-in blocks, for code that runs without a container (command line validation, tests).</summary>
    public static ContentBuildingBlocks Default { get; } = new(
        [new TextField(), new MarkdownField(), new NumericField(), new BooleanField(), new DateField(), new DateTimeField(),
         new TimeField(), new LinkField(), new ContentPickerField(), new MultiTextField()],
        [new TitlePart(), new AutoroutePart(), new MarkdownBodyPart()]);

    public IEnumerable<string> FieldNames => _fields.Keys.Order();

    public IEnumerable<string> PartNames => _parts.Keys.Order();

    public IContentFieldType? Field(string name) => _fields.GetValueOrDefault(name);

    public IContentPartType? Part(string name) => _parts.GetValueOrDefault(name);
}
