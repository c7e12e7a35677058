namespace Kezek.Core.Regions;

/// <summary>A city or region that owns a queue. Its deadlines and workflow come from its rule set.</summary>
public sealed class Region
{
    public Region(string code, string nameRu, string nameKk, string nameEn, string timeZoneId, string numberPrefix)
    {
        Code = code;
        NameRu = nameRu;
        NameKk = nameKk;
        NameEn = nameEn;
        TimeZoneId = timeZoneId;
        NumberPrefix = numberPrefix;
    }

    /// <summary>As in <c>rules/&lt;code&gt;.json</c>.</summary>
    public string Code { get; private set; }

    public string NameRu { get; private set; }

    public string NameKk { get; private set; }

    public string NameEn { get; private set; }

    public string TimeZoneId { get; private set; }

    /// <summary>The first part of application numbers, e.g. "UO".</summary>
    public string NumberPrefix { get; private set; }

    public string Name(string language) => language switch
    {
        "kk" => NameKk,
        "en" => NameEn,
        _ => NameRu,
    };

    /// <summary>A UTC instant as the region's local time.</summary>
    public DateTimeOffset ToLocal(DateTime utc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
    }
}
