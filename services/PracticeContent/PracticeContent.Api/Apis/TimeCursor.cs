namespace Studios.PracticeContent.Apis;

/// <summary>Keyset position for newest-first lists: the last item's creation time and id.</summary>
public sealed record TimeCursor(DateTime At, Guid Id)
{
    /// <summary>False (and a field error) when <paramref name="cursor"/> is not one we issued.</summary>
    public static bool TryRead(string? cursor, int? limit, FieldErrors errors, out (DateTime, Guid)? after)
    {
        after = null;
        if (!Cursor.TryDecode<TimeCursor>(cursor, out var key)) errors.Add("cursor", "is not a cursor from this list; start again without it.");
        else if (key is not null) after = (DateTime.SpecifyKind(key.At, DateTimeKind.Utc), key.Id);
        if (limit is not null and not (>= 1 and <= Cursor.MaxLimit)) errors.Add("limit", $"must be between 1 and {Cursor.MaxLimit}.");
        return !errors.Any;
    }
}
