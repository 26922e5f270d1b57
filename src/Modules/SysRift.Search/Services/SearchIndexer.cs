using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SysRift.Contents.Indexing;
using SysRift.Core.Data;

namespace SysRift.Search.Services;

/// <summary>Keeps the full-text index in step with published, routable content, inside the content's transaction.</summary>
public sealed class SearchIndexer(SysRiftDbContext db, ContentIndexReader reader) : IPublishedContentIndexer, IDisposable
{
    // The same statement serves FTS5 and PostgreSQL (where the tsvector column is generated).
    private const string Insert = """
        INSERT INTO "SearchIndex" ("ContentItemId", "ContentType", "Path", "Title", "Text", "Body", "Tags")
        VALUES (@id, @type, @path, @title, @text, @body, @tags)
        """;

    // One command per scope, its values bound again for each item: an import indexes thousands of items in one
    // scope, and building the statement through EF's raw SQL (and SQLite compiling it) again for each cost
    // about a third of what FTS5's own work does.
    private DbCommand? _insert;

    public async Task IndexAsync(string contentItemId, string contentType, ContentVersionRecord? published, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew)
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"SearchIndex\" WHERE \"ContentItemId\" = {contentItemId}", cancellationToken);
        if (published is null || string.IsNullOrEmpty(published.Path)) return;

        var document = SearchDocument.From(published, await reader.ReadAsync(published, cancellationToken));
        await db.Database.OpenConnectionAsync(cancellationToken); // already open inside the content's transaction
        try
        {
            var insert = _insert ??= CreateInsert(db.Database.GetDbConnection());
            insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            string[] values = [document.ContentItemId, document.ContentType, document.Path, document.Title, document.Text, document.Body, document.Tags];
            for (var i = 0; i < values.Length; i++) insert.Parameters[i].Value = values[i];
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand CreateInsert(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Insert;
        foreach (var name in (string[])["@id", "@type", "@path", "@title", "@text", "@body", "@tags"])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = System.Data.DbType.String;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    // IDisposable, not only IAsyncDisposable: a scope disposed synchronously refuses services it cannot dispose that way.
    public void Dispose() => _insert?.Dispose();
}
