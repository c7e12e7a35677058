using Kezek.Core.Applications;
using Kezek.Core.CivilRegistry;
using Kezek.Core.Identity;
using Kezek.Core.People;
using Kezek.Core.Queue;
using Kezek.Core.Regions;

namespace Kezek.Server.Demo.Country;

/// <summary>An attached parent of an application (<c>ApplicationParents</c>).</summary>
public sealed record ParentRow(long Id, CountryApplication Application);

/// <summary>One step of an application's story (<c>HistoryEntries</c>).</summary>
public sealed record HistoryRow(long Id, CountryApplication Application, Step Step, Actor Actor);

/// <summary>A past direction of an application (<c>Directions</c>).</summary>
public sealed record DirectionRow(CountryApplication Application, PastDirection Direction);

/// <summary>A child–representative link (<c>CivilRegistryRecords</c>).</summary>
public sealed record CivilRegistryRow(long Id, CivilRegistryRecord Record);

/// <summary>
/// The tables the generator fills and how each value is stored, as Kezek's EF Core model maps it: enums as their
/// names, the queue columns derived by Kezek's own rules (<see cref="ApplicationStatuses"/>, <see cref="QueueOrder"/>),
/// name keys by <see cref="PersonName.Normalize"/>. Deadlines, stop-lists and waiting lists stay NULL: no story
/// ends in a state with a timer.
/// </summary>
public static class CountryTables
{
    public static readonly CountryTable<Region> Regions = new("Regions",
        new("Code", (w, r) => w.Text(r.Code)),
        new("NameRu", (w, r) => w.Text(r.NameRu)),
        new("NameKk", (w, r) => w.Text(r.NameKk)),
        new("NameEn", (w, r) => w.Text(r.NameEn)));

    public static readonly CountryTable<RuleSetVersion> RuleSetVersions = new("RuleSetVersions",
        new("RegionCode", (w, v) => w.Text(v.RegionCode)),
        new("Version", (w, v) => w.Number(v.Version)),
        new("Json", (w, v) => w.Text(v.Json)),
        new("ActivatedByIin", (w, v) => w.Text(v.ActivatedByIin)),
        new("ActivatedAt", (w, v) => w.Timestamp(v.ActivatedAt)),
        new("Reason", (w, v) => w.Text(v.Reason)));

    public static readonly CountryTable<Kindergarten> Kindergartens = new("Kindergartens",
        new("Id", (w, k) => w.Uuid(k.Id)),
        new("RegionCode", (w, k) => w.Text(k.RegionCode)),
        new("Bin", (w, k) => w.Text(k.Bin)),
        new("NameRu", (w, k) => w.Text(k.NameRu)),
        new("NameKk", (w, k) => w.Text(k.NameKk)),
        new("Address", (w, k) => w.Text(k.AddressRu)),
        new("Languages", (w, k) => w.Text(k.Languages)),
        new("Ownership", (w, k) => w.Text(k.Ownership.ToString())));

    public static readonly CountryTable<CountryApplication> Applications = new("Applications",
        new("Id", (w, a) => w.Id(a.Id)),
        new("Number", (w, a) => w.Text(a.Number)),
        new("RegionCode", (w, a) => w.Text(a.Region.Region.Code)),
        new("GroupYear", (w, a) => w.Number(GroupYear.ForChildBornOn(a.Child.Person.BirthDate).Year)),
        new("ChildIin", (w, a) => w.Text(a.ChildIin)),
        new("ChildFullName", (w, a) => w.Text(a.Child.Person.FullName)),
        new("ChildNameKey", (w, a) => w.Text(PersonName.Normalize(a.Child.Person.FullName))),
        new("ChildBirthDate", (w, a) => w.Date(a.Child.Person.BirthDate)),
        new("ApplicantIin", (w, a) => w.Text(a.ApplicantIin)),
        new("ApplicantFullName", (w, a) => w.Text(a.Family.Applicant.FullName)),
        new("ApplicantNameKey", (w, a) => w.Text(PersonName.Normalize(a.Family.Applicant.FullName))),
        new("ApplicantBirthDate", (w, a) => w.Date(a.Family.Applicant.BirthDate)),
        new("ApplicantPhone", (w, a) => w.Text(a.Family.Phone)),
        new("ApplicantEmail", (w, a) => w.Text(a.Family.Email)),
        new("ClaimedBenefit", (w, a) => w.Text(a.Child.Benefit.ToString())),
        new("Benefit", (w, a) => w.Text(a.Child.Benefit.ToString())),
        new("Status", (w, a) => w.Text(a.Story.Status.ToString())),
        // The final states (Queued, Enrolled, Removed, Withdrawn) are named as their public statuses in both workflows.
        new("State", (w, a) => w.Text(a.Story.Status.ToString())),
        new("CreatedAt", (w, a) => w.Timestamp(a.Story.RegisteredAt)),
        // Kept when the application returns to the queue.
        new("QueuedAt", (w, a) => w.Timestamp(a.Story.RegisteredAt)),
        new("InQueue", (w, a) => w.Flag(a.Story.Status.IsInQueue())),
        new("QueueRank", (w, a) => w.Number(QueueOrder.RankOf(a.Child.Benefit))),
        new("ActiveChildIin", (w, a) => w.Text(a.Story.Status.IsActive() ? a.ChildIin : null)),
        new("Expirations", (w, a) => w.Number(a.Story.Expirations)),
        new("Restored", (w, _) => w.Flag(false)),
        new("Version", (w, a) => w.Uuid(a.Story.Version)));

