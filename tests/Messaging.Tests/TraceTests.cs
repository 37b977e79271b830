using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Studios.Messaging.Tests.Ledger;
using Studios.Messaging.Tests.Ledger.Apis;
using Studios.Messaging.Tests.Support;
using Studios.Testing;

namespace Studios.Messaging.Tests;

/// <summary>One trace runs from the HTTP request through the outbox, the broker and the consumer into its SQL.</summary>
public sealed class TraceTests
{
    [Fact]
    public async Task The_request_the_publish_the_consume_and_the_consumers_sql_share_one_trace()
    {
        using var spans = new SpanRecorder();
        await using var env = await TestEnvironment.CreateAsync("trace", LedgerHost.Database);
        var database = new LedgerDatabase(env.DatabaseConnectionString(LedgerHost.Database));
        await using var ledger = await LedgerHost.StartAsync(env.DatabaseConnectionString(LedgerHost.Database), env.MessagingConnectionString,
            new LedgerProbe());

        // The caller's W3C context: everything below must continue this trace.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/entries") { Content = JsonContent.Create(new RecordEntries()) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await ledger.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Eventually.TrueAsync(() => database.AllAppliedAsync(1), TimeSpan.FromSeconds(30), "the entry to be applied");

        IReadOnlyList<Activity> trace = [];
        Activity? Find(Func<Activity, bool> predicate) => trace.FirstOrDefault(predicate);
        bool Descends(Activity span, Activity ancestor)
        {
            for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
                if (current.SpanId == ancestor.SpanId) return true;
            return false;
        }
        static bool Runs(Activity span, string sql) =>
            span.Source.Name == "Npgsql" && span.TagObjects.Any(tag => tag.Value is string text && text.Contains(sql, StringComparison.Ordinal));

        // Spans end a moment after the effect commits (ack, consumer span): wait for the last of them.
        await Eventually.TrueAsync(() =>
        {
            trace = spans.InTrace(traceId);
            return Find(span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Consumer
                                && span.OperationName.EndsWith("receive", StringComparison.Ordinal)) is not null
                   && trace.Any(span => Runs(span, "INSERT INTO effects"));
        }, TimeSpan.FromSeconds(10), "the consumer's spans to end");

        var http = Find(span => span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server);
        Assert.NotNull(http);
        var enqueue = Find(span => Runs(span, "INSERT INTO outbox"));
        Assert.NotNull(enqueue);
        Assert.Equal(http.SpanId, enqueue.ParentSpanId);

        // The relay's span continues the span that was current at enqueue: the HTTP request's.
        var relay = Find(span => span.Source.Name == "Studios.Messaging" && span.OperationName == "outbox publish");
        Assert.NotNull(relay);
        Assert.Equal(http.SpanId, relay.ParentSpanId);

        var send = Find(span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Producer);
        Assert.NotNull(send);
        Assert.Equal(relay.SpanId, send.ParentSpanId);

        // Through the broker: the receive span's parent is the send span, carried in the message headers.
        var receive = Find(span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Consumer
                                   && span.OperationName.EndsWith("receive", StringComparison.Ordinal));
        Assert.NotNull(receive);
        Assert.Equal(send.SpanId, receive.ParentSpanId);

        var consume = Find(span => span.Source.Name == "MassTransit" && span.Kind == ActivityKind.Consumer
                                   && span.OperationName.EndsWith("process", StringComparison.Ordinal));
        Assert.NotNull(consume);
        Assert.True(Descends(consume, receive));

        var inbox = Find(span => Runs(span, "INSERT INTO inbox"));
        Assert.NotNull(inbox);
        Assert.True(Descends(inbox, receive));
        var effect = Find(span => Runs(span, "INSERT INTO effects"));
        Assert.NotNull(effect);
        Assert.True(Descends(effect, consume), "the consumer's own SQL runs inside its consume span");
    }
}
