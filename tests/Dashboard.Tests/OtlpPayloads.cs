using System.IO.Compression;
using System.Net.Http.Headers;
using Google.Protobuf;
using Studios.Dashboard.Otlp.Proto.Collector.Logs;
using Studios.Dashboard.Otlp.Proto.Collector.Trace;
using Studios.Dashboard.Otlp.Proto.Common;
using Studios.Dashboard.Otlp.Proto.Logs;
using Studios.Dashboard.Otlp.Proto.Trace;
using ProtoResource = Studios.Dashboard.Otlp.Proto.Resource.Resource;

namespace Studios.Dashboard.Tests;

/// <summary>Hand-built OTLP requests, for what a real exporter does not send (gzip, broken bodies, exact timings).</summary>
internal static class OtlpPayloads
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    public static string NewTraceId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public static string NewSpanId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);

    public static ExportTraceServiceRequest Spans(string service, params Span[] spans) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = Resource(service),
                ScopeSpans = { new ScopeSpans { Scope = new InstrumentationScope { Name = "tests" }, Spans = { spans } } },
            },
        },
    };

    public static Span Span(string traceId, string spanId, string name, DateTimeOffset start, double durationMs,
        string? parentSpanId = null, Span.Types.SpanKind kind = Otlp.Proto.Trace.Span.Types.SpanKind.Server, bool error = false) => new()
    {
        TraceId = ByteString.CopyFrom(Convert.FromHexString(traceId)),
        SpanId = ByteString.CopyFrom(Convert.FromHexString(spanId)),
        ParentSpanId = parentSpanId is null ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(parentSpanId)),
        Name = name,
        Kind = kind,
        StartTimeUnixNano = Nanos(start),
        EndTimeUnixNano = Nanos(start.AddTicks((long)(durationMs * TimeSpan.TicksPerMillisecond))),
        Status = new Status { Code = error ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
    };

    public static ExportLogsServiceRequest Logs(string service, params LogRecord[] records) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = Resource(service),
                ScopeLogs = { new ScopeLogs { Scope = new InstrumentationScope { Name = "Tests.Category" }, LogRecords = { records } } },
            },
        },
    };

    public static LogRecord Log(string message, SeverityNumber severity = SeverityNumber.Info, string? traceId = null) => new()
    {
        TimeUnixNano = Nanos(DateTimeOffset.UtcNow),
        SeverityNumber = severity,
        Body = new AnyValue { StringValue = message },
        TraceId = traceId is null ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(traceId)),
    };

    public static ByteArrayContent Protobuf(IMessage message, bool gzip = false)
    {
        var bytes = message.ToByteArray();
        var content = new ByteArrayContent(gzip ? Gzip(bytes) : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }
        return content;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            zip.Write(bytes);
        }
        return buffer.ToArray();
    }

    public static ulong Nanos(DateTimeOffset time) => (ulong)(time - Epoch).Ticks * 100;

    private static ProtoResource Resource(string service) => new()
    {
        Attributes =
        {
            new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } },
            new KeyValue { Key = "service.instance.id", Value = new AnyValue { StringValue = service + "-1" } },
        },
    };
}
