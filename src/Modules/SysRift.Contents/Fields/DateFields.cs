using System.Globalization;

namespace SysRift.Contents.Fields;

/// <summary>Date, DateTime and Time fields: {"Value": "..."}, checked to parse as what they claim to be.</summary>
public abstract class DateLikeField(string name, string expected, Func<string, bool> parses) : IContentFieldType
{
    public string Name => name;

    public void Validate(FieldContext context)
    {
        var text = context.StringProperty("Value");
        context.RequireWhenEmpty("Value", string.IsNullOrWhiteSpace(text));
        if (!string.IsNullOrWhiteSpace(text) && !parses(text.Trim())) context.Error("Value", $"must be {expected} (got \"{text}\").");
    }

    protected static bool IsDate(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _);
}

public sealed class DateField() : DateLikeField("DateField", "a date such as 2024-05-31", IsDate);

public sealed class DateTimeField() : DateLikeField("DateTimeField", "a date and time such as 2024-05-31T14:30:00Z", IsDate);

public sealed class TimeField() : DateLikeField("TimeField", "a time such as 14:30", text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.Zero && t < TimeSpan.FromDays(1));
