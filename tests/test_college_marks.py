"""US college athletics programs are licensed properties: their team names, distinctive nicknames
and slogans on merchandise; not the everyday words they share (a buckeye nut, a cathedral, a
longhorn skull)."""
import pytest

from .rule_harness import severities, tm_findings


@pytest.mark.parametrize("title, mark", [
    ("alabama crimson tide iphone 4 case silicone cover", "alabama crimson tide"),
    ("Roll Tide iPhone 15 case", "roll tide"),
    ("ohio state buckeyes ipad sleeve", "ohio state buckeyes"),
    # the university's own name is its mark on merchandise too
    ("university of southern california usc jersey macbook 13-inch protective skin cover",
     "university of southern california"),
    ("Texas Christian University iPhone 14 case", "texas christian university"),
])
def test_a_college_team_on_merchandise_from_an_unnamed_shop_fails(checker_with, title, mark):
    result = checker_with()(title, brand=None)
    assert severities(result, mark) == {"block"}


def test_a_college_team_from_a_named_maker_is_a_licence_review(checker_with):
    result = checker_with()("alabama crimson tide iphone 4 case silicone cover", brand="Mizco")
    assert severities(result, "alabama crimson tide") == {"warn"}


@pytest.mark.parametrize("title", [
    "Notre Dame cathedral puzzle 1000 pieces",
    "Texas longhorn skull wall decor",
    "Tiger plush toy 30cm",
    "Oxford University Press dictionary",         # a university no list names
])
def test_the_everyday_words_a_team_name_shares_are_no_team(checker_with, title):
    assert not tm_findings(checker_with()(title, brand=None))
