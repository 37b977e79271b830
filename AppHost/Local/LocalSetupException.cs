namespace Studios.AppHost.Local;

/// <summary>Something on this machine keeps a local run from starting (a taken port, a missing package, a foreign data
/// folder); the message names the fix, and the AppHost prints it without a stack trace.</summary>
public sealed class LocalSetupException(string message) : Exception(message);
