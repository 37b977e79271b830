using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Studios.ServiceDefaults.Identity;

namespace Studios.ServiceDefaults.Http;

/// <summary>Idempotency-Key on commands a client may retry: the first response (below 500) is stored and
/// replayed for a retry with the same key and request; the same key with a different request is 422,
/// and a retry while the first is still running is 409. Keys are per person (the normalised person id, so another
/// spelling of the same GUID subject is the same caller) and kept for a day.</summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, NpgsqlDataSource dataSource)
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 200;
    private static readonly TimeSpan InProgressTimeout = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, $"{HeaderName} must be at most {MaxKeyLength} characters.");
            return;
        }

        var subject = context.User.Identity?.IsAuthenticated == true ? context.User.PersonId().ToString() : "anonymous";
        var fingerprint = await FingerprintAsync(context.Request);

        await using (var connection = await dataSource.OpenConnectionAsync(context.RequestAborted))
        {
            await connection.ExecuteAsync("""
                DELETE FROM idempotent_requests
                WHERE idempotency_key = @key AND subject = @subject AND status_code IS NULL AND created_at < now() - @timeout;
                DELETE FROM idempotent_requests WHERE created_at < now() - interval '1 day';
                """, new { key, subject, timeout = InProgressTimeout });
            var claimed = await connection.ExecuteAsync("""
                INSERT INTO idempotent_requests (idempotency_key, subject, fingerprint) VALUES (@key, @subject, @fingerprint)
                ON CONFLICT DO NOTHING
                """, new { key, subject, fingerprint });
            if (claimed == 0)
            {
                var stored = await connection.QuerySingleOrDefaultAsync<StoredResponse>("""
                    SELECT fingerprint AS Fingerprint, status_code AS StatusCode, content_type AS ContentType,
                           location AS Location, etag AS ETag, body AS Body
                    FROM idempotent_requests WHERE idempotency_key = @key AND subject = @subject
                    """, new { key, subject });
                await ReplayAsync(context, stored, fingerprint);
                return;
            }
        }

        var originalBody = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await using (var connection = await dataSource.OpenConnectionAsync(CancellationToken.None))
            {
                await ForgetAsync(connection, key, subject);
            }
            throw;
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        var response = context.Response;
        await using (var connection = await dataSource.OpenConnectionAsync(CancellationToken.None))
        {
            if (response.StatusCode >= 500)
            {
                await ForgetAsync(connection, key, subject); // a server failure may be retried for real
            }
            else
            {
                await connection.ExecuteAsync("""
                    UPDATE idempotent_requests
                    SET status_code = @status, content_type = @contentType, location = @location, etag = @etag, body = @body
                    WHERE idempotency_key = @key AND subject = @subject
                    """, new
                {
                    key, subject, status = response.StatusCode, contentType = response.ContentType,
                    location = response.Headers.Location.ToString(), etag = response.Headers.ETag.ToString(), body = buffer.ToArray(),
                });
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, context.RequestAborted);
    }

    private static async Task ForgetAsync(NpgsqlConnection connection, string key, string subject)
    {
        await connection.ExecuteAsync("DELETE FROM idempotent_requests WHERE idempotency_key = @key AND subject = @subject",
            new { key, subject });
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse? stored, string fingerprint)
    {
        if (stored is null || stored.StatusCode is null)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(context, StatusCodes.Status409Conflict,
                $"A request with this {HeaderName} is still being processed; retry shortly.");
            return;
        }
        if (stored.Fingerprint != fingerprint)
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity,
                $"This {HeaderName} was already used for a different request.");
            return;
        }
        context.Response.StatusCode = stored.StatusCode.Value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(stored.ContentType)) context.Response.ContentType = stored.ContentType;
        if (!string.IsNullOrEmpty(stored.Location)) context.Response.Headers.Location = stored.Location;
        if (!string.IsNullOrEmpty(stored.ETag)) context.Response.Headers.ETag = stored.ETag;
        if (stored.Body is { Length: > 0 }) await context.Response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Task WriteProblemAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        return Results.Problem(title: title, statusCode: status).ExecuteAsync(context);
    }

    private sealed record StoredResponse(string Fingerprint, int? StatusCode, string? ContentType, string? Location, string? ETag, byte[]? Body);
}
