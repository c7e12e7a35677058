using System.Linq.Expressions;
using Kezek.Core.Results;
using Kezek.Rules;
using Microsoft.EntityFrameworkCore;

namespace Kezek.Workflows.Versions;

/// <summary>How an artefact is named in its table's rows, its audit rows, its seeds and its refusals.</summary>
/// <param name="Noun">"rule set": in log lines and in the refusal of a seed file.</param>
/// <param name="Folder">The repository folder whose files seed version 1 ("rules").</param>
/// <param name="StaffAction">The audit row's action ("ActivateRuleSet").</param>
/// <param name="AuditKey">The audit row's name of the artefact ("ruleSet").</param>
/// <param name="InvalidCode">The error an activation of an invalid version gets.</param>
public sealed record ArtefactKind(string Noun, string Folder, string StaffAction, string AuditKey, string InvalidCode);

/// <summary>An artefact's table of versions: its rows, the columns the versioning reads, and how a new row is made.</summary>
/// <param name="NameOf">The column that names the artefact (a region's code, a lifecycle's name).</param>
/// <param name="NewVersion">(name, number, json, activated by, activated at, reason) → a new row.</param>
public sealed record VersionTable<TVersion>(
    DbSet<TVersion> Rows,
    Expression<Func<TVersion, string>> NameOf,
    Expression<Func<TVersion, int>> NumberOf,
    Expression<Func<TVersion, string>> JsonOf,
    Func<string, int, string, string, DateTime, string, TVersion> NewVersion)
    where TVersion : class;

/// <summary>A candidate version checked: the compiled artefact when it is valid, else every problem.</summary>
public sealed record ArtefactValidation<TCompiled>(TCompiled? Candidate, IReadOnlyList<ArtefactProblem> Problems)
    where TCompiled : class
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// What is particular to one kind of versioned artefact (a region's rule set, a lifecycle), plugged into
/// <see cref="ArtefactVersions{TVersion, TCompiled}"/>: its table, how it compiles, what it checks against the live
/// data, and the catalog that keeps the version in force.
/// </summary>
/// <typeparam name="TVersion">The stored version (a row of its table).</typeparam>
/// <typeparam name="TCompiled">The artefact compiled, as it is kept in force.</typeparam>
public interface IVersionedArtefact<TVersion, TCompiled>
    where TVersion : class
    where TCompiled : class
{
    ArtefactKind Kind { get; }

    VersionTable<TVersion> Table { get; }

    /// <summary>Null when an artefact of this name may exist; else why not.</summary>
    Task<ArtefactProblem?> UnknownNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>The error an activation under an unknown name gets; null: the name's problem makes the version invalid.</summary>
    Error? RefusalOfUnknownName(string name);

    /// <summary>Parses and checks the artefact on its own; what a stored version must pass to be put in force.</summary>
    Task<(TCompiled? Compiled, IReadOnlyList<ArtefactProblem> Problems)> CompileAsync(string name, string json);

    /// <summary>What this instance must have for the artefact (e.g. the templates it names): checked on seeding and on validation.</summary>
    IEnumerable<ArtefactProblem> CheckHere(TCompiled compiled);

    /// <summary>What a new version must not break in the live data (e.g. applications standing in a state it drops).</summary>
    Task<IReadOnlyList<ArtefactProblem>> CheckLiveAsync(string name, TCompiled candidate, CancellationToken cancellationToken);

    /// <summary>The version of this artefact in force here; 0 when none is.</summary>
    int VersionInForce(string name);

    /// <summary>Puts this version in force whatever is in force now (at start, what is stored is what holds).</summary>
    void Replace(string name, int version, TCompiled compiled);

    /// <summary>Puts a version in force unless a newer one already is; whether it did.</summary>
    bool Activate(string name, int version, TCompiled compiled);
}
