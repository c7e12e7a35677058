namespace Kezek.UnitTests.Architecture;

/// <summary>
/// The GraphQL layer only maps: arguments to a command, one injected handler or loader, its result to the payload.
/// Reading the database, pulling services from the container and deciding who may act belong to the use cases
/// (<c>src/Workflows</c>) and their access policy.
/// </summary>
public sealed class RootFieldTests
{
    private static readonly string[] Forbidden = ["IKezekDb", "KezekDbContext", "GetRequiredService", ".Holds(", "IsAdministrator", "StaffRoleFor"];

    [Fact]
    public void No_GraphQL_code_opens_the_database_pulls_services_or_checks_scope()
    {
        var files = Repository.SourceFiles("src/GraphQL").ToList();
        var found = (from file in files
                     let text = File.ReadAllText(file)
                     from word in Forbidden
                     where text.Contains(word, StringComparison.Ordinal)
                     select $"{Repository.Relative(file)} uses {word}").ToList();

        Assert.True(files.Count > 20, "the scan reads the GraphQL layer's files");
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
