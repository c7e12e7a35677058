using GraphQL;
using GraphQL.Types;
using Kezek.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Kezek.IntegrationTests.Api;

/// <summary>schema.graphql at the repository root is the contract with portals: it must equal the code.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SchemaTests(SqliteKezek kezek)
{
    [Fact]
    public void The_printed_schema_equals_schema_graphql()
    {
        var schema = kezek.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var printed = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var file = Path.Combine(RepositoryRoot(), "schema.graphql");

        if (Environment.GetEnvironmentVariable("KEZEK_WRITE_SCHEMA") == "1")
            File.WriteAllText(file, printed);

        Assert.True(File.Exists(file), "schema.graphql is missing: run the tests once with KEZEK_WRITE_SCHEMA=1.");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), printed);
    }

    [Fact]
    public void Every_root_field_declares_who_may_use_it()
    {
        var schema = kezek.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        foreach (var field in schema.Query.Fields.Concat(schema.Mutation!.Fields))
            Assert.True(field.Metadata.ContainsKey(Kezek.GraphQL.Access.AccessRequirement.MetadataKey), $"{field.Name} declares no access");
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kezek.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Kezek.slnx was not found above the test folder.");
    }
}
