using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using GraphQL.Types;
using Kezek.Identity.Signatures;
using Kezek.IntegrationTests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kezek.IntegrationTests.Fuzzing;

/// <summary>
/// Every query and mutation of the schema (walked from the schema itself), called with generated arguments of the right and of
/// the wrong types and shapes — odd Unicode, control and bidi characters, huge numbers, bad dates, IINs and enums, nulls, long
/// strings within the body limit, unknown arguments, literals instead of variables, and for signed mutations documents signed
/// for real with the right or wrong fields or plain garbage — anonymously and as a parent, an operator and an administrator.
/// Never an HTTP 5xx, never an INTERNAL error, every error with an <c>extensions.code</c>, and a refused mutation leaves
/// every table's row count as it was.
/// </summary>
public abstract class SchemaFuzzTests(KezekFactory kezek, ITestOutputHelper output, long casesPerField) : KezekTest(kezek)
{
    private static readonly string[] Personas = ["anonymous", "parent", "operator", "administrator"];

    /// <summary>Root fields that end sessions: the personas sign in again after them.</summary>
    private static readonly HashSet<string> EndSessions = ["signOut", "signOutEverywhere", "endSessions"];

    private readonly Dictionary<string, string?> _tokens = [];
    private readonly Dictionary<string, int> _outcomes = [];
    private List<string> _numbers = [];

