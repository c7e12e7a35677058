using Kezek.Core.Identity;
using Kezek.Core.Results;
using Kezek.Rules;
using Kezek.Workflows.Lifecycle;
using Kezek.Workflows.RuleSets;
using Kezek.Workflows.Versions;

namespace Kezek.Server.Cli;

/// <summary>
/// <c>rules export|import</c> and <c>workflows export|import</c>: the versions in force as <c>&lt;name&gt;.json</c> files (the
/// layout of the repository's <c>rules/</c> and <c>workflows/</c>), and files put in force with a reason through the same use
/// cases as <c>activateRuleSet</c> / <c>activateWorkflow</c>. An import checks every file before it activates any.
/// </summary>
internal static class CliArtefacts
{
    public static async Task<int> ExportRuleSetsAsync(CliRun run) =>
        Export(run, await run.Get<ExportVersionsInForceHandler>().RuleSetsAsync(run.CancellationToken));

    public static async Task<int> ExportWorkflowsAsync(CliRun run) =>
        Export(run, await run.Get<ExportVersionsInForceHandler>().WorkflowsAsync(run.CancellationToken));

    private static int Export(CliRun run, IReadOnlyList<VersionInForce> versions)
    {
        var folder = Directory.CreateDirectory(run.Arguments.Option("--out") ?? ".").FullName;
        foreach (var version in versions)
        {
            var path = Path.Combine(folder, version.Name + ".json");
            File.WriteAllText(path, version.Json);
            run.Say("exported", ("name", version.Name), ("version", version.Version), ("path", path));
        }

        return CliExit.Done;
    }

    public static Task<int> ImportRuleSetsAsync(CliRun run) => ImportAsync(run,
        async (name, json, viewer) => (await run.Get<ValidateRuleSetHandler>().HandleAsync(new ValidateRuleSet(name, json, viewer), run.CancellationToken))
            .Map(check => check.Problems),
        async (name, json, reason, viewer) => (await run.Get<ActivateRuleSetHandler>().HandleAsync(new ActivateRuleSet(name, json, reason, viewer),
            run.CancellationToken)).Map(version => version.Version));

    public static Task<int> ImportWorkflowsAsync(CliRun run) => ImportAsync(run,
        (name, json, viewer) => run.Get<ValidateWorkflowHandler>().HandleAsync(new ValidateWorkflow(name, json, viewer), run.CancellationToken),
        async (name, json, reason, viewer) => (await run.Get<ActivateWorkflowHandler>().HandleAsync(new ActivateWorkflow(name, json, reason, viewer),
            run.CancellationToken)).Map(version => version.Version));

    private static async Task<int> ImportAsync(CliRun run, Func<string, string, Viewer, Task<Result<IReadOnlyList<ArtefactProblem>>>> validate,
        Func<string, string, string, Viewer, Task<Result<int>>> activate)
    {
        if (run.Arguments.Word(2) is not { } path)
            return run.Missing("<file.json|folder>");
        if (run.Arguments.Option("--reason") is not { Length: > 0 } reason)
            return run.Missing("--reason <text>");
        string[] files = Directory.Exists(path) ? [.. Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal)]
            : File.Exists(path) ? [path] : [];
        if (files.Length == 0)
            return run.Refuse("fileMissing", ("path", path));
        if (await run.ActorAsync() is not { } viewer)
            return CliExit.Usage;

        // What is in force now, as the server loaded it at start: the checks compare with it.
        await run.Get<RuleSetVersions>().RefreshAsync(run.CancellationToken);
        await run.Get<WorkflowVersions>().RefreshAsync(run.CancellationToken);
        var artefacts = new List<(string Name, string Json)>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var json = await File.ReadAllTextAsync(file, run.CancellationToken);
            var problems = await validate(name, json, viewer);
            if (!problems.IsSuccess)
                return run.Refuse(problems.Error!);
            if (problems.Value.Count > 0)
            {
                run.Say("invalidArtefact", ("name", name));
                foreach (var problem in problems.Value)
                    run.Output.WriteLine($"  {problem.Code} {problem.Where}: {problem.Message}");
                return CliExit.Refused;
            }

            artefacts.Add((name, json));
        }

        foreach (var (name, json) in artefacts)
        {
            var version = await activate(name, json, reason, viewer);
            if (!version.IsSuccess)
                return run.Refuse(version.Error!);
            run.Say("activated", ("name", name), ("version", version.Value));
        }

        return CliExit.Done;
    }

    private static Result<TOut> Map<TIn, TOut>(this Result<TIn> result, Func<TIn, TOut> map) => result.IsSuccess ? map(result.Value) : result.Error!;
}
