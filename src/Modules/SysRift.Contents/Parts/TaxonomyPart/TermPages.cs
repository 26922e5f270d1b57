using System.Text.Json.Nodes;
using SysRift.Contents.Items;
using SysRift.Contents.Publishing;

namespace SysRift.Contents.Parts;

/// <summary>
/// Where each term of each published taxonomy is shown: at its own AutoroutePart path when it has one (Orchard
/// routes contained terms that way), else under its taxonomy's path ("/tags/queues"), else at "/terms/{id}".
/// A site has a few taxonomies of at most some hundred terms, so all are read (cached with published content).
/// </summary>
public sealed class TermPages(PublishedContent published)
{
    public const string TaxonomyType = "Taxonomy";

    public sealed record TermLink(ContentItem Taxonomy, JsonObject Term, string TermId, string Title, string Url);

    public async Task<IReadOnlyList<TermLink>> AllAsync(CancellationToken cancellationToken = default)
    {
        var links = new List<TermLink>();
        foreach (var taxonomy in await published.AllAsync(TaxonomyType, cancellationToken))
        {
            var under = taxonomy.Path is { Length: > 0 } path ? path : null;
            foreach (var (id, title, term) in TaxonomyPart.Terms(taxonomy.Part("TaxonomyPart")))
            {
                var own = term["AutoroutePart"]?["Path"] is JsonValue value && value.TryGetValue<string>(out var p) ? AutoroutePart.Normalize(p) : "";
                var url = own.Length > 0 ? own : under is not null ? $"{under}/{AutoroutePart.Slugify(title)}" : $"terms/{id}";
                links.Add(new TermLink(taxonomy, term, id, title, "/" + url));
            }
        }

        return links;
    }

    /// <summary>The term shown at <paramref name="path"/> (without the leading slash), if any.</summary>
    public async Task<TermLink?> FindAsync(string path, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(t => string.Equals(t.Url, "/" + path, StringComparison.OrdinalIgnoreCase));
}
