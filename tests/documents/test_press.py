"""The news item (tin bài) and the press release (thông cáo báo chí): wording, messy data, photos, outputs."""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import html5lib
import pikepdf
import pytest
from click.testing import CliRunner
from PIL import Image as PilImage

from umt_reports import InputError, load_meeting
from umt_reports.build import build
from umt_reports.cli import main
from umt_reports.documents.document import Image, Para
from umt_reports.documents.press import build_press, build_press_release, timestamp
from umt_reports.render import RenderOptions, render
from umt_reports.vn import format_number

NS = "{http://www.w3.org/1999/xhtml}"
EVIL = "<script>alert(1)</script>"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: What the sample's article must say (the acceptance list of the press issue).
SAMPLE_FACTS = (
    "21/6/2022",
    "đồng chí Nguyễn Quốc Khởi - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện",
    "đồng chí Phạm Văn Út - Ủy viên Ban Thường vụ Huyện ủy, Trưởng Ban Dân vận Huyện ủy",
    "19,4%",
    "93,32%",
    "47 đơn",
    "18 mô hình",
    "37 mô hình",
    "5 tập thể",
    "10 cá nhân",
    "Diễm My",
)
CAPTION = "Quang cảnh hội nghị (ảnh minh họa)"


def paras(document) -> list[Para]:
    return [b for b in document.walk() if isinstance(b, Para)]


def body_texts(document) -> list[str]:
    return [p.text for p in paras(document) if p.role in ("press.lead", "body")]


@pytest.fixture
def press_of(write_yaml, sample_data) -> Callable[..., Any]:
    """The news item of the sample changed by ``change(data)`` (written beside the sample photo)."""

    def make(change: Callable[[dict], None] | None = None, builder=build_press):
        data = json.loads(json.dumps(sample_data, default=str))
        if change:
            change(data)
        path = write_yaml(data)
        meeting = load_meeting(path)
        if builder is build_press:
            return build_press(meeting, source_dir=path.parent)
        return builder(meeting)

    return make


# -- the sample's article -------------------------------------------------------------------


class TestTheSampleArticle:
    def test_it_tells_every_fact_of_the_acceptance_list(self, sample_yaml) -> None:
        text = build_press(load_meeting(sample_yaml), source_dir=sample_yaml.parent).text()
        for fact in SAMPLE_FACTS:
            assert fact in text, fact

    def test_it_is_laid_out_as_the_portal_shows_it(self, sample_yaml) -> None:
        document = build_press(load_meeting(sample_yaml), source_dir=sample_yaml.parent)
        roles = [(b.role if isinstance(b, Para) else "image") for b in document.blocks]
        assert roles[:5] == ["press.kicker", "press.kicker", "press.headline", "press.timestamp", "press.lead"]
        assert roles[5] == "image" and roles[-1] == "press.byline"
        assert document.blocks[3].text == "(13:37 | 22/6/2022)"  # -- the story's date style --
        assert document.blocks[-1].text == "Diễm My"
        assert document.preset.style("press.byline").align == "right"
        assert document.meta.type_name == "Tin bài" and document.meta.signer_name == "Diễm My"

    def test_it_leads_with_when_where_and_what_without_naming_an_organiser(self, sample_yaml) -> None:
        meeting = load_meeting(sample_yaml)
        lead = build_press(meeting, source_dir=sample_yaml.parent).blocks[4].text
        assert lead.startswith("Ngày 21/6/2022, tại huyện U Minh Thượng đã diễn ra ")
        assert lead.endswith(meeting.info.title + ".")

    def test_it_shows_the_photo_with_its_italic_caption_at_the_text_width(self, sample_yaml) -> None:
        document = build_press(load_meeting(sample_yaml), source_dir=sample_yaml.parent)
        (image,) = [b for b in document.blocks if isinstance(b, Image)]
        assert image.caption.text == CAPTION and image.alt == CAPTION and image.width == 1.0
        assert document.preset.style("caption").italic
        assert image.data.startswith(b"\xff\xd8\xff") and (image.width_px, image.height_px) == (1200, 800)

    def test_it_says_the_statistics_in_running_text_with_their_notes(self, sample_yaml) -> None:
        texts = body_texts(build_press(load_meeting(sample_yaml), source_dir=sample_yaml.parent))
        (results,) = [t for t in texts if "19,4%/năm" in t]
        assert "đơn thuộc thẩm quyền đã giải quyết 47 đơn (đạt 100%)" in results
        assert results.count(";") == 4 and results.endswith(".")


