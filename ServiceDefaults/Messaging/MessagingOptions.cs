namespace Studios.ServiceDefaults.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";
}
