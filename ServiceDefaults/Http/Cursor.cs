using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Studios.ServiceDefaults.Http;

/// <summary>A page of results and the opaque cursor that continues after its last item.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Keyset paging cursors: the last item's sort key, base64url-encoded so clients treat it as opaque.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>The key in <paramref name="cursor"/>; false when it is not one we issued.</summary>
    public static bool TryDecode<TKey>(string? cursor, out TKey? key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor)) return true;
        try
        {
            key = JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor));
            return key is not null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Builds a page from rows fetched with LIMIT limit + 1: the extra row only proves there is more.</summary>
    public static Page<T> ToPage<T, TKey>(IReadOnlyList<T> rows, int limit, Func<T, TKey> keyOf)
    {
        if (rows.Count <= limit) return new Page<T>(rows, null);
        var items = rows.Take(limit).ToList();
        return new Page<T>(items, Encode(keyOf(items[^1])));
    }
}