# -- wording that follows the data ----------------------------------------------------------------


def _no_chairs(d):
    d["chairs"] = []


def _one_chair(d):
    d["chairs"] = d["chairs"][:1]


def _chair_without_positions(d):
    d["chairs"] = [{"name": "Lê Văn Tám"}]


def _no_attendees(d):
    d["attendees"] = []


def _named_attendee(d):
    d["attendees"] = [{"name": "Trần Thị Hoa", "position": "Phó Chủ tịch", "unit": "UBND xã An Minh Bắc"}]


def _no_statistics(d):
    d["statistics"] = []


def _one_text_statistic(d):
    d["statistics"] = [{"label": "Chỉ tiêu nghị quyết đạt và vượt", "value": "22/27 chỉ tiêu"}]


def _no_awards(d):
    d["awards"] = []


def _counts_only(d):
    d["awards"] = [{"form": "Giấy khen", "collectives": 3}]


def _named_awardees(d):
    d["awards"] = [
        {
            "form": "Giấy khen",
            "decided_by": "Chủ tịch UBND huyện",
            "collectives": [{"name": "Hội Nông dân xã Thạnh Yên"}],
            "individuals": [{"name": "Nguyễn Văn An"}, {"name": "Lê Thị Bình"}],
        }
    ]


def _several_forms(d):
    d["awards"] = [
        {"form": "Giấy khen", "collectives": 2, "individuals": 4},
        {"form": "Bằng khen", "decided_by": "Chủ tịch UBND tỉnh", "individuals": 1},
    ]


def _no_date(d):
    d["meeting"].pop("date")


def _no_year(d):
    d["meeting"]["date"] = "21/6"


def _month_only(d):
    d["meeting"]["date"] = "6/2022"


def _no_place(d):
    d["meeting"].pop("place")


def _no_press(d):
    d.pop("press")


def _bare(d):
    for key in ("chairs", "attendees", "statistics", "sections", "awards", "press"):
        d.pop(key)
    d["meeting"] = {"title": d["meeting"]["title"]}


def _photo_with_credit(d):
    d["press"]["photos"] = [{"file": "photos/quang-canh.jpg", "credit": "Diễm My"}]


VARIANTS = {
    "no chairs": _no_chairs,
    "one chair": _one_chair,
    "chair without positions": _chair_without_positions,
    "no attendees": _no_attendees,
    "named attendee": _named_attendee,
    "no statistics": _no_statistics,
    "text statistic": _one_text_statistic,
    "no awards": _no_awards,
    "counts only": _counts_only,
    "named awardees": _named_awardees,
    "several forms": _several_forms,
    "no date": _no_date,
    "no year": _no_year,
    "month only": _month_only,
    "no place": _no_place,
    "no press": _no_press,
    "bare meeting": _bare,
    "photo with credit only": _photo_with_credit,
}


def allowed_numbers(data: Any) -> set[str]:
    """Every number the data holds, as written and as the documents format it."""
    found: set[str] = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= allowed_numbers(value)
    elif isinstance(data, list):
        for value in data:
            found |= allowed_numbers(value)
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        found |= {str(data), format_number(Decimal(str(data)))}
    elif data is not None:
        for token in NUMBER.findall(str(data)):
            found |= {token, token.lstrip("0") or "0"}
    return found


