using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Markdown;
using SysRift.Core.Data;

namespace SysRift.Search.Services;

/// <summary>The searchable text of a published version: title, field text, body (as plain text) and list values.</summary>
public sealed record SearchDocument(string ContentItemId, string ContentType, string Path, string Title, string Text, string Body, string Tags)
{
    public static SearchDocument From(ContentVersionRecord version, MarkdownRenderer markdown)
    {
        var text = new List<string>();
        var tags = new List<string>();
        var body = "";
        if (JsonNode.Parse(version.Data) is JsonObject parts)
        {
            foreach (var (partName, part) in parts)
            {
                if (part is not JsonObject fields) continue;
                if (partName == "MarkdownBodyPart") body = markdown.ToPlainText(fields["Markdown"]?.GetValue<string>());
                foreach (var (_, field) in fields)
                {
                    if (field is not JsonObject value) continue;
                    if (value["Text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String) text.Add(t.GetValue<string>());
                    if (value["Markdown"] is JsonValue m && m.GetValueKind() == JsonValueKind.String) text.Add(markdown.ToPlainText(m.GetValue<string>()));
                    if (value["Values"] is JsonArray list) tags.AddRange(list.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()));
                }
            }
        }

        return new SearchDocument(version.ContentItemId, version.ContentType, version.Path ?? "", version.DisplayText, string.Join("\n", text), body, string.Join(" ", tags));
    }
}

/// <summary>One search result: where it is, its title, and a snippet with the matches marked.</summary>
public sealed record SearchHit(string ContentItemId, string Path, string Title, string SnippetHtml);
