namespace Studios.AppHost.Publishing;

/// <summary>Publishing cannot go on; the message names the setting or file to fix.</summary>
public sealed class PublishException(string message) : Exception(message);
