namespace Studios.Web.Services;

/// <summary>A service call's outcome: the value, or the service's problem.</summary>
public sealed record ServiceResult<T>(T? Value, ServiceProblem? Problem)
{
    public bool Succeeded => Problem is null;
}
