using Kezek.Core.Words;

namespace Kezek.Core.Regions;

public enum Ownership
{
    State,
    Private,
}

/// <summary>What describes a kindergarten, as it is created or edited (the BIN and the region stay).</summary>
public sealed record KindergartenDescription(string NameRu, string NameKk, string AddressRu, string AddressKk, GeoPoint Location,
    IReadOnlyList<string> Languages, Ownership Ownership);

/// <summary>ДДО: a kindergarten of a region, identified by its BIN.</summary>
public sealed class Kindergarten
{
    public Kindergarten(Guid id, string regionCode, string bin, string nameRu, string nameKk, string address,
        string languages, Ownership ownership, string addressKk = "", GeoPoint? location = null)
    {
        Id = id;
        RegionCode = regionCode;
        Bin = bin;
        NameRu = nameRu;
        NameKk = nameKk;
        AddressRu = address;
        AddressKk = addressKk;
        Languages = languages;
        Ownership = ownership;
        Latitude = location?.Latitude;
        Longitude = location?.Longitude;
    }

    public Kindergarten(Guid id, string regionCode, Bin bin, KindergartenDescription description)
        : this(id, regionCode, bin.Value, description.NameRu, description.NameKk, description.AddressRu,
            string.Join(',', description.Languages), description.Ownership, description.AddressKk, description.Location)
    {
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private Kindergarten()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    public string RegionCode { get; private set; }

    public string Bin { get; private set; }

    public string NameRu { get; private set; }

    public string NameKk { get; private set; }

    public string AddressRu { get; private set; }

    /// <summary>Empty for kindergartens entered before addresses were kept in Kazakh: the Russian one is shown.</summary>
    public string AddressKk { get; private set; }

    /// <summary>Languages of instruction, comma-separated: "kk", "ru" or "kk,ru".</summary>
    public string Languages { get; private set; }

    /// <summary>Whether the kindergarten teaches in this language.</summary>
    public bool Teaches(Language language) =>
        Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(language.Code);

    public Ownership Ownership { get; private set; }

    /// <summary>Degrees (WGS 84); null for kindergartens entered before coordinates were kept.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public GeoPoint? Location => Latitude is { } latitude && Longitude is { } longitude
        ? GeoPoint.InKazakhstan(latitude, longitude) is { IsSuccess: true } point ? point.Value : null
        : null;

    public IReadOnlyList<string> LanguageList => Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Name(Language language) => language == Language.Kk ? NameKk : NameRu;

    public string Address(Language language) => language == Language.Kk && AddressKk.Length > 0 ? AddressKk : AddressRu;

    /// <summary>Edits what describes the kindergarten; returns the names of the values that changed (for the audit).</summary>
    internal IReadOnlyList<string> Describe(KindergartenDescription description)
    {
        var changed = new List<string>();
        void Set<T>(string name, T current, T value, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, value))
                return;
            assign(value);
            changed.Add(name);
        }

        Set("nameRu", NameRu, description.NameRu, v => NameRu = v);
        Set("nameKk", NameKk, description.NameKk, v => NameKk = v);
        Set("addressRu", AddressRu, description.AddressRu, v => AddressRu = v);
        Set("addressKk", AddressKk, description.AddressKk, v => AddressKk = v);
        Set("latitude", Latitude, description.Location.Latitude, v => Latitude = v);
        Set("longitude", Longitude, description.Location.Longitude, v => Longitude = v);
        Set("languages", Languages, string.Join(',', description.Languages), v => Languages = v);
        Set("ownership", Ownership, description.Ownership, v => Ownership = v);
        return changed;
    }
}
