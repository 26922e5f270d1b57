using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Core.Documents;
using SysRift.Core.Signals;

namespace SysRift.Contents.Definitions;

/// <summary>
/// The site's content definitions, cached in memory (singleton) and refreshed when the "definitions"
/// topic moves. The cached document is shared: never mutate it; writers load their own copy.
/// </summary>
public sealed class ContentDefinitionService(IServiceScopeFactory scopes, ChangeSignal signal)
{
    private readonly CachedDocument<ContentDefinitionDocument> _cache =
        new(scopes, signal, ContentDefinitionDocument.DocumentName, ChangeTopics.Definitions, () => new ContentDefinitionDocument());

    public Task<ContentDefinitionDocument> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    /// <summary>A private, mutable copy (for validation dry runs and writers).</summary>
    public static ContentDefinitionDocument Clone(ContentDefinitionDocument document) =>
        JsonSerializer.Deserialize<ContentDefinitionDocument>(JsonSerializer.Serialize(document, DocumentStore.JsonOptions), DocumentStore.JsonOptions)!;

    /// <summary>Loads a fresh copy inside the caller's unit of work, applies <paramref name="alter"/>, saves it.</summary>
    public static async Task AlterAsync(DocumentStore store, Action<ContentDefinitionDocument> alter, CancellationToken cancellationToken = default)
    {
        var document = await store.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentName, cancellationToken) ?? new ContentDefinitionDocument();
        alter(document);
        await store.SaveAsync(ContentDefinitionDocument.DocumentName, document, ChangeTopics.Definitions, cancellationToken);
    }
}
