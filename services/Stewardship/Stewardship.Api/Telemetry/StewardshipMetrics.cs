using System.Diagnostics.Metrics;
using Studios.ServiceDefaults.Telemetry;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;
using Studios.Stewardship.Features;

namespace Studios.Stewardship.Telemetry;

/// <summary>The business metrics of meter "Studios.Stewardship". The gauges read the counts the refresher last took
/// (<see cref="NetworkFiguresSnapshot"/>), so a scrape never queries the database.</summary>
public sealed class StewardshipMetrics
{
    public const string MeterName = StudiosTelemetry.MeterPrefix + "Stewardship";

    private readonly Counter<long> _transitions;
    private readonly Counter<long> _healthChanges;
    private readonly Counter<long> _checkIns;
    private readonly NetworkFiguresSnapshot _networkFigures;

    public StewardshipMetrics(IMeterFactory meterFactory, NetworkFiguresSnapshot networkFigures)
    {
        _networkFigures = networkFigures;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("studios.count", ObserveStudios, "{studio}", "Studios in each lifecycle state.");
        meter.CreateObservableGauge("studios.health", ObserveHealth, "{studio}", "Active studios in each health state.");
        _transitions = meter.CreateCounter<long>("studios.transitions", "{transition}", "Lifecycle changes (proposed, approved, declined, paused, resumed, retired).");
        _healthChanges = meter.CreateCounter<long>("studios.health_changes", "{change}", "Health state changes published, by the new state.");
        _checkIns = meter.CreateCounter<long>("stewardship.check_ins", "{check-in}", "Check-ins stewards recorded with facilitators.");
    }

    public void Transition(string transition) => _transitions.Add(1, new KeyValuePair<string, object?>("studio.transition", transition));

    public void HealthChanged(HealthState state) => _healthChanges.Add(1, new KeyValuePair<string, object?>("studio.health", state.ToText()));

    public void CheckInRecorded() => _checkIns.Add(1);

    // Nothing until the first refresh: no measurement rather than a zero that is not true.
    private IEnumerable<Measurement<long>> ObserveStudios() =>
        (_networkFigures.Latest?.Studios ?? new Dictionary<StudioState, long>())
        .Select(entry => new Measurement<long>(entry.Value, new KeyValuePair<string, object?>("studio.state", entry.Key.ToText())));

    private IEnumerable<Measurement<long>> ObserveHealth() =>
        (_networkFigures.Latest?.Health ?? new Dictionary<HealthState, long>())
        .Select(entry => new Measurement<long>(entry.Value, new KeyValuePair<string, object?>("studio.health", entry.Key.ToText())));
}
