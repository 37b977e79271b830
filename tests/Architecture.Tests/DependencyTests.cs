using System.Reflection;
using Microsoft.Extensions.Hosting;
using NetArchTest.Rules;
using Npgsql;
using Studios.ServiceDefaults.Jobs;

namespace Studios.Architecture.Tests;

/// <summary>Dependencies point inwards: Domain is rules without I/O, Data and Features know nothing of HTTP or messaging
/// endpoints, and each resource's Api stands alone.</summary>
public sealed class DependencyTests
{
    private static readonly string[] Infrastructure = ["Npgsql", "Dapper", "MassTransit", "Microsoft.AspNetCore"];

    /// <summary>Services whose reads still take an optional transaction after the cancellation token (Npgsql ignores a
    /// command's transaction, so it goes: see docs/service-template.md). Remove a service once converted.</summary>
    private static readonly string[] StillTakingAnOptionalTransaction = ["PracticeContent", "Scheduling", "Stewardship"];

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Domain_is_rules_without_io(string service) =>
        AssertNone(service, "Domain", [.. Infrastructure, .. Layers(service, "Apis", "Data", "Features", "Consumers", "Jobs")]);

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Data_knows_no_endpoint_and_no_use_case(string service) =>
        AssertNone(service, "Data", ["Microsoft.AspNetCore", "MassTransit", .. Layers(service, "Apis", "Features", "Consumers", "Jobs")]);

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Features_know_no_endpoint(string service) =>
        AssertNone(service, "Features", ["Microsoft.AspNetCore", .. Layers(service, "Apis", "Consumers", "Jobs")]);

    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Consumers_and_apis_do_not_call_each_other(string service)
    {
        AssertNone(service, "Consumers", Layers(service, "Apis"));
        AssertNone(service, "Apis", Layers(service, "Consumers"));
    }

    /// <summary>A resource's endpoints (one Apis/XxxApi) do not reach into another resource's: what two share lives in
    /// Domain, Features, Data or the services record.</summary>
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void An_api_does_not_use_another_api(string service)
    {
        var apis = ServiceAssemblies.Load(service).GetTypes()
            .Where(type => type.Namespace == ServiceAssemblies.Namespace(service) + ".Apis" && type.Name.EndsWith("Api", StringComparison.Ordinal))
            .Select(type => type.FullName!)
            .ToList();
        foreach (var api in apis)
        {
            var result = Types.InAssembly(ServiceAssemblies.Load(service)).That().HaveNameStartingWith(api[(api.LastIndexOf('.') + 1)..])
                .And().ResideInNamespace(ServiceAssemblies.Namespace(service) + ".Apis")
                .ShouldNot().HaveDependencyOnAny([.. apis.Where(other => other != api)]).GetResult();
            Assert.True(result.IsSuccessful, $"{api} uses another Api: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    /// <summary>One signature for data access: the connection (or the transaction it runs in) first, the cancellation
    /// token last and required; no method comes twice, with and without a transaction.</summary>
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Data_access_takes_the_connection_first_and_the_cancellation_token_last(string service)
    {
        var ns = ServiceAssemblies.Namespace(service);
        var methods = ServiceAssemblies.Load(service).GetTypes()
            .Where(type => type.IsPublic && (type.Namespace == ns + ".Data" && type.Name.EndsWith("Repository", StringComparison.Ordinal)
                || type.Namespace == ns + ".Features"))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => typeof(Task).IsAssignableFrom(method.ReturnType))
            .ToList();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            Assert.True(parameters.Length >= 2, $"{name} takes no connection or no cancellation token");
            Assert.True(parameters[0].ParameterType == typeof(NpgsqlConnection) || parameters[0].ParameterType == typeof(NpgsqlTransaction),
                $"{name} takes {parameters[0].ParameterType.Name} first, not the connection or transaction");
            Assert.Contains(parameters, parameter => parameter.ParameterType == typeof(CancellationToken));
            if (StillTakingAnOptionalTransaction.Contains(service)) continue;
            Assert.True(parameters[^1].ParameterType == typeof(CancellationToken) && !parameters[^1].HasDefaultValue,
                $"{name} does not end with a required CancellationToken");
            Assert.DoesNotContain(parameters[1..], parameter =>
                parameter.ParameterType == typeof(NpgsqlTransaction) || parameter.ParameterType == typeof(NpgsqlConnection));
        }
    }

    /// <summary>Background work repeats through the one job base, from Jobs/.</summary>
    [Theory]
    [MemberData(nameof(ServiceAssemblies.Names), MemberType = typeof(ServiceAssemblies))]
    public void Background_work_is_an_interval_job_in_jobs(string service)
    {
        var hosted = ServiceAssemblies.Load(service).GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IHostedService).IsAssignableFrom(type));
        Assert.All(hosted, type =>
        {
            Assert.True(type.IsSubclassOf(typeof(IntervalJob)), $"{type.Name} is not an IntervalJob");
            Assert.Equal(ServiceAssemblies.Namespace(service) + ".Jobs", type.Namespace);
        });
    }

    private static string[] Layers(string service, params string[] folders) =>
        [.. folders.Select(folder => $"{ServiceAssemblies.Namespace(service)}.{folder}.")];

    private static void AssertNone(string service, string folder, string[] forbidden)
    {
        var result = Types.InAssembly(ServiceAssemblies.Load(service))
            .That().ResideInNamespace($"{ServiceAssemblies.Namespace(service)}.{folder}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful,
            $"{service}'s {folder} depends on {string.Join(" or ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