@pytest.mark.parametrize("change", VARIANTS.values(), ids=VARIANTS.keys())
@pytest.mark.parametrize("builder", [build_press, build_press_release], ids=["press", "release"])
def test_no_empty_sentence_none_or_invented_fact(press_of, sample_data, change, builder) -> None:
    document = press_of(change, builder)
    data = json.loads(json.dumps(sample_data, default=str))
    change(data)
    for para in paras(document):
        text = para.text
        assert "None" not in text and "{" not in text
        if para.role.startswith("header") or para.role in ("number", "date_line"):
            continue  # -- the number and date slots are blank for the clerk on purpose --
        assert text == text.strip() and "  " not in text, text
        assert not re.search(r"\s[,.;:]|[,;:]\.|,,|\(\)|: \.", text), text
        assert not re.search(r"\b(có|cho|gồm|tại|Ngày|Trong)\s*[.,;]", text), text
    # -- counts of named awardees are facts of the data too; the ND30 date line pads day and month --
    allowed = allowed_numbers(data) | {
        str(len(group))
        for award in data.get("awards", [])
        for group in (award.get("collectives"), award.get("individuals"))
        if isinstance(group, list)
    }
    allowed |= {"0" + n for n in allowed}
    numbers = set(NUMBER.findall(document.text()))
    assert numbers <= allowed, numbers - allowed


def test_one_chair_chairs_and_several_co_chair(press_of) -> None:
    one = body_texts(press_of(_one_chair))
    assert "Đồng chí Nguyễn Quốc Khởi - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì hội nghị." in one[1]
    several = body_texts(press_of())
    assert several[1].startswith("Đồng chủ trì hội nghị có đồng chí Nguyễn Quốc Khởi - ")
    assert "; đồng chí Phạm Văn Út - " in several[1]
    bare = body_texts(press_of(_chair_without_positions))
    assert "Đồng chí Lê Văn Tám chủ trì hội nghị." in bare[1]


def test_without_chairs_the_attendees_stand_alone_and_nothing_is_said_of_chairs(press_of) -> None:
    texts = body_texts(press_of(_no_chairs))
    assert texts[1].startswith("Về dự hội nghị có đại diện lãnh đạo")
    assert not any("chủ trì" in t for t in texts)


def test_a_date_without_a_year_says_only_day_and_month(press_of) -> None:
    def change(d):
        _no_year(d)
        d["press"].pop("published")
        d["report"].pop("date")

    document = press_of(change)
    lead = body_texts(document)[0]
    assert lead.startswith("Ngày 21/6, tại huyện U Minh Thượng đã diễn ra ")
    assert "21/6/" not in document.text() and "2022" not in document.text().replace("2016-2021", "")
    assert document.meta.date is None


def test_a_month_only_date_is_written_as_a_month(press_of) -> None:
    assert body_texts(press_of(_month_only))[0].startswith("Trong tháng 6/2022, tại huyện U Minh Thượng đã diễn ra ")


def test_without_date_and_place_the_lead_still_says_what(press_of) -> None:
    lead = body_texts(press_of(_bare))[0]
    assert re.fullmatch(r"Hội nghị .+ đã được tổ chức\.", lead)


def test_a_text_statistic_is_given_as_written(press_of) -> None:
    texts = body_texts(press_of(_one_text_statistic))
    assert "Theo báo cáo trình bày tại hội nghị, chỉ tiêu nghị quyết đạt và vượt 22/27 chỉ tiêu." in texts


def test_awards_say_counts_forms_and_names_when_known(press_of) -> None:
    counts = press_of(_counts_only).text()
    assert "Dịp này, Giấy khen được trao cho 3 tập thể." in counts
    named = press_of(_named_awardees).text()
    assert "Chủ tịch UBND huyện đã tặng Giấy khen cho 1 tập thể và 2 cá nhân" in named
    assert "Tập thể được khen thưởng: Hội Nông dân xã Thạnh Yên." in named
    assert "Cá nhân được khen thưởng gồm các đồng chí: Nguyễn Văn An; Lê Thị Bình." in named
    several = press_of(_several_forms).text()
    assert "Dịp này, Giấy khen được trao cho 2 tập thể và 4 cá nhân." in several
    assert "Cũng tại hội nghị, Chủ tịch UBND tỉnh đã tặng Bằng khen cho 1 cá nhân." in several


