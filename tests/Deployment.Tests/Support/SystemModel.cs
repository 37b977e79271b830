using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Studios.AppHost.Publishing;

namespace Studios.Deployment.Tests.Support;

/// <summary>The AppHost's own application model (AppHost/Program.cs, built in Aspire's publish mode), as publish reads it.</summary>
public static class SystemModel
{
    private static readonly Lazy<ManifestModel> Model = new(() => ReadAsync().GetAwaiter().GetResult());

    public static ManifestModel Describe() => Model.Value;

    public static ServiceProject Project(string name) => Describe().Projects.Single(p => p.Name == name);

    /// <summary>Every service, for [MemberData].</summary>
    public static TheoryData<string> ServiceNames()
    {
        var data = new TheoryData<string>();
        foreach (var project in Describe().Projects) data.Add(project.Name);
        return data;
    }

    /// <summary>`dotnet run --project AppHost -- publish ...` in-process: Program.cs builds its model in publish mode with
    /// these arguments, and the publish verb writes it.</summary>
    public static async Task<int> PublishAsync(string[] args, TextWriter output, TextWriter error)
    {
        await using var app = await BuildAsync(PublishCommand.BuilderArgs(args));
        return PublishCommand.Publish(app.Services.GetRequiredService<DistributedApplicationModel>(),
            app.Services.GetRequiredService<IConfiguration>(), args, output, error);
    }

    private static async Task<ManifestModel> ReadAsync()
    {
        await using var app = await BuildAsync(["--AppHost:Operation=publish"]);
        return await ManifestModel.ReadAsync(app.Services.GetRequiredService<DistributedApplicationModel>(), Repository.Root);
    }

    private static async Task<DistributedApplication> BuildAsync(string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Studios_AppHost>(args);
        return await builder.BuildAsync();
    }
}
