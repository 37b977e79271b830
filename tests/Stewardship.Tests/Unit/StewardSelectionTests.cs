using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class StewardSelectionTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_steward_with_the_fewest_studios_is_chosen()
    {
        var busy = new StewardCandidate(Guid.NewGuid(), 3, 5, Start);
        var light = new StewardCandidate(Guid.NewGuid(), 1, 5, Start.AddDays(1));

        Assert.Equal(light, StewardSelection.Pick([busy, light]));
    }

    [Fact]
    public void A_full_steward_is_skipped_however_light_the_others_are()
    {
        var full = new StewardCandidate(Guid.NewGuid(), 1, 1, Start);
        var other = new StewardCandidate(Guid.NewGuid(), 4, 10, Start);

        Assert.Equal(other, StewardSelection.Pick([full, other]));
    }

    [Fact]
    public void Ties_go_to_the_longest_serving_steward()
    {
        var newer = new StewardCandidate(Guid.NewGuid(), 2, 5, Start.AddDays(3));
        var older = new StewardCandidate(Guid.NewGuid(), 2, 5, Start);

        Assert.Equal(older, StewardSelection.Pick([newer, older]));
    }

    [Fact]
    public void Nobody_is_chosen_when_all_are_full_or_the_pool_is_empty()
    {
        Assert.Null(StewardSelection.Pick([new StewardCandidate(Guid.NewGuid(), 2, 2, Start)]));
        Assert.Null(StewardSelection.Pick([]));
    }
}