def test_without_press_data_there_is_no_kicker_stamp_or_byline(press_of) -> None:
    roles = {b.role for b in press_of(_no_press).blocks if isinstance(b, Para)}
    assert roles == {"press.headline", "press.lead", "body"}


def test_the_timestamp_says_only_what_is_known(press_of) -> None:
    from umt_reports.model import PartialDate

    assert timestamp(None) is None
    assert timestamp(PartialDate(day=21, month=6)) == "(21/6)"
    assert timestamp(PartialDate(day=5, month=2, year=2022)) == "(5/2/2022)"


def test_a_photo_credit_joins_the_caption(press_of) -> None:
    (image,) = [b for b in press_of(_photo_with_credit).blocks if isinstance(b, Image)]
    assert image.caption.text == "Ảnh: Diễm My"


# -- photos ---------------------------------------------------------------------------------


def _photo(tmp_path: Path, name: str, image: PilImage.Image, **save: Any) -> None:
    (tmp_path / "photos").mkdir(exist_ok=True)
    image.save(tmp_path / "photos" / name, **save)


def test_photos_are_turned_upright_and_flattened_to_rgb_jpeg(write_yaml, sample_data, tmp_path) -> None:
    exif = PilImage.Exif()
    exif[0x0112] = 6  # -- stored sideways: turn 90° clockwise to show --
    _photo(tmp_path, "sideways.jpg", PilImage.new("RGB", (300, 100), "red"), exif=exif)
    _photo(tmp_path, "alpha.png", PilImage.new("RGBA", (40, 20), (0, 0, 255, 128)))
    sample_data["press"]["photos"] = [
        {"file": "photos/sideways.jpg", "caption": "Nghiêng"},
        {"file": "photos/alpha.png", "caption": "Trong suốt"},
    ]
    path = write_yaml(sample_data)
    images = [b for b in build_press(load_meeting(path), source_dir=path.parent).blocks if isinstance(b, Image)]
    assert [(i.width_px, i.height_px) for i in images] == [(100, 300), (40, 20)]
    for image in images:
        with PilImage.open(io.BytesIO(image.data)) as decoded:
            assert decoded.format == "JPEG" and decoded.mode == "RGB"


@pytest.mark.parametrize("content, code", [(None, "photo.missing"), (b"not a picture", "photo.unreadable")])
def test_a_missing_or_unreadable_photo_is_a_located_validation_error(
    write_yaml, sample_data, tmp_path, content, code
) -> None:
    if content is not None:
        (tmp_path / "photos" / "hong.jpg").parent.mkdir(exist_ok=True)
        (tmp_path / "photos" / "hong.jpg").write_bytes(content)
    sample_data["press"]["photos"] = [{"file": "photos/hong.jpg", "caption": "Hỏng"}]
    with pytest.raises(InputError) as caught:
        load_meeting(write_yaml(sample_data))
    (problem,) = caught.value.problems
    assert problem.code == code and re.fullmatch(r"meeting\.yaml:\d+", str(problem.location))


def test_a_photo_gone_after_validation_is_still_an_input_error(write_yaml, sample_data, tmp_path) -> None:
    meeting = load_meeting(write_yaml(sample_data))
    with pytest.raises(InputError) as caught:
        build_press(meeting, source_dir=tmp_path / "elsewhere")
    assert caught.value.problems[0].code == "photo.missing"


# -- the press release ------------------------------------------------------------------------


def test_the_release_is_a_thong_cao_in_the_report_layout(sample_yaml, sample_party_yaml) -> None:
    state = build_press_release(load_meeting(sample_yaml))
    texts = [p.text for p in paras(state)]
    assert state.meta.type_code == "TC" and state.meta.kind == "press-release"
    assert "THÔNG CÁO BÁO CHÍ" in texts and "Số:      /TC-UBND" in texts
    assert "U Minh Thượng, ngày 22 tháng 6 năm 2022" in texts
    assert "TM. ỦY BAN NHÂN DÂN" in texts and texts[-1] == "Nguyễn Quốc Khởi"
    assert any(t.endswith("./.") for t in texts)
    for fact in SAMPLE_FACTS[:-1]:
        assert fact in state.text(), fact
    party = build_press_release(load_meeting(sample_party_yaml))
    assert "Số      -TC/BDVHU" in [p.text for p in paras(party)]


