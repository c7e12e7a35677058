using Kezek.Core.Identity;
using Kezek.Workflows.Persistence;
using Kezek.Workflows.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kezek.Identity.Sessions;

/// <summary>Turns a bearer token into the person and the roles they hold now.</summary>
public sealed class Viewers(IKezekDb db, RoleGrants grants, TimeProvider clock, IOptions<BootstrapOptions> bootstrap)
{
    /// <summary>A session with the roles its person holds now.</summary>
    private sealed record SessionGrants(Session Session, List<HeldRole> Grants);

    /// <summary>
    /// The read of <see cref="ForTokenAsync"/>, compiled once: every signed-in request asks, and building its expression
    /// tree, looking it up in EF's query cache and extracting its parameters cost more than the statement's own work.
    /// </summary>
    private static readonly CompiledPerModel<Func<DbContext, string, DateTime, CancellationToken, Task<SessionGrants?>>> ByToken =
        new(() => EF.CompileAsyncQuery((DbContext context, string hash, DateTime now, CancellationToken _) =>
            context.Set<Session>().AsNoTracking()
                .Where(s => s.TokenHash == hash && s.ExpiresAt > now)
                .Select(s => new SessionGrants(s, context.Set<RoleGrant>()
                    .Where(g => g.Iin == s.Iin && g.RevokedAt == null).Select(g => new HeldRole(g.Role, g.RegionCode, g.Bin)).ToList()))
                .SingleOrDefault()));

    /// <summary>The session of the token and the person's grants, read in one statement (every signed-in request asks).</summary>
    public async Task<Viewer?> ForTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = SignIn.HashToken(token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (db is DbContext context)
        {
            var read = await ByToken.For(context)(context, hash, now, cancellationToken);
            return read is null ? null : ViewerOf(read.Session, read.Grants);
        }

        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash && s.ExpiresAt > now)
            .Select(s => new
            {
                Session = s,
                Grants = db.RoleGrants.Where(g => g.Iin == s.Iin && g.RevokedAt == null).Select(g => new HeldRole(g.Role, g.RegionCode, g.Bin)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : ViewerOf(found.Session, found.Grants);
    }

    public async Task<Viewer> ForSessionAsync(Session session, CancellationToken cancellationToken) =>
        ViewerOf(session, await grants.HeldByAsync(session.Iin, cancellationToken));

    /// <summary>
    /// The person the admin CLI acts for (<c>kezek … --as IIN</c>): the roles granted to that IIN now (and administrator when
    /// the IIN is a bootstrap administrator), without a certificate, so neither an applicant's role nor a kindergarten's;
    /// <paramref name="name"/> says who ran the command (<c>cli:OS user</c>).
    /// </summary>
    public async Task<Viewer> ForCommandLineAsync(string iin, string name, CancellationToken cancellationToken)
    {
        var roles = new List<HeldRole>();
        if (bootstrap.Value.AdministratorIins.Contains(iin))
            roles.Add(new HeldRole(Role.Administrator, null, null));
        roles.AddRange((await grants.HeldByAsync(iin, cancellationToken)).Where(r => r.Role != Role.KindergartenStaff));
        return new Viewer(iin, name, null, [.. roles.Distinct()]);
    }

    private Viewer ViewerOf(Session session, IEnumerable<HeldRole> granted)
    {
        var roles = new List<HeldRole>();
        // Parents act with their personal certificate; an organisation's certificate (with a BIN) is staff's.
        if (session.Bin is null)
            roles.Add(new HeldRole(Role.Applicant, null, null));
        if (bootstrap.Value.AdministratorIins.Contains(session.Iin))
            roles.Add(new HeldRole(Role.Administrator, null, null));
        roles.AddRange(granted);
        // A kindergarten staff role counts only with a certificate of that organisation.
        roles.RemoveAll(r => r.Role == Role.KindergartenStaff && r.Bin != session.Bin);
        return new Viewer(session.Iin, session.FullName, session.Bin, [.. roles.Distinct()]);
    }
}
