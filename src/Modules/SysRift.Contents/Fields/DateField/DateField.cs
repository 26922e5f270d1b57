namespace SysRift.Contents.Fields;

/// <summary>{"Value": "2024-05-31"}: a calendar date.</summary>
public sealed class DateField() : DateLikeField("a date such as 2024-05-31", IsDate)
{
    public override string Name => "DateField";

    public override string Description => "A calendar date.";
}
