using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;

namespace Studios.Dashboard.Otlp;

/// <summary>Reads an OTLP/HTTP request body: size-limited (as received and once decompressed), gzip or identity,
/// binary protobuf or OTLP/JSON. Failures come back as the status code the OTLP specification asks for.</summary>
internal static class OtlpRequestReader
{
    public sealed record Result<T>(T? Message, int StatusCode, string? Error, bool IsJson);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, MessageParser<T> parser, int limit, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        var isJson = IsJson(request.ContentType);
        if (!isJson && !IsProtobuf(request.ContentType))
        {
            return new(default, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/x-protobuf or application/json.", false);
        }
        if (request.ContentLength > limit)
        {
            return new(default, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.", isJson);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        byte[] body;
        try
        {
            Stream source = encoding.ToLowerInvariant() switch
            {
                "" or "identity" => request.Body,
                "gzip" => new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
                _ => Stream.Null,
            };
            if (source == Stream.Null)
            {
                return new(default, StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported (gzip is).", isJson);
            }
            await using (source)
            {
                body = await ReadLimitedAsync(source, limit, cancellationToken);
            }
        }
        catch (PayloadTooLargeException)
        {
            return new(default, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.", isJson);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(default, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes.", isJson);
        }
        catch (InvalidDataException)
        {
            return new(default, StatusCodes.Status400BadRequest, "The body is not valid gzip.", isJson);
        }

        try
        {
            var message = isJson ? OtlpJson.Parse<T>(body) : parser.ParseFrom(body);
            return new(message, StatusCodes.Status200OK, null, isJson);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or System.Text.Json.JsonException or FormatException)
        {
            return new(default, StatusCodes.Status400BadRequest, "The body is not a valid OTLP export request: " + e.Message, isJson);
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream source, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new PayloadTooLargeException();
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsProtobuf(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("application/x-protobuf", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/protobuf", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string? contentType) =>
        contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    private sealed class PayloadTooLargeException : Exception;
}
