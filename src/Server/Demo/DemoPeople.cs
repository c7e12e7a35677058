using Kezek.Core.CivilRegistry;
using Kezek.Identity.Demo;

namespace Kezek.Server.Demo;

/// <summary>The people of the demo: a family of two parents and two children, another family, and staff.</summary>
public static class DemoPeople
{
    public static readonly DemoPerson Mother = new("900514410214", "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ");
    public static readonly DemoPerson Father = new("881102320340", "АХМЕТОВ", "ДӘУРЕН", "ҚАНАТҰЛЫ");
    public static readonly DemoPerson Stranger = new("920909353074", "ЖАНҰЗАҚОВ", "БЕРІК", "ОРАЛҰЛЫ");
    public static readonly DemoPerson Administrator = new("800120331051", "НҰРЛАНОВ", "АСҚАР", "БОЛАТҰЛЫ");
    public static readonly DemoPerson Operator = new("850630441203", "СЕЙТОВА", "ГҮЛНАР", "АМАНҚЫЗЫ");
    public static readonly DemoPerson Staff = new("870404460016", "ОМАРОВА", "ДИНАРА", "ЕРЛАНҚЫЗЫ", "160140012345",
        "ГККП «ЯСЛИ-САД № 1 «БАЛАПАН»");
    public static readonly DemoPerson Officer = new("830912401233", "ҚАСЫМОВА", "ЖАНАР", "ТАЛҒАТҚЫЗЫ");

    /// <summary>Key file names (without extension) for each person, as written to the data folder.</summary>
    public static readonly IReadOnlyList<(string File, DemoPerson Person, string Who)> KeyHolders =
    [
        ("mother", Mother, "parent (applicant), Almaty family"),
        ("father", Father, "second parent of the same children"),
        ("stranger", Stranger, "a parent of another family"),
        ("administrator", Administrator, "administrator (Kezek:Bootstrap:AdministratorIins)"),
        ("operator", Operator, "operator of region almaty"),
        ("staff", Staff, "kindergarten staff, BIN 160140012345"),
        ("officer", Officer, "policy officer of region almaty (rules)"),
    ];

    public sealed record DemoChild(string Iin, string FullName, DateOnly BirthDate, IReadOnlyList<(DemoPerson Parent, Relation Relation)> Parents);

    public static readonly IReadOnlyList<DemoChild> Children =
    [
        new("220315670018", "АХМЕТОВА ӘЛИЯ ДӘУРЕНҚЫЗЫ", new DateOnly(2022, 3, 15), [(Mother, Relation.Mother), (Father, Relation.Father)]),
        new("230701571020", "АХМЕТОВ НҰРСҰЛТАН ДӘУРЕНҰЛЫ", new DateOnly(2023, 7, 1), [(Mother, Relation.Mother), (Father, Relation.Father)]),
        new("220820672038", "ЖАНҰЗАҚОВА АРУЖАН БЕРІКҚЫЗЫ", new DateOnly(2022, 8, 20), [(Stranger, Relation.Father)]),
    ];
}
