using Studios.Notifications.Domain;

namespace Studios.Notifications.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class DeliveryRetriesTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(7, 1800)]
    [InlineData(60, 1800)]
    public void The_delay_doubles_up_to_the_longest(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryRetries.Delay(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30)));

    [Fact]
    public void The_last_attempt_gives_up()
    {
        Assert.False(DeliveryRetries.GivesUp(11, 12));
        Assert.True(DeliveryRetries.GivesUp(12, 12));
    }
}
