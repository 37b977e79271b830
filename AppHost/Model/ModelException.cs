namespace Studios.AppHost.Model;

/// <summary>The model or its settings do not make sense; the message says which setting.</summary>
public sealed class ModelException(string message) : Exception(message);
