using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Kezek.Benchmarks.Reads;

/// <summary>
/// A bare minimal-API service that runs <see cref="PlainReads"/>' SQL: what a hand-written REST endpoint gets.
/// <code>dotnet Kezek.Benchmarks.dll bare-api --postgres "Host=…;Database=…"</code> (the read benchmark starts it).
/// </summary>
public static class BareApi
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connection = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault()
                         ?? throw new ArgumentException("bare-api needs --postgres \"<connection string>\"");
        var builder = WebApplication.CreateSlimBuilder();
        await using var data = NpgsqlDataSource.Create(connection);
        var app = builder.Build();
        app.MapGet("/queue-position", async (string region, string childIin, CancellationToken cancellationToken) =>
            Results.Json(await PlainReads.QueuePositionAsync(data, region, childIin, cancellationToken)));
        app.MapGet("/journal", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
                return Results.Unauthorized();
            return Results.Json(await PlainReads.JournalAsync(data, Kezek.Identity.Sessions.SignIn.HashToken(header[7..]), cancellationToken));
        });
        await app.RunAsync();
        return 0;
    }
}