# -- the outputs ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    sample = Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022" / "meeting.yaml"
    out = tmp_path_factory.mktemp("press")
    result = build(sample, out, kinds=["press"], formats=["html", "html-fragment", "docx", "pdf"])
    return {f.format: f.path for f in result.files} | {"dir": out}


def parse_strict(text: str, fragment: bool = False):
    parser = html5lib.HTMLParser(strict=True)
    return parser.parseFragment(text, container="div") if fragment else parser.parse(text)


def all_text(root) -> str:
    return " ".join(t for t in root.itertext())


class TestTheOutputs:
    def test_it_writes_a_valid_vietnamese_page_with_the_photo_embedded(self, built) -> None:
        page = built["html"].read_text(encoding="utf-8")
        root = parse_strict(page)
        assert root.get("lang") == "vi"
        text = all_text(root)
        for fact in SAMPLE_FACTS:
            assert fact in text, fact
        (img,) = root.iter(f"{NS}img")
        assert img.get("src").startswith("data:image/jpeg;base64,") and img.get("alt") == CAPTION
        assert [c.text for c in root.iter(f"{NS}figcaption")] == [CAPTION]
        assert not re.search(r"(src|href)=\"(?!data:)", page) and "<link" not in page and "<script" not in page

    def test_it_writes_a_fragment_whose_photo_sits_beside_it_under_its_stem(self, built) -> None:
        fragment = built["html-fragment"]
        assert fragment.name == "2022-06-22_tin-bai.fragment.html"
        root = parse_strict(fragment.read_text(encoding="utf-8"), fragment=True)
        (img,) = root.iter(f"{NS}img")
        assert img.get("src") == "2022-06-22_tin-bai_anh-1.jpg"
        assert (built["dir"] / img.get("src")).read_bytes().startswith(b"\xff\xd8\xff")
        assert not (built["dir"] / "anh-1.jpg").exists()
        (div,) = [e for e in root if e.tag == f"{NS}div"]
        assert div.get("lang") == "vi"
        for fact in SAMPLE_FACTS:
            assert fact in all_text(root), fact

    def test_it_places_the_photo_and_its_italic_caption_in_the_docx(self, built) -> None:
        document = docx.Document(str(built["docx"]))
        (shape,) = document.inline_shapes
        section = document.sections[0]
        text_width = section.page_width - section.left_margin - section.right_margin
        assert abs(shape.width - text_width) < 20000  # EMU: under 0.6 mm
        (caption,) = [p for p in document.paragraphs if p.text == CAPTION]
        assert caption.style.font.italic
        byline = document.paragraphs[-1]
        assert byline.text == "Diễm My" and byline.style.paragraph_format.alignment == 2  # right

    def test_it_places_the_photo_in_a_pdf_that_stays_pdfa(self, built) -> None:
        manifest = json.loads((built["dir"] / "manifest.json").read_text(encoding="utf-8"))
        (entry,) = [e for e in manifest["files"] if e["format"] == "pdf"]
        assert entry["pdfa"] == "2B"
        with pikepdf.open(built["pdf"]) as pdf:
            images = [img for page in pdf.pages for img in page.get_images().values()]
            assert len(images) == 1 and images[0].ColorSpace == "/DeviceRGB"
            assert pdf.open_metadata().pdfa_status == "2B"

    def test_it_records_where_the_data_file_is(self, built) -> None:
        manifest = json.loads((built["dir"] / "manifest.json").read_text(encoding="utf-8"))
        source = manifest["files"][0]["source"]
        assert source["file"] == "meeting.yaml"
        assert (
            (built["dir"] / source["path"])
            .resolve()
            .samefile(Path(__file__).resolve().parents[2] / "samples" / "u-minh-thuong-2022" / "meeting.yaml")
        )


