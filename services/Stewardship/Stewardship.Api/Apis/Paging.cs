namespace Studios.Stewardship.Apis;

/// <summary>Reads ?cursor= and ?limit= into errors naming the field, instead of clamping silently.</summary>
internal static class Paging
{
    public static int Limit(int? limit, FieldErrors errors)
    {
        errors.Check(limit is null or >= 1 and <= Cursor.MaxLimit, "limit", $"must be between 1 and {Cursor.MaxLimit}.");
        return Cursor.Limit(limit);
    }

    public static TKey? After<TKey>(string? cursor, FieldErrors errors)
    {
        if (Cursor.TryDecode<TKey>(cursor, out var key)) return key;
        errors.Add("cursor", "is not a cursor this API issued.");
        return default;
    }
}
