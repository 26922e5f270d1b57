using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;
using SysRift.Core.Signals;

namespace SysRift.Core.Documents;

/// <summary>Reads and writes named JSON documents (scoped: shares the unit of work's DbContext).</summary>
public sealed class DocumentStore(SysRiftDbContext db, PendingChanges pending)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<T?> GetAsync<T>(string name, CancellationToken cancellationToken = default) where T : class
    {
        var record = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize<T>(record.Content, JsonOptions);
    }

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken = default)
        => await db.Documents.AsNoTracking().Select(d => d.Name).OrderBy(n => n).ToListAsync(cancellationToken);

    public async Task<string?> GetRawAsync(string name, CancellationToken cancellationToken = default)
        => (await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken))?.Content;

    /// <summary>Inserts or replaces the document; <paramref name="topic"/> is signalled after commit.</summary>
    public async Task SaveAsync<T>(string name, T value, string topic, CancellationToken cancellationToken = default)
        => await SaveRawAsync(name, JsonSerializer.Serialize(value, JsonOptions), topic, cancellationToken);

    public async Task SaveRawAsync(string name, string json, string topic, CancellationToken cancellationToken = default)
    {
        var record = await db.Documents.AsTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        if (record is null)
        {
            db.Documents.Add(new DocumentRecord { Name = name, Content = json, Version = 1, ModifiedUtc = DateTime.UtcNow });
        }
        else
        {
            record.Content = json;
            record.Version++;
            record.ModifiedUtc = DateTime.UtcNow;
        }

        pending.Add(topic);
        await db.SaveChangesAsync(cancellationToken);
    }
}
