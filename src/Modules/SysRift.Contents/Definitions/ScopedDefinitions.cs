namespace SysRift.Contents.Definitions;

/// <summary>
/// The definitions work in this scope sees: the site's (cached), or those a recipe is applying in its
/// transaction, which other connections cannot see before it commits.
/// </summary>
public sealed class ScopedDefinitions(ContentDefinitionService site)
{
    public ContentDefinitionDocument? InProgress { get; set; }

    public async Task<ContentDefinitionDocument> GetAsync(CancellationToken cancellationToken = default) => InProgress ?? await site.GetAsync(cancellationToken);
}
