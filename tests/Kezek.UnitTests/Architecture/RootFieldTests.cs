using System.Text.RegularExpressions;

namespace Kezek.UnitTests.Architecture;

/// <summary>
/// GraphQL root fields only map: arguments to a command, one injected handler, its result to the payload. Reading the
/// database, pulling services from the request and deciding who may act belong to the use cases and their policy.
/// </summary>
public sealed partial class RootFieldTests
{
    private static readonly string[] Forbidden = ["IKezekDb", "KezekDbContext", "GetRequiredService", ".Holds(", "IsAdministrator", "StaffRoleFor"];

    /// <summary>
    /// The files of <c>src/GraphQL</c> whose root fields were made to map only. Object graph types (classes deriving
    /// from ObjectGraphType) still read their nested data themselves until the read layer moves it to DataLoaders;
    /// then the scan covers every file of <c>src/GraphQL</c> and whole files.
    /// </summary>
    private static readonly string[] Scanned =
    [
        "Access/Access.cs",
        "Applications/ApplicationFields.cs",
        "Documents/DocumentEndpoint.cs",
        "Documents/DocumentTypes.cs",
        "Identity/IdentityFields.cs",
        "Lifecycle/LifecycleFields.cs",
        "Lifecycle/LifecycleInputs.cs",
        "Notifications/NotificationFields.cs",
        "Places/PlaceFields.cs",
        "Profile/ProfileFields.cs",
        "Regions/RegionTypes.cs",
        "RuleSets/RuleSetFields.cs",
    ];

    [Fact]
    public void Root_fields_neither_open_the_database_nor_pull_services_nor_check_scope_themselves()
    {
        var found = (from file in Scanned
                     from declaration in Declarations(File.ReadAllText(Path.Combine(GraphQLFolder(), file)))
                     where !declaration.IsObjectGraphType
                     from word in Forbidden
                     where declaration.Text.Contains(word, StringComparison.Ordinal)
                     select $"{file}: {declaration.Name} uses {word}").ToList();

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_scan_reads_every_class_of_root_fields()
    {
        var scanned = Scanned.SelectMany(file => Declarations(File.ReadAllText(Path.Combine(GraphQLFolder(), file))))
            .Where(d => !d.IsObjectGraphType).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var roots = Directory.EnumerateFiles(GraphQLFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => Declarations(File.ReadAllText(path)))
            .Where(d => d.Text.Contains("static void Add", StringComparison.Ordinal))
            .Select(d => d.Name).ToList();

        Assert.NotEmpty(roots);
        Assert.All(roots, root => Assert.Contains(root, scanned));
    }

    [Fact]
    public void A_forbidden_word_in_a_root_field_class_is_found()
    {
        const string source = """
            namespace Kezek.GraphQL.Example;

            public sealed class ExampleGraphType : ObjectGraphType<Example>
            {
                public ExampleGraphType() => Field<IntGraphType>("n").Resolve(c => c.RequestServices!.GetRequiredService<IKezekDb>());
            }

            internal static class ExampleFields
            {
                public static void AddQueries(ObjectGraphType query) => query.Field<IntGraphType>("x").Resolve(c => c.RequireViewer().IsAdministrator);
            }
            """;

        var declarations = Declarations(source);

        Assert.Equal(["ExampleGraphType", "ExampleFields"], declarations.Select(d => d.Name));
        Assert.True(declarations[0].IsObjectGraphType);
        Assert.False(declarations[1].IsObjectGraphType);
        Assert.Contains("IsAdministrator", declarations[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("GetRequiredService", declarations[1].Text, StringComparison.Ordinal);
    }

    private sealed record Declaration(string Name, bool IsObjectGraphType, string Text);

    /// <summary>The file's top-level types (file-scoped namespaces put them at the start of a line), each with its text.</summary>
    private static List<Declaration> Declarations(string source)
    {
        var starts = TopLevelType().Matches(source);
        return starts.Select((start, i) =>
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : source.Length;
            return new Declaration(start.Groups["name"].Value, start.Groups["bases"].Value.Contains("ObjectGraphType", StringComparison.Ordinal)
                && !start.Groups["bases"].Value.Contains("InputObjectGraphType", StringComparison.Ordinal), source[start.Index..end]);
        }).ToList();
    }

    private static string GraphQLFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Kezek.slnx")))
                return Path.Combine(folder.FullName, "src", "GraphQL");
        }

        throw new InvalidOperationException("The repository root (Kezek.slnx) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?:public|internal)\s+(?:(?:sealed|static|abstract|partial)\s+)*(?:class|record|interface|enum)\s+(?<name>\w+)(?<bases>[^\r\n]*)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
