using System.Globalization;

namespace SysRift.Contents.Fields;

/// <summary>{"Value": "14:30"}: a time of day.</summary>
public sealed class TimeField() : DateLikeField("a time such as 14:30", IsTime)
{
    public override string Name => "TimeField";

    public override string Description => "A time of day.";

    private static bool IsTime(string text) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.Zero && t < TimeSpan.FromDays(1);
}
