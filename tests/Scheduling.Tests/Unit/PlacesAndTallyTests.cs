using Studios.Scheduling.Domain;

namespace Studios.Scheduling.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PlacesAndTallyTests
{
    [Theory]
    [InlineData(3, 0, RsvpStatus.Going)]
    [InlineData(3, 2, RsvpStatus.Going)]
    [InlineData(3, 3, RsvpStatus.Waitlisted)]
    [InlineData(3, 5, RsvpStatus.Waitlisted)]
    public void Going_takes_a_free_place_or_joins_the_waitlist(int capacity, int going, RsvpStatus expected) =>
        Assert.Equal(expected, Places.ForGoing(capacity, going));

    [Theory]
    [InlineData(3, 2, 4, 1)]
    [InlineData(5, 2, 1, 1)]
    [InlineData(3, 3, 4, 0)]
    [InlineData(2, 4, 4, 0)]
    public void Free_places_go_to_the_waitlist(int capacity, int going, int waitlisted, int promoted) =>
        Assert.Equal(promoted, Places.ToPromote(capacity, going, waitlisted));

    [Fact]
    public void The_attendance_rate_counts_late_arrivals_as_attending()
    {
        var tally = AttendanceTally.Of([AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.Absent, AttendanceStatus.Excused]);
        Assert.Equal(new AttendanceTally(1, 1, 1, 1), tally);
        Assert.Equal(0.5, tally.Rate);
        Assert.Equal(0, AttendanceTally.Of([]).Rate);
    }

    [Fact]
    public void Enums_are_stored_as_kebab_case()
    {
        Assert.Equal("not-going", Kebab.Of(RsvpStatus.NotGoing));
        Assert.Equal(RsvpStatus.NotGoing, Kebab.Parse<RsvpStatus>("not-going"));
    }
}
