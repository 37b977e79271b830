using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Studios.Testing.Fuzz;

/// <summary>Reads a service's OpenAPI document and sends every operation bad input, one bad thing at a time, with the
/// target's valid token: each bad body field, query value and path value, and bad whole bodies. Judges every answer:
/// no 5xx; every error a ProblemDetails (RFC 9457); every 400 naming a field, the bad one when only it was bad; a value
/// that can never be valid refused with a 400; then the service healthy and the witnesses unchanged.</summary>
public static class ApiFuzzer
{
    public static async Task<FuzzReport> RunAsync(FuzzTarget target)
    {
        var clock = Stopwatch.StartNew();
        var report = new FuzzReport();
        var client = target.Client;
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = FuzzOperation.ReadAll(document)
            .OrderBy(o => o.Method switch { "GET" => 0, "PUT" => 1, "POST" => 2, _ => 3 }).ToList();
        report.Operations = operations.Count;

        var before = new List<string>();
        var reader = target.WitnessReader ?? client;
        foreach (var witness in target.Witnesses) before.Add(await reader.GetStringAsync(witness));

        foreach (var operation in operations)
        {
            var pathValues = operation.PathParameters.ToDictionary(p => p.Name, p => target.PathValue(operation, p.Name));
            var baselineBody = operation.Body is null ? null : Baseline.Value(operation.Body, "", target.BodyValues);
            var baselineText = baselineBody?.ToJsonString();
            var baselineStatus = await SendAsync(report, client, operation, Url(operation, pathValues, null), baselineText, "application/json",
                "baseline", null, strict: false, baselineStatus: 0);

            foreach (var (name, _) in operation.PathParameters)
            {
                foreach (var bad in BadValues.ForPath())
                {
                    var values = new Dictionary<string, string>(pathValues) { [name] = bad.Raw };
                    await SendAsync(report, client, operation, Url(operation, values, null), baselineText, "application/json",
                        bad.Label, name, bad.Strict, baselineStatus);
                }
            }
            foreach (var (name, schema) in operation.QueryParameters)
            {
                foreach (var bad in BadValues.ForQuery(schema))
                {
                    await SendAsync(report, client, operation, Url(operation, pathValues, (name, bad.Raw)), baselineText, "application/json",
                        bad.Label, name, bad.Strict, baselineStatus);
                }
            }
            if (operation.Body is null || baselineBody is null) continue;

            foreach (var (label, raw, mediaType, strict) in BadValues.WholeBodies())
            {
                await SendAsync(report, client, operation, Url(operation, pathValues, null), raw, mediaType, label, null, strict, baselineStatus);
            }
            foreach (var (field, path, schema) in Baseline.Fields(operation.Body))
            {
                foreach (var bad in BadValues.ForBody(schema))
                {
                    await SendAsync(report, client, operation, Url(operation, pathValues, null), Baseline.With(baselineBody, path, bad.Raw),
                        "application/json", bad.Label, field, bad.Strict, baselineStatus);
                }
            }
        }

        var health = await client.GetAsync("/health");
        if (health.StatusCode != HttpStatusCode.OK)
            report.Findings.Add($"the service is unhealthy after the run: {(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}");
        for (var i = 0; i < target.Witnesses.Count; i++)
        {
            var after = await reader.GetStringAsync(target.Witnesses[i]);
            if (after != before[i]) report.Findings.Add($"valid state changed: GET {target.Witnesses[i]} was {before[i]} and is now {after}");
        }
        report.Duration = clock.Elapsed;
        return report;
    }

    private static string Url(FuzzOperation operation, IReadOnlyDictionary<string, string> pathValues, (string Name, string Value)? query)
    {
        var url = operation.Path;
        foreach (var (name, value) in pathValues) url = url.Replace("{" + name + "}", Uri.EscapeDataString(value));
        return query is { } q ? $"{url}?{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}" : url;
    }

    private static async Task<int> SendAsync(FuzzReport report, HttpClient client, FuzzOperation operation, string url, string? body,
        string mediaType, string label, string? field, bool strict, int baselineStatus)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (body is not null && operation.Method is not "GET" and not "DELETE")
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
        report.Requests++;
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var where = $"{operation} [{label}{(field is null ? "" : $" in {field}")}]";
        var problem = Read(text);

        if (status >= 500)
        {
            report.ServerErrors++;
            report.Findings.Add($"{where}: {status} {Short(text)}");
            return status;
        }
        if (status >= 400)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || problem?["status"] is null)
                report.Findings.Add($"{where}: {status} is not a ProblemDetails: {Short(text)}");
            else if (status == 400 && (problem["errors"] as JsonObject)?.Count is null or 0)
                report.Findings.Add($"{where}: 400 names no field: {Short(text)}");
            else if (status == 400 && strict && field is not null && baselineStatus != 400 && !Names((JsonObject)problem["errors"]!, field))
                report.Findings.Add($"{where}: 400 does not name {field}: {Short(text)}");
        }
        var refusedByPolicy = status is 401 or 403 && status == baselineStatus;
        if (strict && status != 400 && status != 415 && !refusedByPolicy)
            report.Findings.Add($"{where}: answered {status} to a value that is never valid (expected 400 naming the field): {Short(text)}");
        return status;
    }

    private static JsonNode? Read(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    /// <summary>The error names the field, or its parent, or one of its children.</summary>
    private static bool Names(JsonObject errors, string field) =>
        errors.Select(e => e.Key).Any(key =>
            string.Equals(key, field, StringComparison.OrdinalIgnoreCase) ||
            key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase) ||
            field.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase) || field.StartsWith(key + "[", StringComparison.OrdinalIgnoreCase));

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
