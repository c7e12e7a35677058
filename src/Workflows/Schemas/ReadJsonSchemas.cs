using System.Reflection;

namespace Kezek.Workflows.Schemas;

/// <summary>
/// The JSON Schemas of the files a region's people edit: a rule set (<c>rules/schema/region-rules.schema.json</c>) and a
/// lifecycle (<c>workflows/schema/workflow.schema.json</c>). They are built into this assembly from the repository's files,
/// so the studio's JSON editor completes and checks against the same schema the repository's files are tested with,
/// wherever Kezek runs. Public: the shape of the rules is no secret.
/// </summary>
public static class ReadJsonSchemas
{
    public const string RuleSetResource = "Kezek.Schemas.region-rules.schema.json";
    public const string WorkflowResource = "Kezek.Schemas.workflow.schema.json";

    private static readonly Lazy<string> RuleSetText = new(() => Load(RuleSetResource));
    private static readonly Lazy<string> WorkflowText = new(() => Load(WorkflowResource));

    /// <summary>The JSON Schema (draft-07) of a region's rule set, as JSON text.</summary>
    public static string RuleSet() => RuleSetText.Value;

    /// <summary>The JSON Schema (draft-07) of a lifecycle, as JSON text.</summary>
    public static string Workflow() => WorkflowText.Value;

    private static string Load(string resource)
    {
        using var stream = typeof(ReadJsonSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The schema {resource} is not built into {typeof(ReadJsonSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
