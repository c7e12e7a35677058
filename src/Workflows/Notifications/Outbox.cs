using System.Globalization;
using System.Text.Json;
using Kezek.Core.Applications;
using Kezek.Core.Lifecycle;
using Kezek.Core.Notifications;
using Kezek.Rules;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Profile;

namespace Kezek.Workflows.Notifications;

/// <summary>
/// Writes notifications to the outbox in the caller's transaction, one row per channel of the region and recipient,
/// each in the recipient's language: e-mail and SMS to the applicant's contacts, the cabinet to every family member.
/// </summary>
public static class Outbox
{
    /// <summary>Readable JSON: Cyrillic reasons and "+05:00" stay as they are (the outbox is data, never HTML).</summary>
    private static readonly JsonSerializerOptions DataJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Who hears of an application: the applicant first, then every attached parent.</summary>
    private static string[] FamilyOf(Application application) => [application.Applicant.Iin, .. application.Parents.Select(p => p.Iin)];

    /// <summary>The languages of the families of many applications, in one statement (for a page written at once).</summary>
    public static Task<Dictionary<string, Kezek.Core.Words.Language>> LanguagesAsync(IKezekDb db, IEnumerable<Application> applications,
        CancellationToken cancellationToken) =>
        UpdateContactPreferencesHandler.LanguagesAsync(db, [.. applications.SelectMany(FamilyOf).Distinct()], cancellationToken);

    public static async Task WriteAsync(IKezekDb db, Application application, IReadOnlyCollection<string> templates, RegionPolicy policy,
        Direction? direction, string? reason, DateTime now, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extra = null, IReadOnlyDictionary<string, Kezek.Core.Words.Language>? languages = null)
    {
        if (templates.Count == 0)
            return;
        var family = FamilyOf(application);
        // Read for a whole page already where a bulk walk did; else now.
        if (languages is null || !family.All(languages.ContainsKey))
            languages = await UpdateContactPreferencesHandler.LanguagesAsync(db, family, cancellationToken);
        string? Local(DateTime? utc) => utc is { } value ? policy.ToLocal(value).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) : null;
        var values = new Dictionary<string, string?>
        {
            ["applicationNumber"] = application.Number,
            ["status"] = application.Status.ToString(),
            ["deadline"] = Local(application.DeadlineAt),
            ["directionId"] = direction?.Id.ToString(),
            ["kindergartenId"] = direction?.KindergartenId.ToString(),
            ["directionExpiresAt"] = Local(direction?.ExpiresAt),
            ["stopListedUntil"] = Local(application.StopListedUntil),
            ["reason"] = reason,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            values[key] = value;
        var data = JsonSerializer.Serialize(values, DataJson);
        foreach (var template in templates)
        {
            foreach (var channel in policy.NotificationChannels)
            {
                var recipients = channel == Channel.Cabinet ? family : [application.Applicant.Iin];
                foreach (var recipient in recipients)
                    db.Notifications.Add(new Notification(application.Id, recipient, template, channel, data, now, languages[recipient]));
            }
        }
    }
}
