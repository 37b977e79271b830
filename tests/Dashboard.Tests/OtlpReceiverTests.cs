using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using Studios.Dashboard.Otlp.Proto.Collector.Trace;
using static Studios.Dashboard.Tests.OtlpPayloads;

namespace Studios.Dashboard.Tests;

/// <summary>The OTLP receiver's edges: encodings, broken and oversized bodies, and the optional API key, over HTTP and gRPC.</summary>
public sealed class OtlpReceiverTests
{
    [Fact]
    public async Task A_gzip_http_body_is_accepted_and_answered_with_an_export_response()
    {
        await using var host = await DashboardHost.StartAsync();
        var traceId = NewTraceId();

        using var response = await host.OtlpHttp.PostAsync("/v1/traces",
            Protobuf(Spans("membership", Span(traceId, NewSpanId(), "GET /people", DateTimeOffset.UtcNow, 12)), gzip: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(host.Store.Traces.Find(traceId));
    }

    [Fact]
    public async Task A_gzip_grpc_message_is_accepted()
    {
        await using var host = await DashboardHost.StartAsync();
        var traceId = NewTraceId();

        await OtlpGrpc.ExportAsync(host.OtlpGrpcEndpoint,
            Spans("scheduling", Span(traceId, NewSpanId(), "consume SessionScheduled", DateTimeOffset.UtcNow, 3)), gzip: true);

        Assert.Equal("scheduling", host.Store.Traces.Find(traceId)!.Spans[0].Resource.ServiceName);
    }

    [Fact]
    public async Task Otlp_json_is_accepted_with_hex_trace_ids()
    {
        await using var host = await DashboardHost.StartAsync();
        const string json = """
            {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-service"}}]},
              "scopeLogs":[{"scope":{"name":"Json.Category"},"logRecords":[{"timeUnixNano":"1700000000000000000","severityNumber":17,
              "body":{"stringValue":"hello from json"},"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174"}]}]}]}
            """;

        using var response = await host.OtlpHttp.PostAsync("/v1/logs", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(host.Store.Logs.Query(new LogQuery()).Items);
        Assert.Equal("hello from json", entry.Message);
        Assert.Equal("Error", entry.Severity);
        Assert.Equal("5b8efff798038103d269b633813fc60c", entry.TraceId);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero), entry.Timestamp);
    }

    [Theory]
    [InlineData("/v1/traces")]
    [InlineData("/v1/logs")]
    [InlineData("/v1/metrics")]
    public async Task A_malformed_body_gets_400(string path)
    {
        await using var host = await DashboardHost.StartAsync();
        // Field 1, length-delimited, claiming far more bytes than follow.
        var truncated = new ByteArrayContent([0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x01]);
        truncated.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var response = await host.OtlpHttp.PostAsync(path, truncated);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_gzip_but_says_so_gets_400_and_an_unknown_encoding_415()
    {
        await using var host = await DashboardHost.StartAsync();
        var notGzip = new ByteArrayContent(Encoding.ASCII.GetBytes("plainly not gzip"));
        notGzip.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        notGzip.Headers.ContentEncoding.Add("gzip");
        var brotli = new ByteArrayContent([1, 2, 3]);
        brotli.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        brotli.Headers.ContentEncoding.Add("br");

        Assert.Equal(HttpStatusCode.BadRequest, (await host.OtlpHttp.PostAsync("/v1/traces", notGzip)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await host.OtlpHttp.PostAsync("/v1/traces", brotli)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await host.OtlpHttp.PostAsync("/v1/traces", new StringContent("x", Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_whether_announced_streamed_or_hidden_in_gzip()
    {
        await using var host = await DashboardHost.StartAsync(o => o.MaxOtlpRequestBytes = 4096);
        var big = new byte[10_000];

        var announced = new ByteArrayContent(big);
        announced.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        var streamed = new StreamContent(new MemoryStream(big));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        var bomb = new ByteArrayContent(Gzip(new byte[1_000_000]));
        bomb.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        bomb.Headers.ContentEncoding.Add("gzip");
        Assert.True(bomb.Headers.ContentLength < 4096);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.OtlpHttp.PostAsync("/v1/traces", announced)).StatusCode);
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/logs") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.OtlpHttp.SendAsync(chunked)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.OtlpHttp.PostAsync("/v1/metrics", bomb)).StatusCode);
    }

    [Fact]
    public async Task A_grpc_message_over_the_limit_is_refused_as_resource_exhausted()
    {
        await using var host = await DashboardHost.StartAsync(o => o.MaxOtlpRequestBytes = 4096);
        var spans = Enumerable.Range(0, 200).Select(i => Span(NewTraceId(), NewSpanId(), $"span number {i}", DateTimeOffset.UtcNow, 1)).ToArray();

        var refused = await Assert.ThrowsAsync<RpcException>(() => OtlpGrpc.ExportAsync(host.OtlpGrpcEndpoint, Spans("membership", spans)));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [Fact]
    public async Task With_an_api_key_configured_requests_without_it_get_401_or_unauthenticated()
    {
        await using var host = await DashboardHost.StartAsync(o => o.OtlpApiKey = "otlp-secret");
        var payload = Spans("membership", Span(NewTraceId(), NewSpanId(), "GET /people", DateTimeOffset.UtcNow, 5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.OtlpHttp.PostAsync("/v1/traces", Protobuf(payload))).StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = Protobuf(payload) };
        wrong.Headers.Add("x-otlp-api-key", "guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.OtlpHttp.SendAsync(wrong)).StatusCode);
        var right = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = Protobuf(payload) };
        right.Headers.Add("x-otlp-api-key", "otlp-secret");
        Assert.Equal(HttpStatusCode.OK, (await host.OtlpHttp.SendAsync(right)).StatusCode);

        var refused = await Assert.ThrowsAsync<RpcException>(() => OtlpGrpc.ExportAsync(host.OtlpGrpcEndpoint, payload));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        await OtlpGrpc.ExportAsync(host.OtlpGrpcEndpoint, payload, apiKey: "otlp-secret");
        Assert.Equal(1, host.Store.Traces.Count);
    }
}
