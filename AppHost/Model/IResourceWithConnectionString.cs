namespace Studios.AppHost.Model;

/// <summary>A resource others reach through <c>ConnectionStrings__&lt;ConnectionName&gt;</c> (Aspire's convention).</summary>
public interface IResourceWithConnectionString
{
    string ConnectionName { get; }

    /// <summary>The resource that has to be running for the connection string to work.</summary>
    Resource Server { get; }
}
