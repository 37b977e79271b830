using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class StudioLifecycleTests
{
    [Theory]
    [InlineData(StudioState.Proposed, StudioAction.Approve, StudioState.Active)]
    [InlineData(StudioState.Proposed, StudioAction.Decline, StudioState.Declined)]
    [InlineData(StudioState.Active, StudioAction.Pause, StudioState.Paused)]
    [InlineData(StudioState.Paused, StudioAction.Resume, StudioState.Active)]
    [InlineData(StudioState.Active, StudioAction.Retire, StudioState.Retired)]
    [InlineData(StudioState.Paused, StudioAction.Retire, StudioState.Retired)]
    public void Legal_transitions_lead_to_their_state(StudioState from, StudioAction action, StudioState to) =>
        Assert.Equal(to, StudioLifecycle.Next(from, action));

    [Fact]
    public void Every_other_transition_is_refused()
    {
        var legal = new HashSet<(StudioState, StudioAction)>
        {
            (StudioState.Proposed, StudioAction.Approve), (StudioState.Proposed, StudioAction.Decline),
            (StudioState.Active, StudioAction.Pause), (StudioState.Paused, StudioAction.Resume),
            (StudioState.Active, StudioAction.Retire), (StudioState.Paused, StudioAction.Retire),
        };
        var refused = 0;
        foreach (var state in Enum.GetValues<StudioState>())
        {
            foreach (var action in Enum.GetValues<StudioAction>().Where(action => !legal.Contains((state, action))))
            {
                Assert.Null(StudioLifecycle.Next(state, action));
                refused++;
            }
        }
        Assert.Equal(5 * 5 - legal.Count, refused);
    }

    [Fact]
    public void Declined_and_retired_are_final()
    {
        Assert.All(Enum.GetValues<StudioAction>(), action =>
        {
            Assert.Null(StudioLifecycle.Next(StudioState.Declined, action));
            Assert.Null(StudioLifecycle.Next(StudioState.Retired, action));
        });
    }

    [Fact]
    public void States_round_trip_through_their_text_ignoring_case()
    {
        Assert.All(Enum.GetValues<StudioState>(), state => Assert.Equal(state, StudioStates.Parse(state.ToText())));
        Assert.True(StudioStates.TryParse("Active", out var active));
        Assert.Equal(StudioState.Active, active);
        Assert.False(StudioStates.TryParse("closed", out _));
    }
}
