namespace Studios.ServiceDefaults.Jobs;

public static class JobExtensions
{
    /// <summary>Runs <typeparamref name="TJob"/> in the background; it is also a singleton others can wake.</summary>
    public static IServiceCollection AddIntervalJob<TJob>(this IServiceCollection services) where TJob : IntervalJob
    {
        services.AddSingleton<TJob>();
        services.AddHostedService(provider => provider.GetRequiredService<TJob>());
        return services;
    }
}
