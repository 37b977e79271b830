using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Studios.ServiceDefaults.Http;

/// <summary>Optimistic concurrency over HTTP: a resource's version travels as a strong ETag, If-Match guards writes.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>Sets the ETag response header for <paramref name="version"/>.</summary>
    public static void Set(HttpResponse response, long version) => response.Headers.ETag = For(version);

    /// <summary>False when the request carries If-Match and none of its tags is the current version.
    /// Without If-Match the write goes ahead (clients that don't care about lost updates).</summary>
    public static bool Matches(HttpRequest request, long currentVersion)
    {
        var ifMatch = request.Headers.IfMatch;
        if (ifMatch.Count == 0) return true;
        var current = For(currentVersion);
        return EntityTagHeaderValue.TryParseList(ifMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag.Value == current);
    }

    /// <summary>The version named by If-Match, if exactly one strong tag is given: for an UPDATE ... WHERE version = @v.</summary>
    public static long? IfMatchVersion(HttpRequest request)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count != 1) return null;
        var value = tags[0].Tag.Value?.Trim('"');
        return long.TryParse(value, out var version) ? version : null;
    }
}
