using System.Security.Cryptography.X509Certificates;
using Kezek.Identity.Demo;

namespace Kezek.IntegrationTests.Hosting;

/// <summary>A person with AUTH and SIGN keys issued by the test CA.</summary>
public sealed record TestPerson(DemoPerson Person, X509Certificate2 Auth, X509Certificate2 Sign)
{
    public string Iin => Person.Iin;

    public string FullName => Person.FullName;
}

/// <summary>The families and staff of the integration tests, and the civil registry that links them.</summary>
public sealed class TestPeople
{
    public const string MotherIin = "900514410214";
    public const string FatherIin = "881102320340";
    public const string StrangerIin = "920909353074";
    public const string AdministratorIin = "800120331051";
    public const string OperatorIin = "850630441203";
    public const string AstanaOperatorIin = "870404460016";

    public const string ChildIin = "220315670018";
    public const string ChildName = "АХМЕТОВА ӘЛИЯ ДӘУРЕНҚЫЗЫ";
    public const string SecondChildIin = "230701571020";
    public const string StrangerChildIin = "220820672038";

    public TestPeople(DemoCertificateAuthority authority, DateTimeOffset now)
    {
        TestPerson Issue(DemoPerson person) =>
            new(person, authority.IssueAuthentication(person, now.AddDays(-30), now.AddYears(1)),
                authority.IssueSigning(person, now.AddDays(-30), now.AddYears(1)));

        Mother = Issue(new DemoPerson(MotherIin, "АХМЕТОВА", "АЙГЕРІМ", "СЕРІКҚЫЗЫ"));
        Father = Issue(new DemoPerson(FatherIin, "АХМЕТОВ", "ДӘУРЕН", "ҚАНАТҰЛЫ"));
        Stranger = Issue(new DemoPerson(StrangerIin, "ЖАНҰЗАҚОВ", "БЕРІК", "ОРАЛҰЛЫ"));
        Administrator = Issue(new DemoPerson(AdministratorIin, "НҰРЛАНОВ", "АСҚАР", "БОЛАТҰЛЫ"));
        Operator = Issue(new DemoPerson(OperatorIin, "СЕЙТОВА", "ГҮЛНАР", "АМАНҚЫЗЫ"));
        AstanaOperator = Issue(new DemoPerson(AstanaOperatorIin, "ОМАРОВА", "ДИНАРА", "ЕРЛАНҚЫЗЫ"));
    }

    public TestPerson Mother { get; }
    public TestPerson Father { get; }
    public TestPerson Stranger { get; }
    public TestPerson Administrator { get; }
    public TestPerson Operator { get; }
    public TestPerson AstanaOperator { get; }

    public static string CivilRegistryCsv => $"""
        childIin,childFullName,childBirthDate,parentIin,parentFullName,relation
        {ChildIin},{ChildName},2022-03-15,{MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER
        {ChildIin},{ChildName},2022-03-15,{FatherIin},АХМЕТОВ ДӘУРЕН ҚАНАТҰЛЫ,FATHER
        {SecondChildIin},АХМЕТОВ НҰРСҰЛТАН ДӘУРЕНҰЛЫ,2023-07-01,{MotherIin},АХМЕТОВА АЙГЕРІМ СЕРІКҚЫЗЫ,MOTHER
        {StrangerChildIin},ЖАНҰЗАҚОВА АРУЖАН БЕРІКҚЫЗЫ,2022-08-20,{StrangerIin},ЖАНҰЗАҚОВ БЕРІК ОРАЛҰЛЫ,FATHER
        """;
}
