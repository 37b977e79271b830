namespace Studios.Notifications.Domain;

/// <summary>A mail ready to send: subject, plain text and HTML bodies, and the locale its template was written in.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html, string Locale);
