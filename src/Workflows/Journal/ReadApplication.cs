using Kezek.Core.Applications;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Workflows.Access;
using Kezek.Workflows.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Journal;

/// <summary>One application by its number, as the viewer may see it.</summary>
public sealed record ReadApplication(string Number, Viewer Viewer);

public sealed class ReadApplicationHandler(AccessPolicy access, StaffReads reads)
{
    /// <summary>The application, or null: another family's application is answered exactly like a missing one. A staff read is recorded.</summary>
    public async Task<Result<Application?>> HandleAsync(ReadApplication query, CancellationToken cancellationToken)
    {
        var number = ApplicationNumber.Parse(query.Number);
        if (!number.IsSuccess)
            return number.Error!;
        var text = number.Value.ToString();
        var application = await access.VisibleApplications(query.Viewer).SingleOrDefaultAsync(a => a.Number == text, cancellationToken);
        if (application is not null)
            await reads.RecordAsync(query.Viewer, [application], StaffReads.ReadApplication, cancellationToken);
        return application;
    }
}
