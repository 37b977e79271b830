using System.Diagnostics.Metrics;

namespace Studios.PracticeContent.Telemetry;

/// <summary>Business metrics of Practice-Content (meter "Studios.PracticeContent"), recorded after the change commits.</summary>
public sealed class PracticeContentMetrics
{
    public const string MeterName = "Studios.PracticeContent";

    private readonly Counter<long> _practicesPublished;
    private readonly Counter<long> _plansPublished;
    private readonly Counter<long> _reflectionsShared;

    public PracticeContentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _practicesPublished = meter.CreateCounter<long>("practices.published", "{version}", "Practice versions published.");
        _plansPublished = meter.CreateCounter<long>("session_plans.published", "{plan}", "Studio session plans published.");
        _reflectionsShared = meter.CreateCounter<long>("reflections.shared", "{reflection}", "Reflections shared with a studio or the network.");
    }

    public void PracticePublished(bool adaptation) =>
        _practicesPublished.Add(1, new KeyValuePair<string, object?>("adaptation", adaptation));

    public void PlanPublished() => _plansPublished.Add(1);

    public void ReflectionShared(string visibility) =>
        _reflectionsShared.Add(1, new KeyValuePair<string, object?>("visibility", visibility));
}
