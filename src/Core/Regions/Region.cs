using Kezek.Core.Words;

namespace Kezek.Core.Regions;

/// <summary>Where a region's families get help: a phone (a call-centre such as Almaty's 1308), an e-mail, the hours.</summary>
public sealed record SupportContacts(string? Phone, string? Email, string? HoursRu, string? HoursKk)
{
    public static readonly SupportContacts None = new(null, null, null, null);

    /// <summary>The hours in the reader's language (Russian for a language they are not kept in).</summary>
    public string? Hours(Language language) => language == Language.Kk && !string.IsNullOrEmpty(HoursKk) ? HoursKk : HoursRu;
}

/// <summary>What describes a region, as it is created or edited (the code stays).</summary>
public sealed record RegionDescription(string NameRu, string NameKk, string NameEn, SupportContacts Support);

/// <summary>
/// A city or region that owns a queue. Its time zone, number prefix, deadlines and lifecycle come from its
/// rule set (<c>rules/&lt;code&gt;.json</c>, or the default one): the rule set is the one source of the time zone
/// (docs/decisions/0013-reference-data.md).
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

    public Region(string code, RegionDescription description)
        : this(code, description.NameRu, description.NameKk, description.NameEn) => Describe(description);

    /// <summary>As in <c>rules/&lt;code&gt;.json</c>.</summary>
    public string Code { get; private set; }

    public string NameRu { get; private set; }

    public string NameKk { get; private set; }

    public string NameEn { get; private set; }

    public string? SupportPhone { get; private set; }

    public string? SupportEmail { get; private set; }

    public string? SupportHoursRu { get; private set; }

    public string? SupportHoursKk { get; private set; }

    public SupportContacts Support => new(SupportPhone, SupportEmail, SupportHoursRu, SupportHoursKk);

    /// <summary>Bumped by every offer of turns: the row lock that lets one offer at a time count the region's seats and turns.</summary>
    public long TurnSequence { get; private set; }

    public string Name(Language language) =>
        language == Language.Kk ? NameKk : language == Language.En ? NameEn : NameRu;

    /// <summary>Edits what describes the region; returns the names of the values that changed (for the audit).</summary>
    public IReadOnlyList<string> Describe(RegionDescription description)
    {
        var changed = new List<string>();
        void Set(string name, string? current, string? value, Action<string?> assign)
        {
            if (string.Equals(current, value, StringComparison.Ordinal))
                return;
            assign(value);
            changed.Add(name);
        }

        Set("nameRu", NameRu, description.NameRu, v => NameRu = v!);
        Set("nameKk", NameKk, description.NameKk, v => NameKk = v!);
        Set("nameEn", NameEn, description.NameEn, v => NameEn = v!);
        Set("supportPhone", SupportPhone, description.Support.Phone, v => SupportPhone = v);
        Set("supportEmail", SupportEmail, description.Support.Email, v => SupportEmail = v);
        Set("supportHoursRu", SupportHoursRu, description.Support.HoursRu, v => SupportHoursRu = v);
        Set("supportHoursKk", SupportHoursKk, description.Support.HoursKk, v => SupportHoursKk = v);
        return changed;
    }
}
