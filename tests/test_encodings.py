"""Catalogs in the encoding the seller's office saves: found from the first bytes, or named with
--encoding; the delimiter sniffed from the header and the data rows, or named with --delimiter."""
import csv
import json

import pytest
from click.testing import CliRunner

from cli import main
from compliance.catalog import read_catalog
from compliance.errors import UsageError
from compliance.inputs import ReadOptions, csv_text
from compliance.inputs.encoding import SAMPLE_BYTES

ACCENTS = ["Crème brûlée torch, Größe XL", "Café à la carte mug", "Señor piñata — niño"]
TRADEMARK = ["Zonsan™ enamel mug", "Kettle “Deluxe” 1,5 l"]
CHINESE = ["不锈钢保温杯 500毫升", "儿童书包 大容量 防水"]
CYRILLIC = ["Миска для собак нержавеющая сталь", "Рюкзак школьный детский, синий"]
JAPANESE = ["ステンレス 水筒 500ml 保温", "子供用 リュック 大容量"]

# What each encoding can hold of the same catalog, as office software saves it.
TITLES = {
    "utf-8": ACCENTS + TRADEMARK + CHINESE + CYRILLIC + JAPANESE,
    "utf-8-sig": ACCENTS + TRADEMARK + CHINESE + CYRILLIC + JAPANESE,
    "utf-16": ACCENTS + TRADEMARK + CHINESE + CYRILLIC + JAPANESE,
    "utf-16-be": ACCENTS + TRADEMARK + CHINESE + CYRILLIC + JAPANESE,
    "cp1252": ACCENTS + TRADEMARK,
    "gbk": CHINESE + ["Миска для собак", "Plain mug"],
    "gb18030": CHINESE + ACCENTS + TRADEMARK,
    "shift_jis": JAPANESE + ["Миска для собак", "Plain mug"],
    "cp1251": CYRILLIC + ["Zonsan™ mug"],
    "koi8-r": CYRILLIC,
}
REPORTED = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le", "gbk": "gb18030", "shift_jis": "cp932", "koi8-r": "koi8-r"}


def write_catalog(path, titles, encoding, delimiter=","):
    rows = [["sku", "title", "brand"]] + [[f"S{i}", title, "Zonsan"] for i, title in enumerate(titles, start=1)]
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    if encoding == "utf-16-be":  # as written with its byte order mark
        path.write_bytes(b"\xfe\xff" + path.read_bytes())
    return path


def read(path, **options):
    layout, listings = read_catalog(path, options=ReadOptions(**options))
    return layout, list(listings)


@pytest.mark.parametrize("encoding", list(TITLES))
def test_a_catalog_reads_back_exactly_in_the_encoding_it_was_saved_in(tmp_path, encoding):
    titles = TITLES[encoding]
    delimiter = "\t" if encoding.startswith("utf-16") else ","  # Excel's "Unicode text" is tab-separated
    path = write_catalog(tmp_path / "catalog.csv", titles, encoding, delimiter)
    layout, listings = read(path)
    assert [item.error for item in listings] == [None] * len(titles)
    assert [item.title for item in listings] == titles
    assert layout.encoding == REPORTED.get(encoding, encoding)
    assert layout.delimiter == delimiter
    assert [item.line for item in listings] == list(range(2, len(titles) + 2))


