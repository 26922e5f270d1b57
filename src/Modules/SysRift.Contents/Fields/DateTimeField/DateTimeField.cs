namespace SysRift.Contents.Fields;

/// <summary>{"Value": "2024-05-31T14:30:00Z"}: a moment, stored in UTC.</summary>
public sealed class DateTimeField() : DateLikeField("a date and time such as 2024-05-31T14:30:00Z", IsDate)
{
    public override string Name => "DateTimeField";

    public override string Description => "A date and time (UTC).";
}
