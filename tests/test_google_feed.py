"""Google Merchant Center feeds: RSS 2.0 and Atom XML (streamed, defused) and the TSV file."""
import json

import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.errors import InputError
from compliance.inputs import ReadOptions
from compliance.inputs.google_feed import READER, TSV_READER

RSS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n'
            '<channel>\n<title>Example shop</title>\n<link>https://shop.example</link>\n')
RSS_TAIL = "</channel>\n</rss>\n"


def rss_item(ident, title, description="", brand="", **more):
    parts = [f"<g:id>{ident}</g:id>", f"<title>{title}</title>"]
    if description:
        parts.append(f"<description>{description}</description>")
    if brand:
        parts.append(f"<g:brand>{brand}</g:brand>")
    parts += [f"<g:{k}>{v}</g:{k}>" for k, v in more.items()]
    return "<item>\n  " + "\n  ".join(parts) + "\n</item>\n"


def write(tmp_path, text, name="feed.xml"):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def rows(path):
    layout, stream = read_catalog(path)
    return layout, list(stream)


def test_an_rss_feed_is_read_item_by_item_with_its_fields_and_places(tmp_path):
    path = write(tmp_path, RSS_HEAD
                 + rss_item("A1", "Red Ceramic Mug", "<![CDATA[<p>Holds 350 ml</p>]]>", "Potterly",
                            google_product_category="2169", product_type="Home &gt; Kitchen &gt; Mugs",
                            price="9.99 USD")
                 + rss_item("A2", "Oak Cutting Board", price="24.00 USD", google_product_category="668")
                 + RSS_TAIL)
    layout, (mug, board) = rows(path)
    assert layout.input_format == "google-feed" and layout.encoding == "utf-8"
    assert (mug.id, mug.title, mug.brand, mug.price) == ("A1", "Red Ceramic Mug", "Potterly", "9.99 USD")
    assert mug.category == "Home > Kitchen > Mugs"  # the path, rather than the taxonomy number
    assert mug.fields["description"].text.strip() == "Holds 350 ml"
    assert board.category == "668" and "description" not in board.fields
    assert (mug.row, mug.line, board.row, board.line) == (1, 6, 2, 15)


def test_an_atom_feed_with_g_elements_before_atom_ones(tmp_path):
    path = write(tmp_path, '<?xml version="1.0"?>\n'
                 '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">\n'
                 '<title>Example shop</title>\n'
                 '<entry>\n<id>tag:shop.example,2026:1</id>\n<g:id>TV-1</g:id>\n<title>Atom title</title>\n'
                 '<g:title>22 inch LED TV</g:title>\n<summary>Full HD screen</summary>\n'
                 '<g:brand>Lumio</g:brand>\n<g:price>129 EUR</g:price>\n</entry>\n'
                 '<entry>\n<g:id>TV-2</g:id>\n<title>32 inch LED TV</title>\n</entry>\n</feed>\n')
    layout, (first, second) = rows(path)
    assert (first.id, first.title, first.brand, first.price) == ("TV-1", "22 inch LED TV", "Lumio", "129 EUR")
    assert first.fields["description"].raw == "Full HD screen"
    assert (second.id, second.title, first.line, second.line) == ("TV-2", "32 inch LED TV", 4, 13)


def test_the_feed_and_the_tsv_are_found_from_their_content(tmp_path):
    assert READER.sniff(RSS_HEAD.encode(), tmp_path / "feed.txt")
    assert not READER.sniff(b'<?xml version="1.0"?><rss version="2.0"><channel>', tmp_path / "blog.xml")
    assert TSV_READER.sniff(b"id\ttitle\tdescription\tgoogle_product_category\tprice\n", tmp_path / "f.txt")
    assert TSV_READER.sniff(b"\xef\xbb\xbfid\ttitle\tavailability\n", tmp_path / "f.txt")
    assert not TSV_READER.sniff(b"id\ttitle\tprice\n", tmp_path / "f.txt")
    assert not TSV_READER.sniff(b"id,title,gtin\n", tmp_path / "f.csv")


def test_a_character_in_a_feed_description_fails_through_the_cli(tmp_path):
    path = write(tmp_path, RSS_HEAD + rss_item("T1", "Kids Cotton T-Shirt", "Soft cotton", "Unbranded")
                 + rss_item("T2", "Kids Cotton T-Shirt", "Soft cotton with a Mickey Mouse print", "Unbranded")
                 + RSS_TAIL, name="feed.txt")
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["input_format"] == "google-feed"
    assert [(x["id"], x["verdicts"]["ebay:US"]) for x in report["listings"]] == [("T1", "pass"), ("T2", "fail")]
    assert any(f["field"] == "description" and f["text"] == "Mickey Mouse" for f in report["listings"][1]["findings"])


