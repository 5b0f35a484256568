"""JSON catalogs: JSON Lines and JSON arrays (bare or inside an object), streamed, every record
reported once in file order, short error messages that name the line and item."""
import json
import tracemalloc

import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.errors import InputError
from compliance.inputs import LAYOUTS, ReadOptions, json_records

TITLES = ["Crème brûlée torch, Größe XL", "Zonsan™ enamel mug", "不锈钢保温杯 500毫升", "Миска для собак"]


def records():
    return [{"sku": f"S{i}", "title": title, "brand": "Zonsan"} for i, title in enumerate(TITLES, start=1)]


def read(path, **options):
    layout, listings = read_catalog(path, options=ReadOptions(**options))
    return layout, list(listings)


def write_array(path, items, wrapper=None, encoding="utf-8"):
    """One item a line, after an opening line (and the wrapper's own line): item i is on line i + 1 (+1)."""
    body = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    text = f"[\n{body}\n]\n" if wrapper is None else f'{{"count": {len(items)},\n"{wrapper}": [\n{body}\n]}}\n'
    path.write_bytes(text.encode(encoding))
    return path


def write_lines(path, lines, encoding="utf-8"):
    path.write_bytes("".join(line + "\n" for line in lines).encode(encoding))
    return path


def test_a_json_array_reads_back_exactly_with_each_items_line(tmp_path):
    layout, listings = read(write_array(tmp_path / "catalog.json", records()))
    assert layout.input_format == "json" and layout.encoding == "utf-8"
    assert layout.header == ["sku", "title", "brand"]
    assert [(item.id, item.title, item.line, item.error) for item in listings] == [
        (f"S{i}", title, i + 1, None) for i, title in enumerate(TITLES, start=1)]


@pytest.mark.parametrize("wrapper", ["products", "items", "listings", "data"])
def test_an_object_holding_the_array_is_read_too(tmp_path, wrapper):
    layout, listings = read(write_array(tmp_path / "catalog.json", records(), wrapper=wrapper))
    assert layout.input_format == "json"
    assert [(item.title, item.line) for item in listings] == [(t, i + 2) for i, t in enumerate(TITLES, start=1)]


def test_the_listings_are_the_first_array_of_objects_not_an_earlier_list_of_words(tmp_path):
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"warnings": ["late feed"], "shop": {"ids": [1, 2]}, "offers": records()}),
                    encoding="utf-8")
    layout, listings = read(path)
    assert [item.title for item in listings] == TITLES and layout.header == ["sku", "title", "brand"]


def test_json_lines_read_back_exactly_and_blank_lines_are_no_records(tmp_path):
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    path = write_lines(tmp_path / "catalog.jsonl", lines[:2] + [""] + lines[2:])
    layout, listings = read(path)
    assert layout.input_format == "jsonl"
    assert [(item.title, item.line) for item in listings] == [(TITLES[0], 1), (TITLES[1], 2), (TITLES[2], 4),
                                                              (TITLES[3], 5)]


@pytest.mark.parametrize("encoding, reported", [("utf-8-sig", "utf-8"), ("utf-16", "utf-16-le")])
def test_json_saved_with_a_byte_order_mark_is_read(tmp_path, encoding, reported):
    layout, listings = read(write_array(tmp_path / "catalog.json", records(), encoding=encoding))
    assert layout.encoding == reported and [item.title for item in listings] == TITLES
    assert [item.line for item in listings] == [2, 3, 4, 5]
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    layout, listings = read(write_lines(tmp_path / "catalog.jsonl", lines, encoding=encoding))
    assert layout.input_format == "jsonl" and [item.title for item in listings] == TITLES


