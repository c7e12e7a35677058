using Kezek.Core.Words;

namespace Kezek.Core.Regions;

/// <summary>
/// A city or region that owns a queue. Its time zone, number prefix, deadlines and lifecycle come from its
/// rule set (<c>rules/&lt;code&gt;.json</c>, or the default one).
/// </summary>
public sealed class Region
{
    public Region(string code, string nameRu, string nameKk, string nameEn)
    {
        Code = code;
        NameRu = nameRu;
        NameKk = nameKk;
        NameEn = nameEn;
    }

    /// <summary>As in <c>rules/&lt;code&gt;.json</c>.</summary>
    public string Code { get; private set; }

    public string NameRu { get; private set; }

    public string NameKk { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>Bumped by every offer of turns: the row lock that lets one offer at a time count the region's seats and turns.</summary>
    public long TurnSequence { get; private set; }

    public string Name(Language language) =>
        language == Language.Kk ? NameKk : language == Language.En ? NameEn : NameRu;
}
