namespace Studios.ServiceDefaults.Security;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>, the rest refused (no queue).</summary>
public sealed class RateLimitWindow
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}