    [Fact]
    public async Task Every_root_field_with_generated_inputs_answers_a_coded_error_or_data_and_a_refusal_writes_nothing()
    {
        var queue = await new Queues(Kezek).WithChildrenAsync(2);
        await queue.PublishAsync(1);
        _numbers = queue.Numbers;
        var api = queue.Api;
        await SignInAllAsync(api);
        var schema = Kezek.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var roots = schema.Query.Fields.Select(f => ("query", f)).Concat(schema.Mutation!.Fields.Select(f => ("mutation", f))).ToList();
        long cases = 0;

        foreach (var (operation, field) in roots)
        {
            await Gen.Select(Gen.Int[0, Personas.Length - 1], Gen.Int[0, 9], Gen.Int).SampleAsync(async (persona, mode, seed) =>
            {
                cases++;
                await CaseAsync(api, operation, field, Personas[persona], mode, new Random(seed));
                if (EndSessions.Contains(field.Name))
                    await SignInAllAsync(api);
            }, iter: casesPerField, threads: 1, seed: Fuzz.Seed, print: c => $"{field.Name} as {Personas[c.Item1]}, mode {c.Item2}, seed {c.Item3}");
        }

        output.WriteLine($"{cases} cases over {roots.Count} root fields ({casesPerField} each): " +
                         string.Join(", ", _outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}={o.Value}")));
    }

    private async Task SignInAllAsync(GraphQLClient api)
    {
        _tokens["anonymous"] = null;
        _tokens["parent"] = await api.SignInAsync(People.Mother);
        _tokens["operator"] = await api.SignInAsync(People.Operator);
        _tokens["administrator"] = await api.SignInAsync(People.Administrator);
    }

    private async Task CaseAsync(GraphQLClient api, string operation, FieldType field, string persona, int mode, Random random)
    {
        var token = _tokens[persona];
        var variables = new JsonObject();
        var declarations = new List<string>();
        var arguments = new List<string>();
        var literals = mode == 9;
        var arg = 0;
        foreach (var argument in field.Arguments ?? [])
        {
            var type = argument.ResolvedType!;
            var name = "a" + arg++;
            JsonNode? value = argument.Name == "signedXml"
                ? await SignedXmlAsync(api, field, variables, persona, random)
                : Value(type, argument.Name, random, depth: 0);
            switch (mode)
            {
                case 6 when random.Next(2) == 0: // a value of another type
                    value = WrongShape(random);
                    break;
                case 7 when random.Next(2) == 0: // null or missing where a value is required
                    if (random.Next(2) == 0)
                        continue;
                    value = null;
                    break;
            }

            if (literals)
                arguments.Add($"{argument.Name}: {Literal(value)}");
            else
            {
                declarations.Add($"${name}: {TypeName(type)}");
                arguments.Add($"{argument.Name}: ${name}");
                variables[name] = value;
            }
        }

        if (mode == 8)
            arguments.Add($"unknownArgument{random.Next(3)}: {Literal(WrongShape(random))}");
        var query = $"{operation}{(declarations.Count > 0 ? "(" + string.Join(", ", declarations) + ")" : "")} {{ {field.Name}" +
                    $"{(arguments.Count > 0 ? "(" + string.Join(", ", arguments) + ")" : "")}{Selection(field.ResolvedType!, 0)} }}";

        var before = operation == "mutation" ? await Kezek.WithDbAsync(Fuzz.RowCountsAsync) : null;
        var body = JsonSerializer.Serialize(new JsonObject { ["query"] = query, ["variables"] = variables });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var describe = $"{(int)response.StatusCode} for {persona}: {Shorten(query)}\nvariables: {Shorten(variables.ToJsonString())}\n→ {Shorten(text)}";

        Assert.True((int)response.StatusCode < 500, describe);
        using var json = JsonDocument.Parse(text);
        var refused = true;
        if (json.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            foreach (var error in errors.EnumerateArray())
            {
                var value = error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
                    ? code.GetString()
                    : null;
                Assert.True(value is { Length: > 0 }, describe);
                Assert.True(value != "INTERNAL", describe);
                Count(value);
            }
        }
        else
        {
            refused = false;
            Count(operation == "mutation" ? "mutation-done" : "query-data");
        }

        JsonElement? answer = json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                                                                                     && data.TryGetProperty(field.Name, out var found) && found.ValueKind != JsonValueKind.Null
            ? found
            : null;
        if (answer is not null)
            refused = false;
        if (before is not null && refused)
        {
            var after = await Kezek.WithDbAsync(Fuzz.RowCountsAsync);
            foreach (var (table, rows) in before)
                Assert.True(rows == after[table], $"{table}: {rows} rows before, {after[table]} after a refused mutation. {describe}");
        }

        if (field.Name == "registerApplication" && !refused)
            _numbers.Add(answer!.Value.GetProperty("application").GetProperty("number").GetString()!);
    }

    private void Count(string outcome) => _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + $"… ({text.Length} characters)" : text;

    /// <summary>A signed document for a signed mutation: garbage, or signed for real by the persona with the input's fields or other ones.</summary>
    private async Task<JsonNode?> SignedXmlAsync(GraphQLClient api, FieldType field, JsonObject variables, string persona, Random random)
    {
        try
        {
            return await SignAsync(api, field, variables, persona, random);
        }
        catch (ArgumentException)
        {
            return "<action>" + Fuzz.Text(random) + "</action>"; // a value XML cannot carry (a control character): no portal could sign it
        }
    }

    private async Task<JsonNode?> SignAsync(GraphQLClient api, FieldType field, JsonObject variables, string persona, Random random)
    {
        var person = persona switch { "operator" => People.Operator, "administrator" => People.Administrator, _ => People.Mother };
        var token = _tokens[persona] ?? _tokens["parent"];
        var fields = variables.Count > 0 && variables.First().Value is JsonObject input ? Flatten(input, "").ToList() : [];
        switch (random.Next(5))
        {
            case 0:
                return Fuzz.Text(random);
            case 1:
                return XmlSigner.Sign(ActionDocument.Action(field.Name, "not-a-nonce", fields), person.Sign);
            case 2:
                if (fields.Count > 0)
                    fields[random.Next(fields.Count)] = fields[0] with { Value = fields[0].Value + "1" };
                else
                    fields.Add(new ActionField("extra", "1"));
                break;
            case 3:
                return XmlSigner.Sign(ActionDocument.Login(await api.NonceAsync(token)), person.Auth);
        }

        return XmlSigner.Sign(ActionDocument.Action(field.Name, await api.NonceAsync(token), fields), person.Sign);
    }

    private static IEnumerable<ActionField> Flatten(JsonObject input, string prefix)
    {
        foreach (var (key, value) in input)
        {
            foreach (var item in value is JsonArray array ? array.AsEnumerable() : [value])
            {
                switch (item)
                {
                    case JsonObject nested:
                        foreach (var field in Flatten(nested, prefix + key + "/"))
                            yield return field;
                        break;
                    case JsonValue scalar:
                        yield return new ActionField(prefix + key, scalar.GetValueKind() switch
                        {
                            JsonValueKind.True => "true",
                            JsonValueKind.False => "false",
                            JsonValueKind.String => scalar.GetValue<string>(),
                            _ => scalar.ToJsonString(),
                        });
                        break;
                }
            }
        }
    }

    private JsonNode? Value(IGraphType type, string name, Random random, int depth)
    {
        switch (type)
        {
            case NonNullGraphType nonNull:
                return Value(nonNull.ResolvedType!, name, random, depth) ?? Value(nonNull.ResolvedType!, name, random, depth) ?? "x";
            case ListGraphType list:
            {
                var array = new JsonArray();
                for (var i = random.Next(0, depth > 1 ? 2 : 4); i > 0; i--)
                    array.Add(Value(list.ResolvedType!, name, random, depth + 1));
                return array;
            }
            case EnumerationGraphType enumeration:
            {
                var values = enumeration.Values.Select(v => v.Name).ToList();
                return random.Next(6) == 0 ? Pick(random, ["NOPE", values[0].ToLowerInvariant(), "", "__typename"]) : Pick(random, [.. values]);
            }
            case IInputObjectGraphType input:
            {
                if (random.Next(12) == 0)
                    return null;
                var obj = new JsonObject();
                foreach (var field in input.Fields)
                {
                    if (field.ResolvedType is not NonNullGraphType && random.Next(3) == 0)
                        continue;
                    obj[field.Name] = depth > 3 ? null : Value(field.ResolvedType!, field.Name, random, depth + 1);
                }

                return obj;
            }
            case ScalarGraphType scalar:
                if (random.Next(15) == 0)
                    return null;
                return scalar.Name switch
                {
                    "Int" => Pick<JsonNode>(random, [0, 1, -1, 2022, int.MaxValue, int.MinValue, random.Next(), 2_000_000_000]),
                    "Float" or "Decimal" => Pick<JsonNode>(random, [0.0, -0.0, 43.25, 1e308, -1e308, double.Epsilon, 76.9]),
                    "Long" => Pick<JsonNode>(random, [long.MaxValue, long.MinValue, 0L]),
                    "Boolean" => random.Next(2) == 0,
                    "Date" => Pick(random, ["2026-09-01", "2022-03-15", "9999-12-31", "0001-01-01", "2026-02-30", "2026-9-1", "01.09.2026", "", Fuzz.Text(random)]),
                    "DateTimeOffset" or "DateTime" => Pick(random, ["2026-09-01T10:00:00+05:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                        "2026-09-01T10:00:00+14:00", "2026-13-01T00:00:00Z", Fuzz.Text(random)]),
                    "ID" => IdLike(name, random),
                    _ => StringFor(name, random),
                };
            default:
                return Fuzz.Text(random);
        }
    }

    private string IdLike(string name, Random random) => random.Next(4) switch
    {
        0 => Queues.KindergartenId.ToString(),
        1 => Guid.NewGuid().ToString(),
        2 => random.Next(1, 50).ToString(CultureInfo.InvariantCulture),
        _ => StringFor(name, random),
    };

    /// <summary>A string shaped for the argument's name most of the time (an IIN, a region, a number, a BIN, a CSV, JSON), odd text otherwise.</summary>
    private string StringFor(string name, Random random)
    {
        if (random.Next(3) == 0)
            return Fuzz.Text(random);
        var lower = name.ToLowerInvariant();
        if (lower.Contains("iin", StringComparison.Ordinal))
            return Pick(random, [TestPeople.ChildIin, TestPeople.MotherIin, TestPeople.StrangerChildIin, TestPeople.SecondChildIin, "220315670019", "000000000000",
                "99999999999", "2203156700181", "22031567001٨", "２２０３１５６７００１８"]);
        if (lower.Contains("region", StringComparison.Ordinal))
            return Pick(random, ["almaty", "astana", "aktobe", "nowhere", "ALMATY", ""]);
        if (lower.Contains("number", StringComparison.Ordinal))
            return Pick(random, [.. _numbers, "ALM.2026.999999.1", "AST.2026.000001.1", "ALM..1"]);
        if (lower.Contains("bin", StringComparison.Ordinal))
            return Pick(random, [Queues.KindergartenBin, "160140023456", "000000000000", "12345"]);
        if (lower.Contains("csv", StringComparison.Ordinal))
            return Pick(random, [TestPeople.CivilRegistryCsv, "code,nameRu,nameKk,nameEn,timeZone,supportPhone,supportEmail,supportHoursRu,supportHoursKk\n" +
                                                              "zz,Зона,Зона,Zone,,,,,", "a,b\n1,2", "\"unterminated", ""]);
        if (lower.Contains("json", StringComparison.Ordinal))
            return Pick(random, ["{}", "[]", "{\"Rules\":[]}", "{\"states\":{}}", "null", "{", "{\"a\":\"" + new string('a', 50_000) + "\"}"]);
        if (lower.Contains("email", StringComparison.Ordinal))
            return Pick(random, ["aigerim@example.kz", "not-an-email", "a@b", "@", "x@" + new string('y', 300) + ".kz"]);
        if (lower.Contains("phone", StringComparison.Ordinal))
            return Pick(random, ["+77011234567", "87011234567", "+7701", "1308", "+7 (701) 123-45-67"]);
        if (lower.Contains("date", StringComparison.Ordinal) || lower.Contains("until", StringComparison.Ordinal))
            return Pick(random, ["2026-09-01", "9999-12-31", "2026-02-30"]);
        if (lower is "token" or "code" or "value")
            return Pick(random, ["ABCD-EFGH", Guid.NewGuid().ToString("N"), ""]);
        return Fuzz.Text(random);
    }

    private static JsonNode? WrongShape(Random random) => random.Next(8) switch
    {
        0 => 12345,
        1 => "a string",
        2 => true,
        3 => new JsonObject { ["unexpected"] = 1 },
        4 => new JsonArray(1, "two", null),
        5 => 79228162514264337593543950335m,
        6 => -1.5e300,
        _ => null,
    };

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>The value as a GraphQL literal (strings as JSON strings, which are valid GraphQL strings; enums left as strings).</summary>
    private static string Literal(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{p.Key}: {Literal(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(item => Literal(item))) + "]",
        _ => value.ToJsonString(),
    };

    private static string TypeName(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => TypeName(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + TypeName(list.ResolvedType!) + "]",
        _ => type.Name,
    };

    /// <summary>Every scalar of the answer to depth three, through fields that need no arguments.</summary>
    private static string Selection(IGraphType type, int depth)
    {
        while (type is NonNullGraphType or ListGraphType)
            type = ((IProvideResolvedType)type).ResolvedType!;
        if (type is UnionGraphType)
            return " { __typename }";
        if (type is not IComplexGraphType complex)
            return "";
        if (depth >= 3)
            return " { __typename }";
        var fields = complex.Fields
            .Where(f => f.Arguments is null || f.Arguments.All(a => a.ResolvedType is not NonNullGraphType))
            .Select(f => f.Name + Selection(f.ResolvedType!, depth + 1));
        return " { __typename " + string.Join(" ", fields) + " }";
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchemaFuzzOnSqlite(SqliteKezek kezek, ITestOutputHelper output) : SchemaFuzzTests(kezek, output, Fuzz.Cases(10));

[Collection(PostgresCollection.Name)]
public sealed class SchemaFuzzOnPostgres(PostgresKezek kezek, ITestOutputHelper output) : SchemaFuzzTests(kezek, output, Fuzz.Cases(5));
