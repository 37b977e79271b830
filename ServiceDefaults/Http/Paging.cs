namespace Studios.ServiceDefaults.Http;

/// <summary>Where a page starts (the key after which it continues; null for the first page) and how many items it holds.</summary>
public readonly record struct PageRequest<TKey>(TKey? After, int Limit);

/// <summary>Reads ?cursor= and ?limit= the one way every list does: a limit out of range or a cursor we did not issue is a
/// field error (400), never clamped or ignored silently.</summary>
public static class Paging
{
    public static readonly string LimitError = $"must be between 1 and {Cursor.MaxLimit}.";
    public const string CursorError = "is not a cursor this API issued; start again without it.";

    /// <summary>The page asked for; problems go to <paramref name="errors"/> under "limit" and "cursor".</summary>
    public static PageRequest<TKey> Read<TKey>(string? cursor, int? limit, FieldErrors errors)
    {
        errors.Check(limit is null or >= 1 and <= Cursor.MaxLimit, "limit", LimitError);
        if (!Cursor.TryDecode<TKey>(cursor, out var after)) errors.Add("cursor", CursorError);
        return new PageRequest<TKey>(after, limit is >= 1 and <= Cursor.MaxLimit ? limit.Value : Cursor.DefaultLimit);
    }
}
