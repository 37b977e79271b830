using System.Diagnostics.Metrics;
using Studios.ServiceDefaults.Telemetry;
using Studios.Stewardship.Domain;
using Studios.Stewardship.Domain.StudioHealth;

namespace Studios.Stewardship.Telemetry;

/// <summary>The business metrics of meter "Studios.Stewardship". The gauges read counts cached by
/// <see cref="Jobs.StudioCountsRefresher"/>, so a scrape never queries the database.</summary>
public sealed class StewardshipMetrics
{
    public const string MeterName = StudiosTelemetry.MeterPrefix + "Stewardship";

    private readonly Counter<long> _transitions;
    private readonly Counter<long> _healthChanges;
    private readonly Counter<long> _checkIns;
    private volatile IReadOnlyDictionary<StudioState, long> _studios = new Dictionary<StudioState, long>();
    private volatile IReadOnlyDictionary<HealthState, long> _health = new Dictionary<HealthState, long>();

    public StewardshipMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("studios.count", ObserveStudios, "{studio}", "Studios in each lifecycle state.");
        meter.CreateObservableGauge("studios.health", ObserveHealth, "{studio}", "Active studios in each health state.");
        _transitions = meter.CreateCounter<long>("studios.transitions", "{transition}", "Lifecycle changes (proposed, approved, declined, paused, resumed, retired).");
        _healthChanges = meter.CreateCounter<long>("studios.health_changes", "{change}", "Health state changes published, by the new state.");
        _checkIns = meter.CreateCounter<long>("stewardship.check_ins", "{check-in}", "Check-ins stewards recorded with facilitators.");
    }

    /// <summary>When the cached counts were last replaced; null until the first refresh.</summary>
    public DateTimeOffset? CountsRefreshedAt { get; private set; }

    public void Transition(string transition) => _transitions.Add(1, new KeyValuePair<string, object?>("studio.transition", transition));

    public void HealthChanged(HealthState state) => _healthChanges.Add(1, new KeyValuePair<string, object?>("studio.health", state.ToText()));

    public void CheckInRecorded() => _checkIns.Add(1);

    public void ReplaceCounts(IReadOnlyDictionary<StudioState, long> studios, IReadOnlyDictionary<HealthState, long> health,
        DateTimeOffset at)
    {
        _studios = studios;
        _health = health;
        CountsRefreshedAt = at;
    }

    private IEnumerable<Measurement<long>> ObserveStudios() =>
        _studios.Select(entry => new Measurement<long>(entry.Value, new KeyValuePair<string, object?>("studio.state", entry.Key.ToText())));

    private IEnumerable<Measurement<long>> ObserveHealth() =>
        _health.Select(entry => new Measurement<long>(entry.Value, new KeyValuePair<string, object?>("studio.health", entry.Key.ToText())));
}
