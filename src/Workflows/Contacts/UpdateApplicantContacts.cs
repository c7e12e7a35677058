using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Contacts;

/// <summary>
/// The applicant's address and additional phone and e-mail (seed 000's card), changed by the family: the applicant or a
/// parent attached to the application. An empty value clears one.
/// </summary>
public sealed record UpdateApplicantContacts(string ApplicationNumber, string? Address, string? AdditionalPhone, string? AdditionalEmail, Actor Parent);

public sealed class UpdateApplicantContactsHandler(IKezekDb db, Transactions transactions, TimeProvider clock)
{
    public async Task<Result<Application>> HandleAsync(UpdateApplicantContacts command, CancellationToken cancellationToken)
    {
        var number = ApplicationNumber.Parse(command.ApplicationNumber);
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        return await transactions.RunAsync(async token =>
        {
            var application = await db.Applications.Include(a => a.Parents).SingleOrDefaultAsync(a => a.Number == text, token);
            // Another family's application (and an operator's look) is answered like a missing one.
            if (application is null || !AccessPolicy.IsFamilyMember(application, command.Parent.Iin))
                return Error.Of(ErrorCodes.ApplicationNotFound);
            var updated = application.UpdateApplicantContacts(command.Parent, command.Address, command.AdditionalPhone, command.AdditionalEmail,
                clock.GetUtcNow().UtcDateTime);
            if (!updated.IsSuccess)
                return updated.Error!;
            await db.SaveChangesAsync(token);
            return Result<Application>.Success(application);
        }, cancellationToken);
    }
}
