using System.Text.Json.Nodes;

namespace Studios.Testing.OpenApi;

/// <summary>What redocly found in a document: each problem with its rule, severity, message and JSON pointer.</summary>
public sealed record LintReport(IReadOnlyList<LintProblem> Problems)
{
    public IReadOnlyList<LintProblem> Errors => Problems.Where(p => p.Severity == "error").ToList();

    public IReadOnlyList<LintProblem> Warnings => Problems.Where(p => p.Severity == "warn").ToList();

    /// <summary>"N errors, N warnings", then the count per rule, then every error with where it is.</summary>
    public string Summary =>
        $"{Errors.Count} errors, {Warnings.Count} warnings\n" +
        string.Join("\n", Problems.GroupBy(p => (p.Severity, p.Rule)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.Rule)
            .Select(g => $"  {g.Key.Severity} {g.Key.Rule}: {g.Count()}")) +
        (Errors.Count == 0 ? "" : "\n" + string.Join("\n", Errors.Select(e => $"  {e.Rule} at {e.Pointer}: {e.Message}")));

    public static LintReport Parse(JsonNode report) =>
        new((report["problems"] as JsonArray ?? []).OfType<JsonObject>().Select(problem => new LintProblem(
            problem["ruleId"]?.GetValue<string>() ?? "",
            problem["severity"]?.GetValue<string>() ?? "",
            problem["message"]?.GetValue<string>() ?? "",
            (problem["location"] as JsonArray)?.FirstOrDefault()?["pointer"]?.GetValue<string>() ?? "")).ToList());
}

public sealed record LintProblem(string Rule, string Severity, string Message, string Pointer);