    public static readonly CountryTable<ParentRow> ApplicationParents = new("ApplicationParents",
        new("Id", (w, p) => w.Id(p.Id)),
        new("ApplicationId", (w, p) => w.Id(p.Application.Id)),
        new("Iin", (w, p) => w.Text(p.Application.SecondParentIin)),
        new("FullName", (w, p) => w.Text(p.Application.Family.SecondParent!.FullName)),
        new("Relation", (w, p) => w.Text(p.Application.Family.SecondParentRelation.ToString())),
        new("AttachedAt", (w, p) => w.Timestamp(p.Application.Story.SecondParentAttachedAt)));

    public static readonly CountryTable<HistoryRow> HistoryEntries = new("HistoryEntries",
        new("Id", (w, h) => w.Id(h.Id)),
        new("ApplicationId", (w, h) => w.Id(h.Application.Id)),
        new("At", (w, h) => w.Timestamp(h.Step.At)),
        new("ActorIin", (w, h) => w.Text(h.Actor.Iin)),
        new("ActorName", (w, h) => w.Text(h.Actor.FullName)),
        new("ActorRole", (w, h) => w.Text(h.Actor.Role.ToString())),
        new("Action", (w, h) => w.Text(h.Step.Action)),
        new("FromStatus", (w, h) => w.Text(h.Step.From?.ToString())),
        new("ToStatus", (w, h) => w.Text(h.Step.To.ToString())),
        new("Reason", (w, h) => w.Text(h.Step.Reason)));

    public static readonly CountryTable<DirectionRow> Directions = new("Directions",
        new("Id", (w, d) => w.Uuid(d.Direction.Issued.Id)),
        new("ApplicationId", (w, d) => w.Id(d.Application.Id)),
        new("KindergartenId", (w, d) => w.Uuid(d.Direction.Issued.Kindergarten.Kindergarten.Id)),
        new("PlaceId", (w, d) => w.Uuid(d.Direction.Issued.PlaceId)),
        new("IssuedAt", (w, d) => w.Timestamp(d.Direction.Issued.IssuedAt)),
        new("ExpiresAt", (w, d) => w.Timestamp(d.Direction.Issued.ExpiresAt)),
        new("Status", (w, d) => w.Text(d.Direction.Status.ToString())),
        new("RevokeUntil", (w, d) => w.Timestamp(d.Direction.Issued.RevokeUntil)),
        new("ExtendableUntil", (w, d) => w.Timestamp(d.Direction.Issued.ExtendableUntil)),
        new("Extensions", (w, _) => w.Number(0)),
        new("RemindedAt", (w, d) => w.Timestamp(d.Direction.RemindedAt)),
        new("EndedAt", (w, d) => w.Timestamp(d.Direction.EndedAt)),
        new("Version", (w, d) => w.Uuid(d.Direction.Version)));

    public static readonly CountryTable<CivilRegistryRow> CivilRegistryRecords = new("CivilRegistryRecords",
        new("Id", (w, r) => w.Id(r.Id)),
        new("ChildIin", (w, r) => w.Text(r.Record.ChildIin)),
        new("ChildFullName", (w, r) => w.Text(r.Record.ChildFullName)),
        new("ChildBirthDate", (w, r) => w.Date(r.Record.ChildBirthDate)),
        new("ParentIin", (w, r) => w.Text(r.Record.ParentIin)),
        new("ParentFullName", (w, r) => w.Text(r.Record.ParentFullName)),
        new("Relation", (w, r) => w.Text(r.Record.Relation.ToString())),
        new("ImportedAt", (w, r) => w.Timestamp(r.Record.ImportedAt)));

    public static readonly CountryTable<NumberSequence> NumberSequences = new("NumberSequences",
        new("RegionCode", (w, s) => w.Text(s.RegionCode)),
        new("Year", (w, s) => w.Number(s.Year)),
        new("LastValue", (w, s) => w.Number(s.LastValue)));
}
