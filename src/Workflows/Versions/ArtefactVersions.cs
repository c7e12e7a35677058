using System.Globalization;
using System.Linq.Expressions;
using Kezek.Core.Audit;
using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kezek.Workflows.Versions;

/// <summary>Who the versions seeded from the repository's files were activated by.</summary>
public static class SeedVersion
{
    public const string ActivatedBy = "system";
}

/// <summary>
/// The versions of an artefact kept in the database, with who, when and why; the files of a folder seed version 1.
/// Activation validates, stores the next version and puts it in force here at once; other instances put it in force
/// on refresh. What is particular to rule sets or lifecycles is plugged in as an <see cref="IVersionedArtefact{TVersion, TCompiled}"/>.
/// </summary>
public sealed class ArtefactVersions<TVersion, TCompiled>(IKezekDb db, IVersionedArtefact<TVersion, TCompiled> artefact, TimeProvider clock,
    ILogger logger)
    where TVersion : class
    where TCompiled : class
{
    private ArtefactKind Kind => artefact.Kind;

    private VersionTable<TVersion> Table => artefact.Table;

    /// <summary>At start: stores each file of the folder as version 1 where none is stored, then loads what is in force.</summary>
    public async Task SeedAndLoadAsync(string folder, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (await Table.Rows.AnyAsync(Named(name), cancellationToken))
                continue;
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var (compiled, problems) = await artefact.CompileAsync(name, json);
            if (compiled is not null)
                problems = [.. artefact.CheckHere(compiled)];
            if (problems.Count > 0)
                throw new InvalidDataException($"{file} is not a valid {Kind.Noun}: {string.Join("; ", problems)}");
            Table.Rows.Add(Table.NewVersion(name, 1, json, SeedVersion.ActivatedBy, clock.GetUtcNow().UtcDateTime,
                $"Seeded from {Kind.Folder}/{name}.json"));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
            {
                db.DiscardChanges(); // Another instance seeded it at the same moment.
            }
        }

        await LoadAsync(replace: true, cancellationToken);
    }

    /// <summary>Loads every version newer than the one in force here; returns the names that changed.</summary>
    public Task<IReadOnlyList<string>> RefreshAsync(CancellationToken cancellationToken) => LoadAsync(replace: false, cancellationToken);

    private async Task<IReadOnlyList<string>> LoadAsync(bool replace, CancellationToken cancellationToken)
    {
        var newest = await Table.Rows.AsNoTracking()
            .GroupBy(Table.NameOf, Table.NumberOf)
            .Select(g => new { Name = g.Key, Version = g.Max() })
            .ToListAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var item in newest.Where(item => replace || artefact.VersionInForce(item.Name) < item.Version))
        {
            var json = await Table.Rows.AsNoTracking().Where(Named(item.Name)).Where(Numbered(item.Version)).Select(Table.JsonOf)
                .SingleAsync(cancellationToken);
            var (compiled, problems) = await artefact.CompileAsync(item.Name, json);
            if (compiled is null)
            {
                // Stored versions were valid when activated; a change here (a calendar, an activity) could break one. Keep the old one.
                logger.LogError("{Kind} {Name} v{Version} does not compile here: {Problems}", Capitalised(Kind.Noun), item.Name, item.Version,
                    string.Join("; ", problems));
                continue;
            }

            if (replace)
                artefact.Replace(item.Name, item.Version, compiled);
            if (replace || artefact.Activate(item.Name, item.Version, compiled))
            {
                changed.Add(item.Name);
                logger.LogInformation("{Kind} {Name} v{Version} is in force", Capitalised(Kind.Noun), item.Name, item.Version);
            }
        }

        return changed;
    }

    /// <summary>Every problem of a candidate version: its name, its own, what this instance lacks for it, and what it would break.</summary>
    public async Task<ArtefactValidation<TCompiled>> ValidateAsync(string name, string json, CancellationToken cancellationToken) =>
        await artefact.UnknownNameAsync(name, cancellationToken) is { } unknown
            ? new(null, [unknown])
            : await ValidateNamedAsync(name, json, cancellationToken);

    private async Task<ArtefactValidation<TCompiled>> ValidateNamedAsync(string name, string json, CancellationToken cancellationToken)
    {
        var (compiled, problems) = await artefact.CompileAsync(name, json);
        if (compiled is null)
            return new(null, problems);
        problems = [.. artefact.CheckHere(compiled), .. await artefact.CheckLiveAsync(name, compiled, cancellationToken)];
        return new(problems.Count == 0 ? compiled : null, problems);
    }

    /// <summary>Validates, stores the next version with who and why (and a staff-action row), and puts it in force here at once.</summary>
    public async Task<Result<TVersion>> ActivateAsync(string name, string json, string reason, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > Reason.MaxLength)
            return Error.Of(ErrorCodes.InvalidInput, ("field", "reason"));
        if (FreeText.Refusal(reason, "reason") is { } unprintable)
            return unprintable;
        var unknown = await artefact.UnknownNameAsync(name, cancellationToken);
        if (unknown is not null && artefact.RefusalOfUnknownName(name) is { } refusal)
            return refusal;
        var validation = unknown is null ? await ValidateNamedAsync(name, json, cancellationToken) : new(null, [unknown]);
        if (validation.Candidate is null)
            return Error.Of(Kind.InvalidCode, ("count", validation.Problems.Count.ToString(CultureInfo.InvariantCulture)),
                ("first", validation.Problems[0].ToString()));

        var next = (await Table.Rows.Where(Named(name)).Select(Table.NumberOf).MaxAsync(n => (int?)n, cancellationToken) ?? 0) + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var version = Table.NewVersion(name, next, json, actor.Iin, now, reason.Trim());
        Table.Rows.Add(version);
        db.StaffActions.Add(new StaffAction(now, actor, Kind.StaffAction,
            string.Create(CultureInfo.InvariantCulture, $"{Kind.AuditKey}={name}; version={next}")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
            return Error.Of(ErrorCodes.ConcurrentChange);
        }

        artefact.Activate(name, next, validation.Candidate);
        return version;
    }

    /// <summary>Every stored version of the artefact, the newest first.</summary>
    public async Task<IReadOnlyList<TVersion>> HistoryAsync(string name, CancellationToken cancellationToken) =>
        await Table.Rows.AsNoTracking().Where(Named(name)).OrderByDescending(Table.NumberOf).ToListAsync(cancellationToken);

    private Expression<Func<TVersion, bool>> Named(string name) => Is(Table.NameOf, name);

    private Expression<Func<TVersion, bool>> Numbered(int number) => Is(Table.NumberOf, number);

    /// <summary>column == value, the value captured so that the database sees a parameter (one plan for every name).</summary>
    private static Expression<Func<TVersion, bool>> Is<TValue>(Expression<Func<TVersion, TValue>> column, TValue value)
    {
        Expression<Func<TValue>> captured = () => value;
        return Expression.Lambda<Func<TVersion, bool>>(Expression.Equal(column.Body, captured.Body), column.Parameters);
    }

    private static string Capitalised(string noun) => string.Concat(noun[..1].ToUpperInvariant(), noun[1..]);
}
