using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Studios.ServiceDefaults.Http;

/// <summary>The ProblemDetails (RFC 9457) our APIs answer with: always the field and the reason, or the current state.</summary>
public static class Problems
{
    /// <summary>400 naming each invalid field and why.</summary>
    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");

    public static ValidationProblem Invalid(string field, string reason) => Invalid(new FieldErrors().Add(field, reason));

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: $"{what} was not found.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 for an action the current state does not allow; the state travels in the body.</summary>
    public static ProblemHttpResult Conflict(string title, string? detail = null, object? currentState = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: currentState is null ? null : new Dictionary<string, object?> { ["currentState"] = currentState });

    /// <summary>412 when If-Match names a version that is no longer current.</summary>
    public static ProblemHttpResult StaleVersion(string currentETag) =>
        TypedResults.Problem(title: "The resource was changed by someone else; reload it and try again.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            extensions: new Dictionary<string, object?> { ["currentETag"] = currentETag });

    public static ProblemHttpResult Gone(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status410Gone);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "You may not do this.", detail: detail, statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>Collects field errors so a request reports all its problems at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons)) _errors[field] = reasons = [];
        reasons.Add(reason);
        return this;
    }

    /// <summary>Adds the reason when <paramref name="condition"/> is false.</summary>
    public FieldErrors Check(bool condition, string field, string reason) => condition ? this : Add(field, reason);

    /// <summary>Required text, trimmed, at most <paramref name="maxLength"/> characters.</summary>
    public FieldErrors Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "is required.") : this;
        }
        return value.Trim().Length > maxLength ? Add(field, $"must be at most {maxLength} characters.") : this;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