def test_malformed_xml_stops_after_every_item_before_it_with_line_and_column(tmp_path):
    path = write(tmp_path, RSS_HEAD + rss_item("A1", "Mug") + rss_item("A2", "Cup & saucer")
                 + rss_item("A3", "Plate") + RSS_TAIL)
    _, (mug, broken) = rows(path)
    assert mug.id == "A1" and mug.error is None
    # The '&' of "Cup & saucer", on the third line of the second item (line 10).
    assert broken.error.startswith("line 12, column 15: the feed is not well-formed XML (invalid token)")
    assert "1 item(s) before it" in broken.error and broken.line == 12
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 1 and [x.get("error") is None for x in report["listings"]] == [True, False]


def test_a_feed_cut_short_is_an_error_after_its_complete_items(tmp_path):
    path = write(tmp_path, RSS_HEAD + rss_item("A1", "Mug") + "<item><g:id>A2</g:id><title>Cu")
    _, (mug, cut) = rows(path)
    assert mug.id == "A1" and "no element found" in cut.error


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
                  ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
                  ' <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\n]>\n'
                  '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>\n'
                  '<item><g:id>A1</g:id><title>&lol2;</title></item>\n</channel></rss>\n')
EXTERNAL_ENTITY = ('<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
                   '<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>\n'
                   '<item><g:id>A1</g:id><title>&xxe;</title></item>\n</channel></rss>\n')


@pytest.mark.parametrize("text, said", [(BILLION_LAUGHS, "the entity 'lol'"),
                                        (EXTERNAL_ENTITY, "the entity 'xxe' (reading file:///etc/passwd)")])
def test_entity_declarations_are_refused_before_any_item(tmp_path, text, said):
    path = write(tmp_path, text)
    with pytest.raises(InputError, match="no entities") as refused:
        read_catalog(path)
    assert said in str(refused.value) and "root:" not in str(refused.value)
    result = CliRunner().invoke(main, ["check", str(path), "-f", "json"])
    assert result.exit_code == 2 and "remove the <!DOCTYPE" in result.output and "Traceback" not in result.output


def test_a_doctype_past_the_first_bytes_is_refused_when_reached(tmp_path):
    # The declarations come after 70 KB of comment: the first look cannot see them, the reading does.
    text = ('<?xml version="1.0"?>\n<!-- ' + "x" * 70_000 + ' -->\n' + BILLION_LAUGHS.split("\n", 1)[1])
    path = write(tmp_path, text)
    with pytest.raises(InputError, match="the entity 'lol'"):
        list(read_catalog(path, options=ReadOptions(input_format="google-feed"))[1])


def test_every_item_is_reported_once_in_order(tmp_path):
    items = "".join(rss_item(f"SKU-{n}", f"Plain Mug {n}") for n in range(1, 1201))
    path = write(tmp_path, RSS_HEAD + items + RSS_TAIL)
    result = CliRunner().invoke(main, ["check", str(path), "-p", "ebay:US", "-f", "json"])
    assert result.exit_code == 0, result.output
    listings = json.loads(result.stdout)["listings"]
    assert [x["id"] for x in listings] == [f"SKU-{n}" for n in range(1, 1201)]
    _, read = rows(path)
    assert [(x.row, x.line) for x in read[:3]] == [(1, 6), (2, 10), (3, 14)] and read[-1].line == 6 + 4 * 1199


def test_the_merchant_center_tsv_reads_through_the_text_reader(tmp_path):
    path = tmp_path / "products.txt"
    path.write_text("id\ttitle\tdescription\tbrand\tgoogle_product_category\tproduct_type\tprice\tgtin\n"
                    "A1\tRed Ceramic Mug\tHolds 350 ml\tPotterly\t2169\tHome > Mugs\t9.99 USD\t0123456789012\n"
                    'A2\tBroken "quote\tx\n', "utf-8")
    layout, (mug, broken) = rows(path)
    assert layout.input_format == "google-tsv" and layout.delimiter == "\t"
    assert (mug.id, mug.title, mug.brand, mug.category, mug.price, mug.line) == (
        "A1", "Red Ceramic Mug", "Potterly", "Home > Mugs", "9.99 USD", 2)
    assert broken.line == 3
