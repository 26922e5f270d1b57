namespace SysRift.Contents.Fields;

/// <summary>A field type SysRift supports, under Orchard Core's name (TextField, NumericField, ...).</summary>
public interface IContentFieldType
{
    string Name { get; }

    void Validate(FieldContext context);
}
