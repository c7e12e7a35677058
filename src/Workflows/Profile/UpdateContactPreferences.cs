using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.People;
using Kezek.Core.Results;
using Kezek.Core.Words;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Profile;

/// <summary>The signed-in person gives their e-mail (asked at the first sign-in) and the language of their messages.</summary>
public sealed record UpdateContactPreferences(Viewer Viewer, string Email, Language Language);

public sealed class UpdateContactPreferencesHandler(IKezekDb db, TimeProvider clock)
{
    public async Task<Result<ContactPreferences>> HandleAsync(UpdateContactPreferences command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        if (!Applicant.IsEmail(email))
            return Error.Of(ErrorCodes.InvalidEmail);
        if (!Language.OfMessages.Contains(command.Language))
            return Error.Of(ErrorCodes.InvalidInput, ("field", "language"));
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var preferences = await db.ContactPreferences.SingleOrDefaultAsync(p => p.Iin == command.Viewer.Iin, cancellationToken);
            if (preferences is null)
                db.ContactPreferences.Add(preferences = new ContactPreferences(command.Viewer.Iin, email, command.Language, now));
            else
                preferences.Update(email, command.Language, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return preferences;
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.DiscardChanges(); // the same person saved from two tabs at once: update the row the other created
            }
        }

        return Error.Of(ErrorCodes.ConcurrentChange);
    }

    /// <summary>The language each person asked for; Russian for those who did not.</summary>
    public static async Task<Dictionary<string, Language>> LanguagesAsync(IKezekDb db, IReadOnlyCollection<string> iins, CancellationToken cancellationToken)
    {
        var chosen = await db.ContactPreferences.AsNoTracking().Where(p => iins.Contains(p.Iin)).ToDictionaryAsync(p => p.Iin, p => p.Language, cancellationToken);
        return iins.Distinct().ToDictionary(iin => iin, iin => chosen.GetValueOrDefault(iin, Language.Ru));
    }
}
