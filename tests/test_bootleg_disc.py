"""CF004: a film or series on disc where no brand is named: how unauthorised copies are sold."""
import pytest


def cf004(result):
    return [(f.severity, f.text) for f in result.findings if f.rule == "CF004"]


@pytest.mark.parametrize("title, brand, expected", [
    ("BLURAY English Movie Lord of Misrule ( 2023 )", "No Brand", [("block", "BLURAY")]),
    ("Bluray Korean Drama 2BD ( TV Series ) ( Complete Season 1~14 )", "", [("block", "Bluray")]),
    ("DVD Película Infantil Dibujos Animados", "Generic", [("block", "DVD")]),
    ("DVD English Cartoon for kids 10 discs", None, [("warn", "DVD")]),        # no brand column: a review
    ("BLURAY Chinese Movie Customs Frontline (2024) ( Web Version )", None, [("block", "BLURAY")]),  # a web rip
    ("The Dark Knight Blu-ray movie", "Warner Home Video", []),              # a studio in the brand column
    ("Sony BDP-S3700 Blu-ray Disc Player for movies", "", []),                 # a player, not a film
    ("Verbatim DVD-R 16x 50 pack blank media for movies", "", []),            # blank media
    ("DVD storage case for 40 movies", "", []),                                # a case
    ("Summer dress floral series", "", []),                                    # no disc
])
def test_a_film_on_disc_with_no_brand_named_is_a_bootleg(checker_with, title, brand, expected):
    assert cf004(checker_with()(title, brand=brand)) == expected


def test_the_bootleg_rule_is_explained():
    from compliance.rulebook import explain_rule

    entry = explain_rule("CF004")
    assert entry.kind == "counterfeit" and "Blu-ray" in entry.doc.what
