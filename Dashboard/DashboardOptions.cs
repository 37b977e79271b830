namespace Studios.Dashboard;

/// <summary>Settings of the dashboard, bound from the "Dashboard" configuration section and then the caller's delegate.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>The pages and the JSON API (HTTP/1.1).</summary>
    public int DashboardPort { get; set; } = 18888;

    /// <summary>OTLP over gRPC (HTTP/2 without TLS).</summary>
    public int OtlpGrpcPort { get; set; } = 4317;

    /// <summary>OTLP over HTTP/protobuf: POST /v1/traces, /v1/logs, /v1/metrics.</summary>
    public int OtlpHttpPort { get; set; } = 4318;

    /// <summary>When true, AddStudiosDashboard makes Kestrel listen on 127.0.0.1 at the three ports above.
    /// Set false when the host configures Kestrel itself.</summary>
    public bool ListenOnLoopback { get; set; } = true;

    /// <summary>The token that opens the pages and the API; generated at start when not set.</summary>
    public string? LoginToken { get; set; }

    /// <summary>Opens the pages and the API to anyone who reaches the port (like Aspire's unsecured mode).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>When set, OTLP requests must carry this value in <see cref="OtlpApiKeyHeader"/>.</summary>
    public string? OtlpApiKey { get; set; }

    public string OtlpApiKeyHeader { get; set; } = "x-otlp-api-key";

    /// <summary>Largest OTLP request accepted, as received and once decompressed; larger ones get 413 (gRPC: ResourceExhausted).</summary>
    public int MaxOtlpRequestBytes { get; set; } = 8 * 1024 * 1024;

    public int MaxTraces { get; set; } = 10_000;

    public int MaxSpansPerTrace { get; set; } = 2_000;

    public int MaxLogRecords { get; set; } = 10_000;

    /// <summary>Points kept per metric series (one series per instrument and attribute set).</summary>
    public int MaxPointsPerSeries { get; set; } = 720;

    /// <summary>Attribute sets kept per instrument; a series beyond it is dropped, so a high-cardinality attribute cannot grow memory.</summary>
    public int MaxSeriesPerInstrument { get; set; } = 200;
}