@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_a_hostile_chair_name_comes_out_escaped(write_yaml, sample_data, fragment) -> None:
    sample_data["chairs"][0]["name"] = EVIL
    path = write_yaml(sample_data)
    document = build_press(load_meeting(path), source_dir=path.parent)
    html = render(document, "html", RenderOptions(html_fragment=fragment)).data.decode("utf-8")
    assert EVIL not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    root = parse_strict(html, fragment=fragment)
    assert not list(root.iter(f"{NS}script"))
    assert f"Đồng chủ trì hội nghị có đồng chí {EVIL} - " in all_text(root)


def test_build_html_fragment_option_adds_the_fragment_beside_the_page(sample_yaml, tmp_path) -> None:
    result = CliRunner().invoke(
        main,
        ["build", str(sample_yaml), "--out", str(tmp_path), "--kind", "press", "--format", "html", "--html-fragment"],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "2022-06-22_tin-bai.fragment.html",
        "2022-06-22_tin-bai.html",
        "2022-06-22_tin-bai_anh-1.jpg",
        "manifest.json",
    ]


# -- faithful, natural wording (issue 11 items 5 and 7) ---------------------------------------


def _people(count: int) -> list[dict[str, str]]:
    given = [
        "An",
        "Bình",
        "Cúc",
        "Dũng",
        "Giang",
        "Hà",
        "Khoa",
        "Lan",
        "Minh",
        "Nga",
        "Oanh",
        "Phúc",
        "Quý",
        "Sơn",
        "Tâm",
        "Uyên",
        "Vinh",
        "Yến",
    ]
    return [
        {"name": f"Trần Văn {given[i]}", "position": f"Trưởng ấp {i + 1}", "unit": f"xã Thạnh Yên {i + 1}"}
        for i in range(count)
    ]


def _individuals(count: int) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        d["awards"] = [
            {
                "form": "Giấy khen",
                "decided_by": "Chủ tịch UBND huyện",
                "amount": 500000,
                "individuals": list(reversed(_people(count))),
            }
        ]

    return change


def _statistics(count: int) -> Callable[[dict], None]:
    def change(d: dict) -> None:
        d["statistics"] = [{"label": f"Chỉ tiêu số {i + 1}", "value": i + 1, "unit": "mô hình"} for i in range(count)]

    return change


def test_each_named_awardee_comes_with_position_and_unit_in_list_order(press_of) -> None:
    text = press_of(_individuals(3)).text()
    assert (
        "Cá nhân được khen thưởng gồm các đồng chí: Trần Văn An - Trưởng ấp 1, xã Thạnh Yên 1; "
        "Trần Văn Bình - Trưởng ấp 2, xã Thạnh Yên 2; Trần Văn Cúc - Trưởng ấp 3, xã Thạnh Yên 3."
    ) in text
    one = press_of(_individuals(1)).text()
    assert "Cá nhân được khen thưởng là đồng chí Trần Văn An - Trưởng ấp 1, xã Thạnh Yên 1." in one


def test_more_than_fifteen_names_become_a_list_of_items(press_of) -> None:
    document = press_of(_individuals(16))
    items = [p.text for p in paras(document) if p.role == "point"]
    assert "Danh sách cá nhân được khen thưởng:" in document.text()
    assert items[0] == "- Trần Văn An - Trưởng ấp 1, xã Thạnh Yên 1;"
    assert len(items) == 16 and items[-1].endswith(".")
    fifteen = press_of(_individuals(15))
    assert not [p for p in paras(fifteen) if p.role == "point"]


def test_more_than_eight_statistics_become_a_list(press_of) -> None:
    nine = press_of(_statistics(9))
    items = [p.text for p in paras(nine) if p.role == "point"]
    assert items == [f"- Chỉ tiêu số {i} {i} mô hình" + (";" if i < 9 else ".") for i in range(1, 10)]
    eight = press_of(_statistics(8))
    assert not [p for p in paras(eight) if p.role == "point"]
    assert "chỉ tiêu số 8 8 mô hình." in eight.text()


def test_the_amount_says_whom_it_is_for(press_of) -> None:
    text = press_of(_individuals(2)).text()
    assert "mức thưởng 500.000 đồng cho mỗi cá nhân." in text