def test_the_run_reports_the_encoding_on_stderr_and_in_the_json_report(tmp_path):
    path = write_catalog(tmp_path / "catalog.csv", ACCENTS + TRADEMARK, "cp1252")
    result = CliRunner().invoke(main, ["check", str(path), "--no-default-blocklists", "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["encoding"] == "cp1252"
    assert f"read {path} as csv (cp1252)" in result.stderr
    assert [item["id"] for item in report["listings"]] == ["S1", "S2", "S3", "S4", "S5"]
    assert not any("error" in item for item in report["listings"])


def test_utf16_line_numbers_count_lines_not_bytes_across_a_multi_line_field(tmp_path):
    path = tmp_path / "unicode.txt"
    text = "sku\ttitle\tdescription\r\nS1\tMug™\t\"white\r\nceramic\"\r\nS2\tКружка\tплоская\r\n"
    path.write_bytes(text.encode("utf-16"))
    layout, listings = read(path)
    assert layout.encoding.startswith("utf-16") and layout.delimiter == "\t"
    assert [(item.title, item.line) for item in listings] == [("Mug™", 2), ("Кружка", 4)]


def test_valid_utf8_is_preferred_and_a_later_row_from_another_code_page_is_an_error_row(tmp_path):
    # The first 64 KB are UTF-8; a row pasted from a Windows-1252 file further down cannot be read as UTF-8.
    filler = "".join(f"F{i},Plain mug number {i},Zonsan\n" for i in range(SAMPLE_BYTES // 25))
    raw = ("sku,title,brand\n" + filler).encode("utf-8") + "B,Crème mug,Zonsan\nC,Café ok,Zonsan\n".encode("cp1252")
    path = tmp_path / "catalog.csv"
    path.write_bytes(raw)
    layout, listings = read(path)
    assert layout.encoding == "utf-8"
    bad = listings[-2]
    line = filler.count("\n") + 2
    assert bad.line == line and bad.error is not None
    assert f"line {line}, column 2 (title)" in bad.error and "not utf-8" in bad.error and "--encoding" in bad.error
    assert "re-save the catalog as UTF-8" in bad.error
    assert listings[-1].error is not None and all(item.error is None for item in listings[:-2])


def test_the_sample_for_detection_is_bounded(tmp_path, monkeypatch):
    import charset_normalizer

    seen = []
    original = charset_normalizer.from_bytes
    monkeypatch.setattr(charset_normalizer, "from_bytes",
                        lambda sample, **kw: seen.append(len(sample)) or original(sample, **kw))
    path = write_catalog(tmp_path / "big.csv", ACCENTS * 20_000, "cp1252")
    assert path.stat().st_size > 10 * SAMPLE_BYTES
    layout, _ = read(path)
    assert layout.encoding == "cp1252" and len(seen) == 1 and seen[0] <= SAMPLE_BYTES


def test_a_byte_undefined_in_the_detected_code_page_is_an_error_row_naming_it(tmp_path):
    # Windows-1252 in the first 64 KB; further down a row holds 0x81, which Windows-1252 leaves undefined.
    filler = "".join(f"F{i},Crème brûlée n°{i},Zonsan\n" for i in range(SAMPLE_BYTES // 25))
    raw = ("sku,title,brand\n" + filler + "B,Café \x81 mug,Zonsan\nC,Größe XL,Zonsan\n").encode("latin-1")
    path = tmp_path / "catalog.csv"
    path.write_bytes(raw)
    layout, listings = read(path)
    assert layout.encoding == "cp1252"
    line = filler.count("\n") + 2
    assert listings[-2].line == line
    assert f"line {line}, column 2 (title): bytes that are not cp1252 at character 6" in listings[-2].error
    assert listings[-1].error is None and listings[-1].title == "Größe XL"
    assert listings[0].title == "Crème brûlée n°0"


@pytest.mark.parametrize("name, reported", [("cp1251", "cp1251"), ("KOI8-R", "koi8-r"), ("latin-1", "iso8859-1")])
def test_encoding_option_overrides_detection(tmp_path, name, reported):
    path = write_catalog(tmp_path / "catalog.csv", ["Миска"], "koi8-r")
    layout, listings = read(path, encoding=name)
    assert layout.encoding == reported
    assert listings[0].title == "Миска".encode("koi8-r").decode(reported)


def test_an_unknown_encoding_is_a_usage_error_naming_the_option(tmp_path):
    path = write_catalog(tmp_path / "catalog.csv", ["Mug"], "utf-8")
    for name in ("klingon", "base64"):
        with pytest.raises(UsageError, match=f"--encoding {name}: unknown encoding"):
            read(path, encoding=name)
    result = CliRunner().invoke(main, ["check", str(path), "--no-default-blocklists", "--encoding", "klingon"])
    assert result.exit_code == 2 and "--encoding klingon: unknown encoding" in result.output


def test_a_header_that_cannot_be_decoded_is_an_input_error_saying_what_to_do(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_bytes("sku,título\nA,Mug\n".encode("cp1252"))
    result = CliRunner().invoke(main, ["check", str(path), "--no-default-blocklists", "--encoding", "utf-8"])
    assert result.exit_code == 2
    assert "line 1, column 6: the header holds bytes that are not utf-8" in result.output
    assert "--encoding" in result.output


def test_a_semicolon_catalog_with_commas_in_its_header_and_prices_is_read_as_semicolon(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("sku;title;brand;price (EUR, incl. VAT)\nA1;Crème mug;Zonsan;12,50\nA2;Teller;Zonsan;3,99\n",
                    encoding="utf-8")
    layout, listings = read(path)
    assert layout.delimiter == ";" and [item.title for item in listings] == ["Crème mug", "Teller"]


def test_the_data_rows_decide_when_the_header_alone_would_mislead(tmp_path):
    # The header has more commas than semicolons; every data row has one semicolon and no comma.
    path = tmp_path / "catalog.csv"
    path.write_text("sku;title (size, colour, material)\nA1;Mug\nA2;Plate\nA3;Bowl\n", encoding="utf-8")
    assert csv_text.sniff_delimiter("sku;title (size, colour, material)\n") == ","
    layout, listings = read(path, mapping={"title": "title (size, colour, material)"})
    assert layout.delimiter == ";" and [item.title for item in listings] == ["Mug", "Plate", "Bowl"]


@pytest.mark.parametrize("given, delimiter", [(";", ";"), ("semicolon", ";"), ("tab", "\t"), ("\t", "\t"),
                                              ("\\t", "\t"), ("|", "|"), ("pipe", "|"), ("comma", ",")])
def test_delimiter_option_overrides_sniffing(tmp_path, given, delimiter):
    path = write_catalog(tmp_path / "catalog.csv", ["Mug"], "utf-8", delimiter)
    layout, listings = read(path, delimiter=given)
    assert layout.delimiter == delimiter and listings[0].title == "Mug"


def test_delimiter_option_wins_over_what_the_rows_suggest(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("sku,title;note\nA1,Mug;white\n", encoding="utf-8")
    layout, listings = read(path, delimiter="comma", mapping={"title": "title;note"})
    assert layout.header == ["sku", "title;note"] and listings[0].title == "Mug;white"
    layout, listings = read(path, delimiter=";", mapping={"title": "note"})
    assert layout.header == ["sku,title", "note"] and listings[0].title == "white"


def test_an_unknown_delimiter_is_a_usage_error_naming_the_option(tmp_path):
    path = write_catalog(tmp_path / "catalog.csv", ["Mug"], "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--no-default-blocklists", "--delimiter", "colon"])
    assert result.exit_code == 2 and "--delimiter 'colon'" in result.output
