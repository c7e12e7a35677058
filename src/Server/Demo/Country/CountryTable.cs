namespace Kezek.Server.Demo.Country;

/// <summary>Takes the values of one row, column by column, typed as the column is stored.</summary>
public interface IRowWriter
{
    void Text(string? value);

    void Number(int value);

    /// <summary>A row id or a reference to one.</summary>
    void Id(long value);

    void Flag(bool value);

    void Date(DateOnly? value);

    /// <summary>A UTC instant.</summary>
    void Timestamp(DateTime? value);

    void Uuid(Guid value);
}

/// <summary>A column of a table and how a row writes its value.</summary>
public sealed record CountryColumn<T>(string Name, Action<IRowWriter, T> Write);

/// <summary>A table of Kezek's schema as the generator fills it: its name and the columns it writes (the others keep their defaults).</summary>
public sealed class CountryTable<T>(string name, params CountryColumn<T>[] columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<CountryColumn<T>> Columns { get; } = columns;

    public void WriteRow(IRowWriter writer, T row)
    {
        foreach (var column in Columns)
            column.Write(writer, row);
    }
}
