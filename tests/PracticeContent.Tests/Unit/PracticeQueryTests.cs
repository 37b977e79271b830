using Studios.PracticeContent.Domain;
using Studios.ServiceDefaults.Http;

namespace Studios.PracticeContent.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PracticeQueryTests
{
    [Fact]
    public void Labels_may_be_comma_separated_or_repeated_and_are_normalised()
    {
        var query = PracticeQuery.From(" deep listening ", ["Warm-Up,closing", "closing"], ["Care"], 15, 8, "in-person", null, null, null, new FieldErrors())!;
        Assert.Equal(["warm-up", "closing"], query.Tags);
        Assert.Equal(["care"], query.Skills);
        Assert.Equal("deep listening", query.Text);
        Assert.Equal(PracticeMode.InPerson, query.Mode);
        Assert.Equal(PracticeSort.Relevance, query.Sort);
        Assert.Equal(Cursor.DefaultLimit, query.Limit);
    }

    [Fact]
    public void Without_words_relevance_falls_back_to_recent()
    {
        var query = PracticeQuery.From(null, null, null, null, null, null, "relevance", null, 10, new FieldErrors())!;
        Assert.Equal(PracticeSort.Recent, query.Sort);
    }

    [Fact]
    public void A_cursor_only_continues_the_order_it_came_from()
    {
        var cursor = Cursor.Encode(new SearchCursor(PracticeSort.Title, Guid.NewGuid(), Title: "a"));
        Assert.NotNull(PracticeQuery.From(null, null, null, null, null, null, "title", cursor, null, new FieldErrors()));
        var errors = new FieldErrors();
        Assert.Null(PracticeQuery.From(null, null, null, null, null, null, "usage", cursor, null, errors));
        Assert.True(errors.ToDictionary().ContainsKey("cursor"));
    }
}
