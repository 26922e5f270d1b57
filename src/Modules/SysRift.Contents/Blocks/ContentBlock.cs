using System.Text.Json.Nodes;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Blocks;

/// <summary>
/// A building block of content types: a part type (TitlePart) or a field type (LinkField). One class and
/// one folder hold all a block is: its JSON shape and validation, the settings it declares, how its editor
/// is described and bound, its views, its text for version diffs and what it gives the indexes. The engine
/// only ever talks to this class; it holds no list of block names.
/// </summary>
public abstract class ContentBlock
{
    /// <summary>Orchard Core's name of the block ("TextField", "TitlePart"); its settings group is "{Name}Settings".</summary>
    public abstract string Name { get; }

    /// <summary>What an administrator reads when choosing the block.</summary>
    public abstract string Description { get; }

    public abstract BlockKind Kind { get; }

    public string SettingsGroup => Name + "Settings";

    /// <summary>The settings an administrator can edit, stored in the "{Name}Settings" group unless they name another.</summary>
    public virtual IReadOnlyList<BlockSetting> Settings => [];

    public string GroupOf(BlockSetting setting) => setting.Group ?? SettingsGroup;

    /// <summary>Checks a stored or posted value against its settings; errors carry JSON paths.</summary>
    public abstract void Validate(BlockValue value);

    /// <summary>Checks settings beyond what each <see cref="BlockSetting"/> checks alone (minimum not above maximum).</summary>
    public virtual void ValidateSettings(BlockSettingsCheck check)
    {
    }

    /// <summary>Checks stored settings (from a recipe or the type editor): each declared setting, then <see cref="ValidateSettings"/>.</summary>
    public void CheckSettings(JsonObject settings, Action<string, string> error)
    {
        foreach (var setting in Settings) setting.Check(settings, GroupOf(setting), message => error(setting.Name, message));
        ValidateSettings(new BlockSettingsCheck(settings, SettingsGroup, error));
    }

    /// <summary>Fills what the editor view needs beyond the value and settings (the picker's candidates).</summary>
    public virtual Task DescribeAsync(EditorField editor, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the posted input into <see cref="EditorInput.Value"/>, keeping properties the editor does not show.</summary>
    public abstract void Bind(EditorInput input);

    /// <summary>The value as an editor reads it, for version diffs and conflict views (one line per list entry).</summary>
    public abstract string Text(EditorField editor);

    /// <summary>What the value adds to the term index (filters) and the full-text index.</summary>
    public virtual void Index(JsonObject value, ContentIndexEntry entry)
    {
    }

    /// <summary>The folder of the block's views, inside its module ("/Fields/LinkField").</summary>
    public virtual string ViewFolder => $"/{(Kind == BlockKind.Field ? "Fields" : "Parts")}/{Name}";

    public string EditorView => $"{ViewFolder}/{Name}.Edit.cshtml";

    /// <summary>The block's own display view for a display type; Detail is the fallback of every other type.</summary>
    public string DisplayView(string displayType) => displayType == "Detail" ? $"{ViewFolder}/{Name}.cshtml" : $"{ViewFolder}/{Name}.{displayType}.cshtml";
}

public enum BlockKind { Part, Field }

/// <summary>A field type: a value object inside a part, under the field's name ({"Text": "..."}).</summary>
public abstract class ContentFieldType : ContentBlock
{
    public sealed override BlockKind Kind => BlockKind.Field;
}

/// <summary>A part type with behaviour of its own: its properties sit directly in the part object ({"Title": "..."}).</summary>
public abstract class ContentPartType : ContentBlock
{
    public sealed override BlockKind Kind => BlockKind.Part;

    /// <summary>The label of the part's editor and the subject of its error messages ("Title").</summary>
    public abstract string Label { get; }

    /// <summary>
    /// A part Orchard attaches to items without listing it on their type (ContainedPart, put on a list's
    /// items by their ListPart): where an item holds it, it is edited and indexed as if the type had it.
    /// </summary>
    public virtual bool AttachedToItems => false;

    /// <summary>The item's display text this part gives (TitlePart's title, a menu link's text); null when it gives none.</summary>
    public virtual string? DisplayTextOf(JsonObject part) => null;
}
