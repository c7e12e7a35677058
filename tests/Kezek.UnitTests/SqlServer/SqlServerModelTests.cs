using Kezek.Infrastructure.Persistence;
using Kezek.Migrations.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kezek.UnitTests.SqlServer;

/// <summary>
/// The model EF Core builds for SQL Server (the design-time one the migrations are made from): how each kind of value is
/// stored, and how text is compared.
/// </summary>
public sealed class SqlServerModelTests
{
    private static readonly IReadOnlyList<IProperty> Columns = Load();

    private static List<IProperty> Load()
    {
        using var db = new DesignTimeFactory().CreateDbContext([]);
        Assert.True(db.Database.IsSqlServer());
        var model = db.GetService<IDesignTimeModel>().Model;
        return model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.GetTableColumnMappings().Any()).ToList();
    }

    /// <summary>The type the provider stores (an enum stored as its name is text).</summary>
    private static Type ClrType(IProperty property)
    {
        var type = property.GetValueConverter()?.ProviderClrType ?? property.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static string Name(IProperty p) => $"{p.DeclaringType.DisplayName()}.{p.Name} ({p.GetColumnType()})";

    [Fact]
    public void Every_string_column_is_nvarchar_so_Kazakh_letters_are_kept()
    {
        var text = Columns.Where(p => ClrType(p) == typeof(string)).ToList();
        Assert.True(text.Count > 50, $"only {text.Count} text columns found");
        var notUnicode = text.Where(p => p.IsUnicode() == false || !p.GetColumnType().StartsWith("nvarchar(", StringComparison.Ordinal)).Select(Name).ToList();
        Assert.True(notUnicode.Count == 0, "Not nvarchar: " + string.Join(", ", notUnicode));
    }

    [Fact]
    public void Instants_are_datetime2_in_UTC_and_days_are_date()
    {
        var byType = Columns.GroupBy(ClrType).ToDictionary(g => g.Key, g => g.ToList());
        // Kezek stores instants as UTC DateTime (a converter marks them UTC on the way back): datetime2, 100 ns, no zone to lose.
        Assert.All(byType[typeof(DateTime)], p => Assert.Equal("datetime2", p.GetColumnType()));
        Assert.All(byType[typeof(DateOnly)], p => Assert.Equal("date", p.GetColumnType()));
        Assert.All(byType.GetValueOrDefault(typeof(DateTimeOffset)) ?? [], p => Assert.Equal("datetimeoffset", p.GetColumnType()));
        Assert.All(byType.GetValueOrDefault(typeof(TimeOnly)) ?? [], p => Assert.Equal("time", p.GetColumnType()));
        Assert.All(byType[typeof(DateTime)], p => Assert.NotNull(p.GetValueConverter()));
        Assert.Contains(byType[typeof(DateOnly)], p => p.GetColumnName() == "ChildBirthDate");
    }

    [Fact]
    public void Name_keys_compare_by_code_point_and_IINs_by_the_database_default()
    {
        var nameKeys = Columns.Where(p => p.Name == "NameKey").ToList();
        Assert.Equal(["ApplicantNameKey", "ChildNameKey"], nameKeys.Select(p => p.GetColumnName()).Order());
        Assert.All(nameKeys, p => Assert.Equal(KezekDbContext.SqlServerNameKeyCollation, p.GetCollation()));

        // IINs are twelve digits (checked by Iin.Parse before they are stored or searched): every collation orders and
        // compares digits alike, so they keep the database's; so does every other column.
        var iins = Columns.Where(p => p.GetColumnName().EndsWith("Iin", StringComparison.Ordinal) || p.Name == "Iin").ToList();
        Assert.True(iins.Count >= 8, $"{iins.Count} IIN columns");
        Assert.All(iins, p => Assert.Equal("nvarchar(12)", p.GetColumnType()));
        Assert.Empty(Columns.Where(p => p.Name != "NameKey" && p.GetCollation() is not null).Select(Name));
    }
}
