namespace Studios.Messaging.Tests.Reliability;

/// <summary>Reliability tests run one after another: each pushes thousands of messages or starts servers of its own,
/// and two cores are enough for one of them at a time beside the other tests.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability";
}
