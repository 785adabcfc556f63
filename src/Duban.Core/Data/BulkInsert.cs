using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Duban.Core.Data;

/// <summary>
/// Writes new rows of one entity type through one prepared INSERT on the context's own connection and transaction,
/// for imports of many thousand rows, where the change tracker's cost per row would be most of the time. Table and
/// column names, value conversions and parameter types all come from the EF model, so each provider gets what EF
/// itself would write. A key the database generates is read back and set on the entity.
/// </summary>
internal sealed class BulkInsert<T> : IAsyncDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)[] _columns;
    private readonly IProperty? _generatedKey;

    // SQLite hands out the new row id on the connection; reading it back through RETURNING costs a data reader per row,
    // which made the insert six times slower than the row's own work.
    private readonly Microsoft.Data.Sqlite.SqliteConnection? _sqlite;

    private BulkInsert(DbCommand command, (IProperty, DbParameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?)[] columns,
        IProperty? generatedKey)
    {
        _command = command;
        _columns = columns;
        _generatedKey = generatedKey;
        _sqlite = command.Connection as Microsoft.Data.Sqlite.SqliteConnection;
    }

    /// <param name="readKey">Whether a key the database generates is read back (a parent's, for its parts).</param>
    public static async Task<BulkInsert<T>> PrepareAsync(DubanDb db, bool readKey, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var generated = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        var generatedKey = readKey ? generated : null;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        var columns = entity.GetProperties().Where(p => p != generated).Select((p, i) =>
        {
            var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, $"p{i}", null, p.IsNullable);
            command.Parameters.Add(parameter);
            return (Property: p, Parameter: parameter, mapping.Converter);
        }).ToArray();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName.StartsWith('@') ? c.Parameter.ParameterName : "@" + c.Parameter.ParameterName))})" +
            (generatedKey is null || command.Connection is Microsoft.Data.Sqlite.SqliteConnection
                ? string.Empty
                : $" RETURNING {sql.DelimitIdentifier(generatedKey.GetColumnName(table)!)}");
        await command.PrepareAsync(cancellationToken);
        return new BulkInsert<T>(command, columns, generatedKey);
    }

    /// <summary>Inserts a part of a record written just before: its foreign key is set to the record's new key first.</summary>
    public Task InsertAsync(T entity, string foreignKey, object key, CancellationToken cancellationToken)
    {
        Set(_columns.Single(c => c.Property.Name == foreignKey).Property, entity, key);
        return InsertAsync(entity, cancellationToken);
    }

    public async Task InsertAsync(T entity, CancellationToken cancellationToken)
    {
        foreach (var (property, parameter, converter) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            parameter.Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }
        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        object? key;
        if (_sqlite is not null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            key = SQLitePCL.raw.sqlite3_last_insert_rowid(_sqlite.Handle);
        }
        else
        {
            key = await _command.ExecuteScalarAsync(cancellationToken);
        }
        Set(_generatedKey, entity, Convert.ChangeType(key, _generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture)!);
    }

    // Keys have private setters: EF sets them through the backing field, and so does this.
    private static void Set(IProperty property, object entity, object value)
    {
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, value);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, value);
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
