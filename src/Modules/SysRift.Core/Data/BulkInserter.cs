using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SysRift.Core.Data;

/// <summary>
/// Writes new rows of the entity types given as multi-row INSERTs that are prepared once and reused, instead of
/// SaveChanges' one statement per row. On SQLite, SaveChanges prepares every statement of every batch again
/// (for ContentVersions, with nine indexes, that compiling cost more than the insert itself) and reads each new
/// key back; a bulk import needs neither. The rows are never tracked by the context (<see cref="NewRows"/>
/// collects them), which an import would pay for once per row and then undo.
/// Columns, names and value conversions come from the EF model, so the rows are stored exactly as SaveChanges
/// would store them. Database-generated keys are left to the database and are not read back: use it for rows
/// nothing else in the unit of work refers to by that key.
/// </summary>
public sealed class BulkInserter
{
    // At most this many parameters in one statement. SQLite looks each parameter's name up among all of the
    // statement's, so binding costs grow with the square of their number: 20 rows of 15 columns is about where
    // fewer round trips stop paying for that.
    private const int MaxParameters = 300;

    private readonly List<(IEntityType Type, List<object> Rows)> _tables = [];

    /// <summary>An empty set of rows for <paramref name="types"/>, inserted in the order the types are given.</summary>
    public static BulkInserter For(DbContext db, params Type[] types)
    {
        var inserter = new BulkInserter();
        foreach (var type in types)
            inserter._tables.Add((db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model."), []));
        return inserter;
    }

    public bool Takes(Type type) => _tables.Exists(t => t.Type.ClrType == type);

    public void Add(object row) => _tables.Find(t => t.Type.ClrType == row.GetType()).Rows.Add(row);

    /// <summary>Forgets rows not inserted yet (rows that are being replaced before they were written).</summary>
    public void RemoveAll<T>(Predicate<T> match) where T : class
    {
        foreach (var (type, rows) in _tables)
            if (type.ClrType == typeof(T)) rows.RemoveAll(row => match((T)row));
    }

    /// <summary>Inserts the rows on the context's connection, inside its current transaction. Fails as SaveChanges does, with a <see cref="DbUpdateException"/>.</summary>
    public async Task InsertAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var (entityType, rows) in _tables)
        {
            if (rows.Count == 0) continue;
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            // A key the database generates (an autoincrement Id) is left out: the database numbers the rows.
            var columns = entityType.GetProperties()
                .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
                .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Name: p.GetColumnName(table)!))
                .ToList();
            var perStatement = Math.Max(1, MaxParameters / columns.Count);
            var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";

            // Full statements share one command (prepared once); the remainder gets its own.
            DbCommand? full = null, rest = null;
            try
            {
                foreach (var chunk in rows.Chunk(perStatement))
                {
                    var command = chunk.Length == perStatement
                        ? full ??= Create(connection, transaction, head, columns.Count, chunk.Length)
                        : rest ??= Create(connection, transaction, head, columns.Count, chunk.Length);
                    command.Parameters.Clear();
                    var index = 0;
                    foreach (var row in chunk)
                    foreach (var (property, mapping, _) in columns)
                        command.Parameters.Add(mapping.CreateParameter(command, "@p" + index++, property.GetGetter().GetClrValue(row), property.IsNullable));
                    try
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    catch (DbException error)
                    {
                        // As SaveChanges reports it: callers already handle a refused write (a unique path taken meanwhile).
                        throw new DbUpdateException($"Inserting into {table.Name} failed: {error.Message}", error);
                    }
                }
            }
            finally
            {
                if (full is not null) await full.DisposeAsync();
                if (rest is not null) await rest.DisposeAsync();
            }
        }
    }

    private static DbCommand Create(DbConnection connection, DbTransaction? transaction, string head, int columns, int rows)
    {
        var text = new StringBuilder(head);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns; column++)
                text.Append(column == 0 ? "" : ", ").Append("@p").Append(row * columns + column);
            text.Append(')');
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text.ToString();
        return command;
    }
}
