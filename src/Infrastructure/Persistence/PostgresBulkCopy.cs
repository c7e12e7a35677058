using System.Collections.Concurrent;
using System.Diagnostics;
using Kezek.Core.Allocation;
using Kezek.Core.Applications;
using Kezek.Core.Lifecycle;
using Kezek.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Kezek.Infrastructure.Persistence;

/// <summary>
/// A bulk save's new append-only rows written with PostgreSQL's binary COPY (<see cref="KezekDbContext.SaveInBulkAsync"/>):
/// history entries, outbox rows, timers, published seats and allocation outcomes, which EF would insert one statement per row.
/// Before EF's save they are taken out of it — given their ids from their tables' sequences in one statement and marked
/// saved — and after it (so that the rows they reference exist: foreign keys are checked per statement) they are copied, in
/// the same transaction, every column as EF would have written it: the column names, store types and value converters of
/// the EF model. What the save computes first (the history's hash chain) has been computed before they are taken out.
/// </summary>
internal sealed class PostgresBulkCopy
{
    /// <summary>The kinds whose new rows are copied: written once when added, never by a later statement of the same save.</summary>
    private static readonly HashSet<Type> Kinds = [typeof(HistoryEntry), typeof(Notification), typeof(WorkflowTimer), typeof(Place), typeof(AllocationOutcome)];

    /// <summary>Fewer new rows of a kind than this are cheaper as EF's batched statements (a COPY costs two round trips).</summary>
    public const int MinimumRows = 8;

    /// <summary>Every statement the writer sends itself (the ids' statement, each COPY): an activity each, so that they can be counted.</summary>
    public static readonly ActivitySource Statements = new("Kezek.Persistence.BulkCopy");

    private static readonly ConcurrentDictionary<IEntityType, Table?> Tables = new();

    private readonly List<(Table Table, List<EntityEntry> Rows)> _copies;

    private PostgresBulkCopy(List<(Table Table, List<EntityEntry> Rows)> copies) => _copies = copies;

    /// <summary>How many rows the copy writes.</summary>
    public int Count => _copies.Sum(c => c.Rows.Count);

    /// <summary>
    /// Chooses the added rows to copy, from the tracked entries (changes already detected): those of the copied kinds, when
    /// enough of a kind are added, whose references are known (no temporary key of a row EF has yet to insert), of a kind no
    /// row saved by EF in the same save refers to. Null when there are none.
    /// </summary>
    public static PostgresBulkCopy? Choose(DbContext context)
    {
        var added = new Dictionary<IEntityType, List<EntityEntry>>();
        var changing = new HashSet<IEntityType>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                changing.Add(entry.Metadata);
            if (entry.State == EntityState.Added && Kinds.Contains(entry.Metadata.ClrType))
            {
                if (!added.TryGetValue(entry.Metadata, out var rows))
                    added[entry.Metadata] = rows = [];
                rows.Add(entry);
            }
        }

        var copies = new List<(Table, List<EntityEntry>)>();
        foreach (var (type, entries) in added)
        {
            if (Tables.GetOrAdd(type, Table.Of) is not { } table
                || type.GetReferencingForeignKeys().Any(fk => changing.Contains(fk.DeclaringEntityType)))
                continue;
            var rows = entries.Where(e => e.Properties.All(p => !p.IsTemporary || p.Metadata == table.Identity)).ToList();
            if (rows.Count >= MinimumRows)
                copies.Add((table, rows));
        }

        return copies.Count == 0 ? null : new PostgresBulkCopy(copies);
    }

    /// <summary>
    /// Gives the rows of the kinds keyed by an identity their ids, from their sequences, in one statement, in the order EF
    /// would have inserted them; then marks every row to copy as saved, so that EF's save leaves them out.
    /// </summary>
    public async Task TakeOutAsync(DbContext context, CancellationToken cancellationToken)
    {
        var numbered = _copies.Where(c => c.Table.Identity is not null).ToList();
        if (numbered.Count > 0)
        {
            var connection = (NpgsqlConnection)context.Database.GetDbConnection();
            var sql = "SELECT " + string.Join(", ", numbered.Select((c, i) =>
                $"ARRAY(SELECT nextval(pg_get_serial_sequence(@t{i}, @c{i})) FROM generate_series(1, @n{i}))"));
            await using var command = new NpgsqlCommand(sql, connection);
            for (var i = 0; i < numbered.Count; i++)
            {
                command.Parameters.AddWithValue($"t{i}", numbered[i].Table.QualifiedName);
                command.Parameters.AddWithValue($"c{i}", numbered[i].Table.IdentityColumn!);
                command.Parameters.AddWithValue($"n{i}", numbered[i].Rows.Count);
            }

            using (Statements.StartActivity("nextval"))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                for (var i = 0; i < numbered.Count; i++)
                {
                    var ids = reader.GetFieldValue<long[]>(i);
                    Array.Sort(ids);
                    var (table, rows) = numbered[i];
                    for (var r = 0; r < rows.Count; r++)
                        rows[r].Property(table.Identity!.Name).CurrentValue = Convert.ChangeType(ids[r], table.Identity.ClrType, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        foreach (var (_, rows) in _copies)
        {
            foreach (var row in rows)
            {
                // As saved: what was set since the row was added (the history's seal) is its saved value, not a change to update.
                row.State = EntityState.Unchanged;
                row.OriginalValues.SetValues(row.CurrentValues);
            }
        }
    }

    /// <summary>Copies the rows taken out, each kind in one COPY, after EF's save in the same transaction.</summary>
    public async Task CopyAsync(DbContext context, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        foreach (var (table, rows) in _copies)
        {
            using var activity = Statements.StartActivity("COPY " + table.QualifiedName);
            activity?.SetTag("rows", rows.Count);
            await using var importer = await connection.BeginBinaryImportAsync(table.CopyCommand, cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    var value = row.CurrentValues[column.Property];
                    if (value is not null && column.Converter is not null)
                        value = column.Converter.ConvertToProvider(value);
                    if (value is null)
                        await importer.WriteNullAsync(cancellationToken);
                    else
                        await importer.WriteAsync(value, column.DataTypeName, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    private sealed record Column(IProperty Property, string Name, string DataTypeName, ValueConverter? Converter);

    /// <summary>How a kind's rows are copied, from the EF model; null for a kind that cannot be (owned parts, store-made values).</summary>
    private sealed record Table(string QualifiedName, IReadOnlyList<Column> Columns, IProperty? Identity, string? IdentityColumn, string CopyCommand)
    {
        public static Table? Of(IEntityType type)
        {
            if (type.GetTableName() is not { } name || type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.FindPrimaryKey() is not { Properties: [var key] })
                return null;
            var store = StoreObjectIdentifier.Table(name, type.GetSchema());
            IProperty? identity = null;
            var columns = new List<Column>();
            foreach (var property in type.GetProperties())
            {
                if (property == key && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long))
                {
                    if (NpgsqlPropertyExtensions.GetValueGenerationStrategy(property) is not (NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                        or NpgsqlValueGenerationStrategy.SerialColumn))
                        return null;
                    identity = property;
                }
                else if (property.ValueGenerated != ValueGenerated.Never && property != key)
                {
                    return null;
                }

                if (property.GetColumnName(store) is not { } column)
                    return null;
                var mapping = property.GetRelationalTypeMapping();
                columns.Add(new Column(property, column, mapping.StoreTypeNameBase, mapping.Converter));
            }

            var qualified = type.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(name)}" : Quote(name);
            return new Table(qualified, columns, identity, identity?.GetColumnName(store),
                $"COPY {qualified} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)");
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
