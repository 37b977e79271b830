namespace Studios.PracticeContent.Data;

/// <summary>Keyset position for newest-first lists: the last item's creation time and id.</summary>
public sealed record TimeCursor(DateTime At, Guid Id)
{
    /// <summary>The position the repositories continue after (the time read back as UTC: JSON keeps no DateTime kind).</summary>
    public (DateTime, Guid) Position => (DateTime.SpecifyKind(At, DateTimeKind.Utc), Id);
}
