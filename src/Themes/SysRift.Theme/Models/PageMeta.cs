using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SysRift.Theme.Models;

/// <summary>What a view tells the layout about its page: title, description, Open Graph type, JSON-LD.</summary>
public static class PageMeta
{
    public static void Set(ViewDataDictionary viewData, string title, string? description, string ogType = "website", object? jsonLd = null)
    {
        viewData["Title"] = title;
        viewData["Description"] = description;
        viewData["OgType"] = ogType;
        // A property with no value (no job title set) is left out rather than written as null.
        if (jsonLd is IDictionary<string, object?> properties) jsonLd = properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
        if (jsonLd is not null) viewData["JsonLd"] = JsonSerializer.Serialize(jsonLd, JsonOptions);
    }

    /// <summary>"01" for 1: the seeds number their lists with two digits.</summary>
    public static string Number(double? order) => order is { } o ? ((int)o).ToString("00", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static int ReadingMinutes(string text) => Math.Max(1, (int)Math.Ceiling(text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length / 220.0));

    public static string Date(DateTime? value) => value?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // JSON-LD sits in a <script type="application/ld+json">: escape '<' so no text can close the element.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };
}
