using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Studios.Dashboard.Pages;

/// <summary>The pages' files, embedded in this assembly (nothing is fetched from the internet) and held in memory.</summary>
public sealed class StaticAssets
{
    private const string Prefix = "wwwroot/";
    private readonly Dictionary<string, Asset> assets = new(StringComparer.Ordinal);

    public StaticAssets()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var path = name[Prefix.Length..];
            var contentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
            {
                contentType += "; charset=utf-8";
            }
            assets[path] = new Asset(bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
    }

    public IReadOnlyCollection<string> Paths => assets.Keys;

    /// <summary>An asset by its path under wwwroot, with an ETag so browsers revalidate instead of downloading again.</summary>
    public IResult File(HttpContext context, string path)
    {
        if (!assets.TryGetValue(path, out var asset))
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    /// <summary>An HTML page with a chosen status code (the login page answers 401 to a wrong token).</summary>
    public IResult Page(string path, int statusCode = StatusCodes.Status200OK)
    {
        var asset = assets[path];
        return new PageResult(asset, statusCode);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private sealed class PageResult(Asset asset, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = asset.ContentType;
            httpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
            return httpContext.Response.Body.WriteAsync(asset.Bytes).AsTask();
        }
    }
}
