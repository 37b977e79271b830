using Microsoft.Extensions.Configuration;
using Studios.AppHost;
using Studios.AppHost.Model;

namespace Studios.Deployment.Tests.Support;

/// <summary>The AppHost's own model (AppHostModel.Describe), as publish sees it.</summary>
public static class SystemModel
{
    public static ApplicationModel Describe() =>
        AppHostModel.Describe(new ApplicationModelBuilder(new ConfigurationBuilder().Build()));

    public static ProjectResource Project(string name) => Describe().Projects.Single(p => p.Name == name);

    /// <summary>Every service, for [MemberData].</summary>
    public static TheoryData<string> ServiceNames()
    {
        var data = new TheoryData<string>();
        foreach (var project in Describe().Projects) data.Add(project.Name);
        return data;
    }
}
