using Studios.Membership.Contracts;
using Studios.Membership.Domain;

namespace Studios.Membership.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class RosterRulesTests
{
    [Theory]
    [InlineData(3, 0, 5, 3)]
    [InlineData(3, 2, 5, 1)]
    [InlineData(3, 3, 5, 0)]
    [InlineData(3, 1, 1, 1)]
    [InlineData(2, 4, 3, 0)]
    public void The_waitlist_moves_up_as_far_as_places_allow(int capacity, int active, int waiting, int promoted) =>
        Assert.Equal(promoted, Places.Promotions(capacity, active, waiting));

    [Fact]
    public void Facilitators_take_no_place()
    {
        Assert.Equal(MemberStates.Active, Places.Admit(StudioRoles.Facilitator, capacity: 0, activeParticipants: 0));
        Assert.Equal(MemberStates.Active, Places.Admit(StudioRoles.CoFacilitator, capacity: 1, activeParticipants: 1));
        Assert.Equal(MemberStates.Waitlisted, Places.Admit(StudioRoles.Participant, capacity: 1, activeParticipants: 1));
        Assert.Equal(0, Places.Free(capacity: 1, activeParticipants: 3));
    }

    [Theory]
    [InlineData(StudioRoles.Facilitator, null, 1, true)]
    [InlineData(StudioRoles.Facilitator, StudioRoles.Participant, 1, true)]
    [InlineData(StudioRoles.Facilitator, StudioRoles.CoFacilitator, 1, true)]
    [InlineData(StudioRoles.Facilitator, null, 2, false)]
    [InlineData(StudioRoles.Facilitator, StudioRoles.Facilitator, 1, false)]
    [InlineData(StudioRoles.CoFacilitator, null, 1, false)]
    [InlineData(StudioRoles.Participant, null, 0, false)]
    public void A_studio_keeps_a_facilitator(string role, string? newRole, int facilitators, bool refused) =>
        Assert.Equal(refused, FacilitatorRule.WouldLeaveNoFacilitator(role, newRole, facilitators));

    [Fact]
    public void Co_facilitators_act_on_participants_only()
    {
        Assert.True(StudioRoleRules.MayActOn(StudioRoles.Facilitator, StudioRoles.Facilitator));
        Assert.True(StudioRoleRules.MayActOn(StudioRoles.CoFacilitator, StudioRoles.Participant));
        Assert.False(StudioRoleRules.MayActOn(StudioRoles.CoFacilitator, StudioRoles.CoFacilitator));
        Assert.False(StudioRoleRules.MayActOn(StudioRoles.Participant, StudioRoles.Participant));
        Assert.False(StudioRoleRules.MayActOn(null, StudioRoles.Participant));
        Assert.True(StudioRoleRules.Manages(StudioRoles.CoFacilitator));
        Assert.False(StudioRoleRules.Manages(StudioRoles.Participant));
    }

    [Theory]
    [InlineData(false, false, false, StudioStatus.Pending)]
    [InlineData(true, false, false, StudioStatus.Open)]
    [InlineData(true, true, false, StudioStatus.Paused)]
    [InlineData(true, true, true, StudioStatus.Retired)]
    [InlineData(false, true, true, StudioStatus.Retired)]
    [InlineData(false, true, false, StudioStatus.Pending)]
    public void A_studio_status_follows_its_lifecycle_events(bool approved, bool paused, bool retired, string status) =>
        Assert.Equal(status, StudioStatus.Of(approved, paused, retired));

    [Fact]
    public void Current_states_are_the_ones_a_person_holds_once_per_studio()
    {
        Assert.All([MemberStates.Requested, MemberStates.Invited, MemberStates.Waitlisted, MemberStates.Active],
            state => Assert.True(MemberStates.IsCurrent(state)));
        Assert.All([MemberStates.Left, MemberStates.Removed, MemberStates.Alumni, MemberStates.Declined, MemberStates.Cancelled],
            state => Assert.False(MemberStates.IsCurrent(state)));
    }
}
