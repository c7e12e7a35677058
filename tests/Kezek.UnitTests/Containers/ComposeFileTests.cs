using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kezek.UnitTests.Architecture;
using YamlDotNet.RepresentationModel;

namespace Kezek.UnitTests.Containers;

/// <summary>
/// The container files with no Docker engine: the compose files against the Compose Specification's JSON schema
/// (tests/testdata/compose-spec.json), and what a schema cannot say — which ports are published where, a healthcheck on
/// every service, Kezek as a non-root user, and every Kezek setting named as Kezek reads it.
/// </summary>
public sealed partial class ComposeFileTests
{
    public static TheoryData<string> ComposeFiles() => ["docker/compose.yaml", "docker/compose.sqlserver.yaml"];

    private static string Read(string path) => File.ReadAllText(Path.Combine(Repository.Root, path));

    private static JsonObject Compose(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Read(path)));
        return (JsonObject)ToJson(yaml.Documents[0].RootNode)!;
    }

    /// <summary>YAML as the Compose tools read it: plain scalars that look like numbers, booleans or null are those (YAML 1.2 core).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}"),
    };

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ValidateAsync(JsonObject compose)
    {
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(Read("tests/testdata/compose-spec.json"));
        return schema.Validate(compose.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public async Task The_compose_file_is_valid_by_the_Compose_Specification_schema(string path)
    {
        var errors = await ValidateAsync(Compose(path));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task The_schema_check_does_refuse_a_wrong_compose_file()
    {
        var compose = Compose("docker/compose.yaml");
        compose["services"]!["kezek"]!["helthcheck"] = new JsonObject { ["test"] = "curl" };
        compose["services"]!["postgres"]!["depends_on"] = new JsonObject { ["kezek"] = new JsonObject { ["condition"] = "service_ready" } };
        compose["servces"] = new JsonObject();
        var errors = await ValidateAsync(compose);
        Assert.True(errors.Count >= 3, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Only_Kezek_and_maildev_publish_a_port_and_only_on_loopback(string path)
    {
        var services = Compose(path)["services"]!.AsObject();
        var published = services.Where(s => s.Value!["ports"] is not null)
            .ToDictionary(s => s.Key, s => s.Value!["ports"]!.AsArray().Select(p => p!.GetValue<string>()).ToList());
        Assert.Equal(["kezek", "maildev"], published.Keys.Order());
        // Kezek behind a TLS reverse proxy on the same host; the database is reached only over the compose network.
        Assert.Equal(["127.0.0.1:8080:8080"], published["kezek"]);
        Assert.Equal(["127.0.0.1:1080:1080"], published["maildev"]);
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Every_service_has_a_healthcheck_and_Kezek_waits_for_a_healthy_database(string path)
    {
        var services = Compose(path)["services"]!.AsObject();
        Assert.All(services, s => Assert.NotNull(s.Value!["healthcheck"]?["test"]));
        var kezek = services["kezek"]!;
        Assert.Contains("/health/live", kezek["healthcheck"]!["test"]!.ToJsonString(), StringComparison.Ordinal);
        var database = services.Single(s => s.Key is "postgres" or "sqlserver").Key;
        Assert.Equal("service_healthy", kezek["depends_on"]![database]!["condition"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Kezek_gets_a_first_administrator_and_the_trusted_roots_from_files(string path)
    {
        var kezek = Compose(path)["services"]!["kezek"]!;
        var environment = kezek["environment"]!.AsObject();
        Assert.Contains("KEZEK_ADMIN_IIN", environment["Kezek__Bootstrap__AdministratorIins__0"]!.GetValue<string>(), StringComparison.Ordinal);
        var roots = environment["Kezek__Signatures__TrustedRootsPath"]!.GetValue<string>();
        Assert.Contains($"./trusted-roots:{roots}:ro", kezek["volumes"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(Directory.Exists(Path.Combine(Repository.Root, "docker", "trusted-roots")));
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void No_password_is_written_in_a_compose_file(string path)
    {
        // Each comes from the environment (${NAME:?…}: compose stops when it is unset), in a variable or a connection string.
        var values = Compose(path)["services"]!.AsObject()
            .SelectMany(s => s.Value!["environment"]?.AsObject() ?? [])
            .Where(e => e.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase) || e.Key.EndsWith("ConnectionString", StringComparison.Ordinal))
            .Select(e => e.Key.EndsWith("ConnectionString", StringComparison.Ordinal)
                ? PasswordInConnectionString().Match(e.Value!.GetValue<string>()).Groups[1].Value
                : e.Value!.GetValue<string>())
            .ToList();
        Assert.Equal(2, values.Count);
        Assert.All(values, v => Assert.Matches(@"^\$\{KEZEK_[A-Z]+_PASSWORD:\?[^}]+\}$", v));
    }

    [GeneratedRegex(@"(?i)password=([^;]*)")]
    private static partial Regex PasswordInConnectionString();

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Every_Kezek_setting_in_a_compose_file_is_one_Kezek_reads(string path)
    {
        var names = Compose(path)["services"]!["kezek"]!["environment"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("Kezek__Database__ConnectionString", names);
        var unknown = names.Where(n => !ConfigurationKeys.Binds(n)).ToList();
        Assert.True(unknown.Count == 0, "Not a configuration key of Kezek: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_key_check_knows_option_properties_lists_and_literals_and_refuses_a_misspelt_key()
    {
        Assert.True(ConfigurationKeys.Binds("Kezek__Bootstrap__AdministratorIins__0"));
        Assert.True(ConfigurationKeys.Binds("Kezek__Email__Security"));
        Assert.True(ConfigurationKeys.Binds("Kezek__DataPath"));
        Assert.False(ConfigurationKeys.Binds("Kezek__Database__Provder"));
        Assert.False(ConfigurationKeys.Binds("Kezek__Bootstrap__AdministratorIins__first"));
        Assert.False(ConfigurationKeys.Binds("Kezek__Signatures__TrustedRoots"));
    }

    [Fact]
    public void The_Dockerfile_builds_web_and_the_server_and_runs_non_root_with_a_healthcheck_and_Chromium()
    {
        var lines = Read("docker/Dockerfile").Split('\n');
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, stages.Count);
        Assert.StartsWith("FROM node:", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:", stages[1], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", stages[2], StringComparison.Ordinal);
        var text = string.Join('\n', lines);
        Assert.Contains("npm ci", text, StringComparison.Ordinal);
        Assert.Contains("npm run build", text, StringComparison.Ordinal);
        Assert.Contains("-p:KezekWebBuild=false", text, StringComparison.Ordinal);

        var runtime = lines.SkipWhile(l => l != stages[2]).ToList();
        var user = runtime.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotContain(user, new[] { "root", "0", "0:0" });
        Assert.True(runtime.FindLastIndex(l => l.StartsWith("USER ", StringComparison.Ordinal)) > runtime.FindLastIndex(l => l.StartsWith("RUN ", StringComparison.Ordinal)),
            "USER comes after the last RUN, so Kezek runs as it");
        Assert.Contains(runtime, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains("/health/live", string.Join('\n', runtime), StringComparison.Ordinal);
        Assert.Contains(" chromium ", string.Join('\n', runtime), StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", string.Join('\n', runtime), StringComparison.Ordinal);

        // The portal where the server looks for it, and every setting the image sets one that Kezek, ASP.NET Core or the
        // runtime's garbage collector reads; the young generation's budget is the one docs/operations.md measured.
        var environment = EnvLines(runtime).ToList();
        Assert.Contains(environment, e => e.Name == "Kezek__Portal__WebRoot" && e.Value == "/app/web");
        Assert.Contains("COPY --from=web /source/web/dist ./web/", runtime);
        Assert.Contains(environment, e => e.Name == "DOTNET_GCgen0size" && e.Value == "0x1000000");
        var unknown = environment.Select(e => e.Name)
            .Where(n => n.StartsWith("Kezek__", StringComparison.Ordinal) ? !ConfigurationKeys.Binds(n) : n is not ("ASPNETCORE_ENVIRONMENT" or "ASPNETCORE_HTTP_PORTS" or "DOTNET_GCgen0size"))
            .ToList();
        Assert.True(unknown.Count == 0, "Not a setting Kezek, ASP.NET Core or the runtime reads: " + string.Join(", ", unknown));
    }

    /// <summary>The name=value pairs of the stage's ENV instructions (continued lines joined).</summary>
    private static IEnumerable<(string Name, string Value)> EnvLines(List<string> stage)
    {
        var joined = string.Join('\n', stage).Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        return joined.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal))
            .SelectMany(l => l["ENV ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (pair[0], pair.Length > 1 ? pair[1] : ""));
    }
}

/// <summary>
/// The configuration keys Kezek reads: the properties of its option classes (a class with a <c>Section</c> constant),
/// and the keys its sources name as literals (<c>"Kezek:…"</c>, e.g. <c>KezekConfiguration</c>'s).
/// </summary>
public static partial class ConfigurationKeys
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Kezek.Identity.SignatureOptions).Assembly, typeof(Kezek.Infrastructure.Persistence.DatabaseOptions).Assembly,
        typeof(Kezek.Workflows.Portal.PortalOptions).Assembly, typeof(Kezek.GraphQL.KezekSchema).Assembly,
    ];

    private static readonly Dictionary<string, Type> Sections = Assemblies.SelectMany(a => a.GetTypes())
        .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
        .Where(t => t.Section?.StartsWith("Kezek:", StringComparison.Ordinal) == true && t.Type.GetProperties().Any(p => p.CanWrite))
        .ToDictionary(t => t.Section!, t => t.Type, StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Literals = Repository.SourceFiles("src")
        .SelectMany(file => KeyLiteral().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"""(Kezek(?::[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyLiteral();

    /// <summary>Whether an environment variable (<c>Kezek__Database__Provider</c>) names a key Kezek reads.</summary>
    public static bool Binds(string environmentName)
    {
        var key = environmentName.Replace("__", ":", StringComparison.Ordinal);
        if (Literals.Contains(key))
            return true;
        return Sections.Any(s => key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase)
                                 && Binds(s.Value, key[(s.Key.Length + 1)..].Split(':')));
    }

    private static bool Binds(Type type, string[] path)
    {
        if (path.Length == 0)
            return true;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return Binds(type.GetGenericArguments()[1], path[1..]);
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().Single();
            return int.TryParse(path[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && Binds(element, path[1..]);
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is not null && Binds(property.PropertyType, path[1..]);
    }
}