def test_nested_values_become_text_and_numbers_stay_as_written(tmp_path):
    item = {"sku": "S1", "title": "Mug", "price": 12.50, "stock": 3, "active": True, "brand": None,
            "tags": ["mug", "white", 7], "description": {"colour": "white", "size": {"h": 10}}}
    text = json.dumps(item).replace("12.5", "12.50")
    for path in (write_lines(tmp_path / "c.jsonl", [text]), tmp_path / "c.json"):
        if path.suffix == ".json":
            path.write_text(f"[{text}]", encoding="utf-8")
        layout, listings = read(path, mapping={"category": "stock", "search_terms": "active"})
        listing = listings[0]
        assert listing.price == "12.50" and listing.category == "3"
        assert listing.fields["search_terms"].raw == "true" and listing.brand == ""
        assert listing.fields["tags"].raw == "mug, white, 7"
        assert listing.fields["description"].raw == "colour: white; size: h: 10"


def test_bad_json_lines_are_error_rows_naming_the_line_without_printing_the_record(tmp_path):
    long_text = "a very long description " * 200
    lines = [json.dumps({"sku": "S1", "title": "Mug"}),
             '{"sku": "S2", "title": "Cup", "description": "' + long_text + '" "brand": "x"}',
             json.dumps(["S3", "Plate"]),
             '"just text"',
             json.dumps({"sku": "S5", "title": "Bowl"})]
    layout, listings = read(write_lines(tmp_path / "catalog.jsonl", lines))
    assert [item.id for item in listings] == ["S1", "row-2", "row-3", "row-4", "S5"]
    assert [item.error is None for item in listings] == [True, False, False, False, True]
    bad = listings[1].error
    assert bad.startswith("line 2: not valid JSON") and "one listing object" in bad
    assert len(bad) < 250 and long_text[:60] not in bad
    assert listings[2].error.startswith("line 3: a list '[\"S3\", \"Plate\"]', not a listing object")
    assert listings[3].error.startswith("line 4: text '\"just text\"', not a listing object")


def test_an_array_item_that_is_no_object_is_an_error_row_naming_item_and_line(tmp_path):
    items = [records()[0], "oops", 42, records()[1]]
    layout, listings = read(write_array(tmp_path / "catalog.json", items))
    assert [item.error is None for item in listings] == [True, False, False, True]
    assert listings[1].error == "item 2, line 3: text 'oops', not a listing object {...}"
    assert listings[2].error == "item 3, line 4: a number '42', not a listing object {...}"
    assert listings[3].title == TITLES[1] and listings[3].line == 5


def test_a_broken_array_ends_with_an_error_naming_where_and_every_earlier_record_is_reported(tmp_path):
    path = write_array(tmp_path / "catalog.json", records())
    text = path.read_text(encoding="utf-8").replace('"title": "不锈钢', '"title" "不锈钢')  # item 3, line 4
    path.write_text(text + "x" * 500, encoding="utf-8")
    layout, listings = read(path)
    assert [item.title for item in listings[:2]] == TITLES[:2] and len(listings) == 3
    error = listings[2].error
    assert error.startswith("line 4: the JSON breaks here, in or after item 3 (")
    assert "could not be read" in error and len(error) < 300 and "Миска" not in error


def test_a_json_file_cut_short_says_so(tmp_path):
    path = write_array(tmp_path / "catalog.json", records())
    path.write_bytes(path.read_bytes()[:-20])
    layout, listings = read(path)
    assert [item.title for item in listings[:3]] == TITLES[:3]
    assert "the file ends in the middle of it; it was probably cut short" in listings[-1].error


