"""Properly quoted fields that span lines are read as they are: only a line that reads as a whole
row (an id, a title) inside a field is taken for a row a stray quote swallowed."""
import csv
import io

import pytest

from compliance.catalog import read_catalog


def _read(tmp_path, rows):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["id", "title", "description", "brand", "category", "price"])
    writer.writerows(rows)
    path = tmp_path / "catalog.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    return list(read_catalog(path)[1])


def test_a_description_line_with_as_many_commas_as_the_header_is_text(tmp_path):
    description = ("Material: cotton\nSizes: S, M, L, XL, XXL, 3XL\n* We value quality, if anything is wrong, "
                   "write to us, thanks")
    listings = _read(tmp_path, [["S1", "Street wear bag", description, "", "bags", "12"],
                                ["S2", "Cap", "Plain cap", "", "hats", "3"]])
    assert [(x.id, x.error) for x in listings] == [("S1", None), ("S2", None)]
    assert "3XL" in listings[0].fields["description"].raw


def test_a_title_ending_in_a_line_break_is_a_title(tmp_path):
    listings = _read(tmp_path, [["S1", "Scalp brush, paddle hairbrush\n", "one\ntwo\nthree", "", "", "5"]])
    assert listings[0].error is None and listings[0].title.strip() == "Scalp brush, paddle hairbrush"


@pytest.mark.parametrize("ids", [("A1", "A2", "A3"), ("1001", "1002", "1003")])
def test_a_row_inside_a_field_is_still_found(tmp_path, ids):
    # The swallowed row is numbered as the catalog numbers its rows.
    path = tmp_path / "catalog.csv"
    path.write_text(f'id,title,description,price\n{ids[0]},Poster,"Size 10 x 12,\n{ids[1]},Frame,Wood frame 10",5\n'
                    f'{ids[2]},Mug,White mug,4\n', encoding="utf-8")
    listings = list(read_catalog(path)[1])
    assert listings[0].error and "from line 3" in listings[0].error
    assert [x.id for x in listings] == [ids[0], ids[2]]


def test_the_last_line_of_a_quoted_description_is_no_row_of_a_catalog_numbered_otherwise(tmp_path):
    # The description's last line holds as many commas as the fields after it need, and starts with one
    # word; the catalog's ids are numbers, so the word is no id and the line no swallowed row.
    path = tmp_path / "catalog.csv"
    path.write_text('id,title,description,brand,category,price\n'
                    '7360103867,Joggers Pants Men,"Color. Black, white. Khaki\nStyle. Fitness\n'
                    'Seasons, autumn, winter",,Men > Pants,700.0\n'
                    '7360103868,Cap,Plain cap,,Hats,3\n', encoding="utf-8")
    listings = list(read_catalog(path)[1])
    assert [(x.id, x.error) for x in listings] == [("7360103867", None), ("7360103868", None)]
    assert listings[0].fields["description"].raw.endswith("autumn, winter")


def test_a_description_with_bare_carriage_returns_is_read(tmp_path):
    # Scraped descriptions mix line endings: "\r\n" between lines and a bare "\r" inside one (here
    # in a line with as many commas as the header, which is read as a possible swallowed row).
    description = ("Fill it slowly.\r\nP1: Open the cap, spray, wait, spray, wait, let the gas out.\r"
                   "P2: Not full?\r\nShake")
    listings = _read(tmp_path, [["S1", "Gas lighter refill", description, "", "", "4"],
                                ["S2", "Cap", "Plain cap", "", "hats", "3"]])
    assert [(x.id, x.error) for x in listings] == [("S1", None), ("S2", None)]
    assert "P2: Not full?" in listings[0].fields["description"].raw
