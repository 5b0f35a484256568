"""A work's own printed edition and a game's or service's own credit are what the listing sells:
the work or the service resold, not merchandise of it."""
import pytest

from .rule_harness import severities


@pytest.mark.parametrize("title, mark", [
    ("Komik Doraemon Edisi Spesial Elex Media", "doraemon"),
    ("Novel Harry Potter dan Batu Bertuah Gramedia", "harry potter"),
    ("Harry Potter and the Philosopher's Stone paperback book", "harry potter"),
    ("Книга Гарри Поттер и философский камень Росмэн", "гарри поттер"),
    ("Buku Harry Potter dan Batu Bertuah Gramedia Original Segel", "harry potter"),   # Indonesian 'book'
])
def test_a_printed_edition_of_the_work_is_the_work(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) <= {"info"}


@pytest.mark.parametrize("title, mark", [
    ("Harry Potter coloring book for kids", "harry potter"),            # a colouring book: merchandise
    ("Ebook Harry Potter PDF lengkap", "harry potter"),                 # a digital copy: pirate
    ("Harry Potter notebook A5", "harry potter"),                       # stationery
    # tags after a slash name no product ("... / Аниме / Манга" on a headband)
    ("Повязка отступника / Бандана на лоб / Косплей ниндзя / Акацуки / Аниме / Манга", "акацуки"),
])
def test_merchandise_or_a_digital_copy_of_the_work_still_blocks(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)


@pytest.mark.parametrize("title, mark", [
    ("Diamond Mobile Legends 86 DM Via ID Proses Cepat", "mobile legends"),
    ("TOP UP DIAMOND MOBILE LEGENDS 706 + BONUS TERMURAH", "mobile legends"),
    ("Google Play Gift Card Rp 100.000 Indonesia", "google play"),
    ("UC PUBG Mobile 325 UC Via ID", "pubg mobile"),
    ("Diamond Mobile Legends 86 DM Via ID Server", "mobile legends"),   # the player's server, no product
])
def test_a_games_or_services_own_credit_is_its_product_resold(checker_with, title, mark):
    assert severities(checker_with()(title, brand=None), mark) <= {"info"}


@pytest.mark.parametrize("title, mark", [
    ("Kaos Mobile Legends Hero Gusion", "mobile legends"),               # a tee of the game
    ("Tas Selempang Mobile Legends Diamond 500 Murah", "mobile legends"),  # a bag, whatever it says
    ("Кружка Черепашки-ниндзя Леонардо, Донателло, 350 мл", "донателло"),  # a name, no "донат" (in-game purchase)
])
def test_merchandise_of_a_game_still_blocks(checker_with, title, mark):
    assert "block" in severities(checker_with()(title, brand=None), mark)
