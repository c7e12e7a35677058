namespace Kezek.Core.Words;

/// <summary>
/// The words Kezek shows people — error messages, status names, history action names — in Russian, Kazakh and
/// English. They are data (<c>templates/words/&lt;language&gt;.json</c>), not code, so a translation changes without a build.
/// </summary>
public interface IWordCatalog
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> (Russian for a language the catalog
    /// does not have); null when the key is not in the catalog.</summary>
    string? Find(WordSection section, string key, Language language);
}

/// <summary>The sections of a catalog file.</summary>
public enum WordSection
{
    /// <summary>Messages by error code, with <c>{placeholders}</c> for the error's arguments.</summary>
    Errors,

    /// <summary><c>ApplicationStatus</c> names as the portals' journal says them.</summary>
    Statuses,

    /// <summary><c>DirectionStatus</c> names.</summary>
    DirectionStatuses,

    /// <summary>History action names: the workflow triggers and <c>HistoryActions</c>.</summary>
    Actions,

    /// <summary>The documents' names as the portals show them, by <c>DocumentKind</c>.</summary>
    Documents,

    /// <summary>Benefit categories (льготы), by <c>BenefitCategory</c>.</summary>
    Benefits,
    /// <summary>Success messages a use case answers with (e.g. ATTACHED: «Родство подтвердилось, данные успешно обновлены»).</summary>
    Messages,

    /// <summary>Languages by ISO 639-1 code (<c>kk</c>, <c>ru</c>): the language a kindergarten teaches in, as documents name it.</summary>
    Languages,

    /// <summary>A region's rule values (<c>RuleSetSchema.Values</c>) explained for the policy officers who change them.</summary>
    RuleValues,

    /// <summary>The Development NCALayer stand-in's picker page, and who the demo key holders are (<c>StandInWords</c>).</summary>
    StandIn,

    /// <summary>The admin CLI's help, results and refusals (<c>kezek --help</c>).</summary>
    Cli,
}
