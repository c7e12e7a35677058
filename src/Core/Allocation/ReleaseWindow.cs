namespace Kezek.Core.Allocation;

public enum ReleaseWindowStatus
{
    /// <summary>Families rank or confirm their rankings; no seat is taken yet.</summary>
    Open,

    /// <summary>Closed: its one run allocated the seats (<see cref="ReleaseWindow.AllocationRunId"/>).</summary>
    Allocated,
}

/// <summary>
/// Окно распределения: the queue seats published in a <c>window</c> region for one group year, gathered until
/// <see cref="ClosesAt"/>. Seats published while it is open join it; at the close one run gives them out: serial
/// dictatorship in queue order, or in an intake region deferred acceptance by the region's priority (docs/allocation.md).
/// </summary>
public sealed class ReleaseWindow
{
    public ReleaseWindow(string regionCode, int groupYear, DateTime opensAt, DateTime closesAt)
    {
        RegionCode = regionCode;
        GroupYear = groupYear;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        Status = ReleaseWindowStatus.Open;
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private ReleaseWindow()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public string RegionCode { get; private set; }

    public int GroupYear { get; private set; }

    public DateTime OpensAt { get; private set; }

    public DateTime ClosesAt { get; private set; }

    public ReleaseWindowStatus Status { get; private set; }

    public Guid? AllocationRunId { get; private set; }

    public void Allocated(Guid runId)
    {
        Status = ReleaseWindowStatus.Allocated;
        AllocationRunId = runId;
    }
}

/// <summary>
/// One allocation run, kept for audit: its inputs' SHA-256 (of the canonical anonymised extract, kept with it), the rule-set
/// version in force, the lottery seed it drew, when it ran, and what it gave.
/// </summary>
public sealed class AllocationRun
{
    public AllocationRun(Guid id, string regionCode, int groupYear, string mode, string ruleSetName, int ruleSetVersion, string seed, DateTime startedAt)
    {
        Id = id;
        RegionCode = regionCode;
        GroupYear = groupYear;
        Mode = mode;
        RuleSetName = ruleSetName;
        RuleSetVersion = ruleSetVersion;
        Seed = seed;
        StartedAt = startedAt;
        InputsHash = "";
        Extract = "";
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private AllocationRun()
    {
    }
#pragma warning restore CS8618

    public Guid Id { get; private set; }

    public string RegionCode { get; private set; }

    public int GroupYear { get; private set; }

    /// <summary>The allocation mode: "window" (serial dictatorship) or "deferred-acceptance" (the annual intake).</summary>
    public string Mode { get; private set; }

    public string RuleSetName { get; private set; }

    public int RuleSetVersion { get; private set; }

    /// <summary>The lottery seed (random, recorded): with the application numbers it draws each family's tie-break.</summary>
    public string Seed { get; private set; }

    /// <summary>SHA-256 (hex) of <see cref="Extract"/>: the canonical anonymised inputs.</summary>
    public string InputsHash { get; private set; }

    /// <summary>The public anonymised extract (JSON): families as positions, seats per kindergarten id; no numbers, IINs or names.</summary>
    public string Extract { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime FinishedAt { get; private set; }

    public int Families { get; private set; }

    public int Seats { get; private set; }

    public int Placed { get; private set; }

    public void Finish(string extract, string inputsHash, int families, int seats, int placed, DateTime finishedAt)
    {
        Extract = extract;
        InputsHash = inputsHash;
        Families = families;
        Seats = seats;
        Placed = placed;
        FinishedAt = finishedAt;
    }
}

/// <summary>
/// Where one family ended in a run: the kindergarten (null when not placed), which of its choices that was, and the
/// reasons for each choice it missed (<see cref="Reasons"/>, JSON: choice, kindergarten id, seats, taken by category).
/// </summary>
public sealed class AllocationOutcome
{
    public AllocationOutcome(Guid runId, long applicationId, int position, Guid? kindergartenId, int? choice, string reasons)
    {
        RunId = runId;
        ApplicationId = applicationId;
        Position = position;
        KindergartenId = kindergartenId;
        Choice = choice;
        Reasons = reasons;
    }

#pragma warning disable CS8618 // EF Core materialises through this constructor
    private AllocationOutcome()
    {
    }
#pragma warning restore CS8618

    public long Id { get; private set; }

    public Guid RunId { get; private set; }

    public long ApplicationId { get; private set; }

    /// <summary>The family's turn in the run (0 first): its position in the extract.</summary>
    public int Position { get; private set; }

    public Guid? KindergartenId { get; private set; }

    /// <summary>0 for the first choice; null when not placed.</summary>
    public int? Choice { get; private set; }

    public string Reasons { get; private set; }
}
