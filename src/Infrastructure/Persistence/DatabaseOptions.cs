namespace Kezek.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Configuration <c>Kezek:Database</c>: which provider, and its connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Kezek:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, the default is a file under the data folder.</summary>
    public string? ConnectionString { get; set; }
}
