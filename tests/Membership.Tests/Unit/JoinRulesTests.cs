using Studios.Membership.Contracts;
using Studios.Membership.Domain;

namespace Studios.Membership.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JoinRulesTests
{
    [Fact]
    public void Open_policy_admits_while_places_are_free_then_waitlists()
    {
        Assert.Equal(new JoinDecision(MemberStates.Active, JoinRoutes.Open, JoinRefusal.None),
            JoinRules.Join(StudioStatus.Open, JoinPolicies.Open, null, capacity: 2, activeParticipants: 1));
        Assert.Equal(new JoinDecision(MemberStates.Waitlisted, JoinRoutes.Open, JoinRefusal.None),
            JoinRules.Join(StudioStatus.Open, JoinPolicies.Open, null, capacity: 2, activeParticipants: 2));
    }

    [Fact]
    public void Request_to_join_waits_for_a_facilitator() =>
        Assert.Equal(new JoinDecision(MemberStates.Requested, JoinRoutes.Request, JoinRefusal.None),
            JoinRules.Join(StudioStatus.Open, JoinPolicies.RequestToJoin, null, capacity: 0, activeParticipants: 0));

    [Fact]
    public void Invite_only_refuses_joins() =>
        Assert.Equal(JoinRefusal.InviteOnly, JoinRules.Join(StudioStatus.Open, JoinPolicies.InviteOnly, null, 5, 0).Refusal);

    [Theory]
    [InlineData(StudioStatus.Paused)]
    [InlineData(StudioStatus.Retired)]
    [InlineData(StudioStatus.Pending)]
    public void Only_open_studios_take_members(string status)
    {
        Assert.Equal(JoinRefusal.StudioNotOpen, JoinRules.Join(status, JoinPolicies.Open, null, 5, 0).Refusal);
        Assert.Equal(JoinRefusal.StudioNotOpen, JoinRules.Approve(status, MemberStates.Requested, 5, 0).Refusal);
        Assert.Equal(JoinRefusal.StudioNotOpen, JoinRules.Accept(status, StudioRoles.Participant, null, 5, 0).Refusal);
    }

    [Theory]
    [InlineData(MemberStates.Requested)]
    [InlineData(MemberStates.Waitlisted)]
    [InlineData(MemberStates.Active)]
    public void A_current_member_cannot_join_again(string state) =>
        Assert.Equal(JoinRefusal.AlreadyMember, JoinRules.Join(StudioStatus.Open, JoinPolicies.Open, state, 5, 0).Refusal);

    [Theory]
    [InlineData(MemberStates.Invited)]
    [InlineData(MemberStates.Left)]
    [InlineData(MemberStates.Removed)]
    [InlineData(MemberStates.Declined)]
    public void An_invitation_or_an_ended_membership_does_not_stop_a_join(string state) =>
        Assert.Equal(MemberStates.Active, JoinRules.Join(StudioStatus.Open, JoinPolicies.Open, state, 5, 0).State);

    [Fact]
    public void Approving_takes_a_place_or_waitlists_and_only_once()
    {
        Assert.Equal(MemberStates.Active, JoinRules.Approve(StudioStatus.Open, MemberStates.Requested, 1, 0).State);
        Assert.Equal(MemberStates.Waitlisted, JoinRules.Approve(StudioStatus.Open, MemberStates.Requested, 1, 1).State);
        Assert.Equal(JoinRefusal.AlreadyMember, JoinRules.Approve(StudioStatus.Open, MemberStates.Active, 1, 0).Refusal);
    }

    [Fact]
    public void An_invited_co_facilitator_needs_no_place()
    {
        Assert.Equal(MemberStates.Active, JoinRules.Accept(StudioStatus.Open, StudioRoles.CoFacilitator, null, 1, 1).State);
        Assert.Equal(MemberStates.Waitlisted, JoinRules.Accept(StudioStatus.Open, StudioRoles.Participant, null, 1, 1).State);
        Assert.Equal(MemberStates.Active, JoinRules.Accept(StudioStatus.Open, StudioRoles.Participant, MemberStates.Requested, 1, 0).State);
        Assert.Equal(JoinRefusal.AlreadyMember, JoinRules.Accept(StudioStatus.Open, StudioRoles.Participant, MemberStates.Waitlisted, 1, 0).Refusal);
    }
}
