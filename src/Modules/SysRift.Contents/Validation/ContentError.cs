namespace SysRift.Contents.Validation;

/// <summary>A problem with one value, named by its path in the item ("Principle.Statement.Text").</summary>
public sealed record ContentError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
