using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Search.Services;

/// <summary>
/// Ranked full-text search in the database (SQLite FTS5 with bm25, or PostgreSQL ts_rank over a weighted
/// tsvector), never a scan in C#. Visitor input is reduced to words before it reaches either query
/// language, and snippets are HTML-encoded before the match markers become &lt;mark&gt;.
/// </summary>
public sealed partial class SearchService(SysRiftDbContext db, ScopedDatabase database)
{
    public const int MaxQueryLength = 200;
    private const char Start = '\u0001';
    private const char Stop = '\u0002';

    /// <param name="contentType">One type to search, or "" for every published item with a page.</param>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, string contentType, int take = 20, CancellationToken cancellationToken = default)
    {
        var words = Words().Matches((query ?? "").Length > MaxQueryLength ? query![..MaxQueryLength] : query ?? "")
            .Select(m => m.Value.ToLowerInvariant()).Distinct().Take(8).ToList();
        if (words.Count == 0) return [];

        var rows = database.Settings.Provider == DatabaseProvider.Postgres
            ? await db.Database.SqlQuery<Row>($"""
                SELECT "ContentItemId", "Path", "Title",
                       ts_headline('english', "Text" || ' ' || "Body", q, 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=30, MinWords=12, MaxFragments=1') AS "Snippet"
                FROM "SearchIndex", to_tsquery('english', {string.Join(" & ", words.Select(w => "(" + string.Join(" | ", Forms(w).Select(f => f + ":*")) + ")"))}) AS q
                WHERE ({contentType} = '' OR "ContentType" = {contentType}) AND "Document" @@ q
                ORDER BY ts_rank("Document", q) DESC, "Title"
                LIMIT {take}
                """).ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<Row>($"""
                SELECT "ContentItemId", "Path", "Title", COALESCE(NULLIF(snippet("SearchIndex", 5, char(1), char(2), '…', 24), ''), snippet("SearchIndex", 4, char(1), char(2), '…', 24)) AS "Snippet"
                FROM "SearchIndex"
                WHERE "SearchIndex" MATCH {string.Join(" AND ", words.Select(w => "(" + string.Join(" OR ", Forms(w).Select(f => $"\"{f}\"*")) + ")"))} AND ({contentType} = '' OR "ContentType" = {contentType})
                ORDER BY bm25("SearchIndex", 0, 0, 0, 10.0, 4.0, 1.0, 3.0), "Title"
                LIMIT {take}
                """).ToListAsync(cancellationToken);

        return rows.Select(r => new SearchHit(r.ContentItemId, r.Path, r.Title, Highlight(r.Snippet))).ToList();
    }

    /// <summary>
    /// The prefixes a word is searched by. Both providers stem with Porter's English rules, which keep a final "e"
    /// in "queue" but drop it from "queued" ("queu"): the word without its final e is searched too, so "queue"
    /// finds what "queued" finds, as "failure" finds "failures".
    /// </summary>
    public static IEnumerable<string> Forms(string word) => word.Length > 3 && word.EndsWith('e') ? [word, word[..^1]] : [word];

    /// <summary>Encodes the snippet, then turns the database's match markers into &lt;mark&gt; elements.</summary>
    public static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(Start.ToString(), "<mark>", StringComparison.Ordinal).Replace(Stop.ToString(), "</mark>", StringComparison.Ordinal)
            // Blocks of the body are lines: a heading ends where its text begins.
            .ReplaceLineEndings("\n").Replace("\n", " · ", StringComparison.Ordinal);

    public sealed record Row(string ContentItemId, string Path, string Title, string Snippet);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