def test_broken_json_before_any_listing_is_an_input_error_naming_the_line(tmp_path):
    path = tmp_path / "catalog.json"
    path.write_text('{\n"shop": "x",\n"products" [\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3: not valid JSON \("):
        read(path)
    path.write_text('{"shop": "x", "count": 0}', encoding="utf-8")
    with pytest.raises(InputError, match="holds no list of listings"):
        read(path, input_format="json")


def test_the_header_is_the_keys_of_the_first_records_and_later_keys_are_said_to_be_left_out(tmp_path, monkeypatch):
    monkeypatch.setattr(json_records, "LOOK_AHEAD", 3)
    items = [{"sku": "S1", "title": "Mug"}, {"title": "Cup", "brand": "Zonsan"}, {"sku": "S3", "title": "Bowl"},
             {"sku": "S4", "title": "Plate", "colour": "blue"}]
    for path, where in ((write_array(tmp_path / "c.json", items), "item 4, line 5"),
                        (write_lines(tmp_path / "c.jsonl", [json.dumps(i) for i in items]), "line 4")):
        layout, listings = read_catalog(path)
        assert layout.header == ["sku", "title", "brand"] and layout.notes == []
        assert [item.title for item in listings] == ["Mug", "Cup", "Bowl", "Plate"]
        said = [note for note in layout.notes if note.startswith("keys first seen after the first 3 records")]
        assert len(said) == 1 and f"'colour', {where})" in said[0]


@pytest.mark.parametrize("text, layout", [
    ('[{"sku": "A"}]', "json"),
    ('  \n[\n  {"sku": "A"}\n]', "json"),
    ('{\n  "products": [\n    {"sku": "A"}\n  ]\n}', "json"),
    ('{"products": [{"sku": "A", "title": "Mug"}]}', "json"),
    ('{"sku": "A", "title": "Mug"}\n{"sku": "B", "title": "Cup"}\n', "jsonl"),
    ('{"sku": "A", "title": "Mug"}', "jsonl"),
    ('{"sku": "A", "title": "Mug", "variants": [{"size": "S"}]}\n{"sku": "B"}', "jsonl"),
    ("[SKU],[Title]\nA,Mug\n", "csv"),
    ("sku,title\nA,{Mug}\n", "csv"),
])
def test_the_layout_is_found_from_the_first_bytes(tmp_path, text, layout):
    head = text.encode("utf-8")
    found = next(reader for reader in LAYOUTS if reader.sniff(head, tmp_path / "catalog.txt"))
    assert found.name == layout
    bom = b"\xef\xbb\xbf" + head
    assert next(reader for reader in LAYOUTS if reader.sniff(bom, tmp_path / "catalog.txt")).name == layout


def test_a_json_lines_record_longer_than_the_bytes_looked_at_is_still_json_lines(tmp_path):
    first = json.dumps({"sku": "A", "title": "Mug", "description": "x" * 100_000})
    path = write_lines(tmp_path / "catalog.txt", [first, json.dumps({"sku": "B", "title": "Cup"})])
    layout, listings = read(path)
    assert layout.input_format == "jsonl" and [item.title for item in listings] == ["Mug", "Cup"]


def test_the_cli_reads_json_and_the_layout_can_be_named(tmp_path):
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    path = write_lines(tmp_path / "catalog.txt", lines)
    for named in ([], ["--input-format", "jsonl"]):
        result = CliRunner().invoke(main, ["check", str(path), "--no-default-blocklists", "-f", "json", *named])
        assert result.exit_code in (0, 1), result.output
        report = json.loads(result.stdout)
        assert report["input_format"] == "jsonl" and report["encoding"] == "utf-8"
        assert [item["id"] for item in report["listings"]] == ["S1", "S2", "S3", "S4"]
        assert f"read {path} as jsonl (utf-8)" in result.stderr
    # JSON Lines named as a JSON document: one line holds no list of listings, the next one breaks it
    result = CliRunner().invoke(main, ["check", str(path), "--no-default-blocklists", "--input-format", "json"])
    assert result.exit_code == 2 and "not valid JSON (trailing garbage" in result.output
    assert len(result.output) < 400


def test_a_json_array_of_100000_listings_is_streamed_not_loaded(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("[\n")
        for i in range(100_000):
            handle.write(("," if i else "") + json.dumps(
                {"sku": f"S{i}", "title": f"Enamel mug number {i}", "brand": "Zonsan",
                 "description": "A plain white enamel mug, 350 ml, for camping and the kitchen. " * 3,
                 "tags": ["mug", "enamel", "camping"]}) + "\n")
        handle.write("]\n")
    size = path.stat().st_size
    assert size > 30_000_000
    tracemalloc.start()
    try:
        layout, listings = read_catalog(path)
        count = last_line = 0
        for listing in listings:
            count += 1
            last_line = listing.line
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 100_000 and last_line == 100_001
    assert peak < size / 10  # the 1,000 records read ahead for the header, not the file
