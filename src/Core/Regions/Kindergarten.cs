using Kezek.Core.Words;

namespace Kezek.Core.Regions;

public enum Ownership
{
    State,
    Private,
}

/// <summary>ДДО: a kindergarten of a region, identified by its BIN.</summary>
public sealed class Kindergarten
{
    public Kindergarten(Guid id, string regionCode, string bin, string nameRu, string nameKk, string address,
        string languages, Ownership ownership)
    {
        Id = id;
        RegionCode = regionCode;
        Bin = bin;
        NameRu = nameRu;
        NameKk = nameKk;
        Address = address;
        Languages = languages;
        Ownership = ownership;
    }

    public Guid Id { get; private set; }

    public string RegionCode { get; private set; }

    public string Bin { get; private set; }

    public string NameRu { get; private set; }

    public string NameKk { get; private set; }

    public string Address { get; private set; }

    /// <summary>Languages of instruction, comma-separated: "kk", "ru" or "kk,ru".</summary>
    public string Languages { get; private set; }

    /// <summary>Whether the kindergarten teaches in this language.</summary>
    public bool Teaches(Language language) =>
        Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(language.Code);

    public Ownership Ownership { get; private set; }

    public string Name(Language language) => language == Language.Kk ? NameKk : NameRu;
}