def test_points_become_list_items(press_of) -> None:
    def change(d: dict) -> None:
        d["sections"] = [{"title": "Kết quả", "points": ["tăng cường đối thoại", "giải quyết kịp thời"]}]

    items = [p.text for p in paras(press_of(change)) if p.role == "point"]
    assert items == ["- tăng cường đối thoại", "- giải quyết kịp thời"]


def test_an_attendee_group_keeps_its_capital(press_of) -> None:
    def change(d: dict) -> None:
        d["attendees"] = ["Thường trực Huyện ủy", "Lãnh đạo các phòng, ban huyện"]

    assert "Về dự hội nghị có Thường trực Huyện ủy; lãnh đạo các phòng, ban huyện." in press_of(change).text()


def _opening(text: str) -> list[str]:
    return text.casefold().split()[:2]


@pytest.mark.parametrize("builder", [build_press, build_press_release])
def test_no_written_paragraph_opens_with_the_words_of_the_one_before(press_of, builder) -> None:
    def change(d: dict) -> None:
        d["awards"] = [
            {"form": form, "collectives": 1 + i, "amount": 100000}
            for i, form in enumerate(["Giấy khen", "Bằng khen", "Giấy khen", "Bằng khen", "Giấy khen"])
        ]

    document = press_of(change, builder=builder)
    written = [p.text for p in paras(document) if p.role in ("press.lead", "body")]
    data_paragraphs = {p for s in press_of(None, builder=builder).text().split("\n") for p in [s]}
    for before, after in itertools.pairwise(written):
        if after in data_paragraphs and before in data_paragraphs:
            continue  # -- the office's own paragraphs are kept as written --
        assert _opening(before) != _opening(after), (before, after)


def test_awardees_come_in_the_order_of_the_decisions_list_everywhere(write_yaml, sample_data) -> None:
    from umt_reports.documents.certificates import build_certificates
    from umt_reports.documents.decision import build_decision
    from umt_reports.documents.report import build_report

    people = [
        {"name": "Lê Văn Tư", "position": "Trưởng ấp", "unit": "xã B"},
        {"name": "Trần Thị An", "position": "Chủ tịch", "unit": "xã A"},
        {"name": "Nguyễn Văn Bình", "position": "Cán bộ", "unit": "xã B"},
    ]
    for by_unit in (False, True):
        data = json.loads(json.dumps(sample_data, default=str))
        data["awards"] = [{"form": "Giấy khen", "decided_by": "Chủ tịch UBND huyện", "individuals": people}]
        data["decision"] = {"number": 5, "date": "2022-06-21", "group_by_unit": by_unit}
        path = write_yaml(data)
        meeting = load_meeting(path)
        texts = {
            "press": build_press(meeting, source_dir=path.parent).text(),
            "report": build_report(meeting).text(),
            "decision": build_decision(meeting).text(),
            "certificates": "\n".join(b.text for b in build_certificates(meeting).blocks if hasattr(b, "text")),
        }
        orders = {
            kind: sorted(("Lê Văn Tư", "Trần Thị An", "Nguyễn Văn Bình"), key=text.index)
            for kind, text in texts.items()
        }
        assert len({tuple(order) for order in orders.values()}) == 1, orders
        expected = (
            ["Nguyễn Văn Bình", "Lê Văn Tư", "Trần Thị An"]
            if by_unit
            else ["Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Tư"]
        )
        assert orders["press"] == expected


def test_a_title_never_says_its_type_twice(press_of) -> None:
    from umt_reports.documents.document import DocMeta

    meta = DocMeta(
        kind="certificates",
        type_name="Giấy khen",
        type_code="",
        subject="Giấy khen tặng tập thể, cá nhân",
        code=None,
        number=None,
        date=None,
        issuer="A",
        issuer_symbol="UBND",
    )
    assert meta.title == "Giấy khen tặng tập thể, cá nhân"
    assert DocMeta(**{**meta.__dict__, "subject": "tặng cá nhân"}).title == "Giấy khen tặng cá nhân"
