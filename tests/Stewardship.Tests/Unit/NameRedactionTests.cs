using Studios.Stewardship.Domain;

namespace Studios.Stewardship.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class NameRedactionTests
{
    [Fact]
    public void Full_names_and_their_parts_are_replaced_ignoring_case()
    {
        var text = NameRedaction.Redact("Met ada lovelace today. Ada wants more time; LOVELACE agreed.", ["Ada Lovelace"]);

        Assert.Equal("Met [erased] today. [erased] wants more time; [erased] agreed.", text);
    }

    [Fact]
    public void Only_whole_words_are_replaced()
    {
        Assert.Equal("Adam and Canada stay; [erased] goes.", NameRedaction.Redact("Adam and Canada stay; Ada goes.", ["Ada"]));
    }

    [Fact]
    public void Short_name_parts_alone_are_kept_but_the_full_name_goes()
    {
        Assert.Equal("[erased] spoke; we and Li talked.", NameRedaction.Redact("Li Wei spoke; we and Li talked.", ["Li Wei"]));
    }

    [Fact]
    public void Empty_or_missing_names_change_nothing()
    {
        Assert.Equal("Nothing to hide.", NameRedaction.Redact("Nothing to hide.", [null, " ", ""]));
    }
}
