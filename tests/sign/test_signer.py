"""Signing as the person, then as the office: PAdES, incremental, ND30 placement, PDF/A kept."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from sign_pages import line_box, words
from sign_pki import PASSWORD, Pki

from umt_reports import vn
from umt_reports.render.pdf.pdfa import check_pdfa
from umt_reports.sign import P12Key, SignRequest, list_signatures, sign_pdf
from umt_reports.sign.errors import SignError, SignInputError
from umt_reports.sign.pdfa import pdfa_findings
from umt_reports.sign.places import recorded_places, signature_widgets
from umt_reports.sign.verify import load_roots

WHEN = dt.datetime(2026, 12, 3, 15, 40, 12, tzinfo=vn.VIETNAM_TIME)
MM = 72 / 25.4


@pytest.fixture(scope="module")
def signed_twice(pki: Pki, report_pdf: bytes, signature_png: bytes, seal_png: bytes) -> tuple[bytes, bytes]:
    """The sample report signed as the person (with a picture), then as the office (with the seal)."""
    person = sign_pdf(
        report_pdf,
        P12Key(pki.p12("person"), PASSWORD),
        SignRequest("person", image=signature_png, image_name="ky.png", when=WHEN),
    )
    office = sign_pdf(
        person.data,
        P12Key(pki.p12("office"), PASSWORD),
        SignRequest("organisation", image=seal_png, image_name="dau.png", when=WHEN + dt.timedelta(minutes=5)),
    )
    return person.data, office.data


def _place(data: bytes, name: str) -> tuple[int, float, float, float, float]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        box = recorded_places(pdf)[name]
    return box.page, box.left, box.bottom, box.right, box.top


def _widgets(data: bytes, page: int) -> dict[str, tuple[float, float, float, float]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {name: box.rect() for name, box in signature_widgets(pdf, page)}


def test_both_signatures_are_intact_and_trusted_against_the_test_root(
    pki: Pki, signed_twice: tuple[bytes, bytes]
) -> None:
    found = list_signatures(signed_twice[1], load_roots([pki.pem("root")]))
    assert [(s.field, s.intact, s.trusted, s.revision, s.added_after) for s in found] == [
        ("Signature-person-1", True, True, 1, "signatures"),
        ("Signature-organisation-1", True, True, 2, "nothing"),
    ]
    assert "Nguyễn Văn Thử" in found[0].subject
    assert found[0].signed_at == "2026-12-03T15:40:12+07:00"
    assert found[1].signed_at == "2026-12-03T15:45:12+07:00"


def test_each_signature_is_an_incremental_update_that_keeps_the_earlier_bytes(
    report_pdf: bytes, signed_twice: tuple[bytes, bytes]
) -> None:
    person, office = signed_twice
    assert person.startswith(report_pdf)
    assert office.startswith(person)
    with pikepdf.open(io.BytesIO(office)) as pdf:
        sig = pdf.Root.AcroForm.Fields[0].V
        assert sig.SubFilter == pikepdf.Name("/ETSI.CAdES.detached")  # -- PAdES --


def test_the_signed_file_stays_pdfa_2b_with_only_the_form_finding(signed_twice: tuple[bytes, bytes]) -> None:
    for data in signed_twice:
        findings = check_pdfa(data)
        assert len(findings) == 1 and findings[0].startswith("[unsupported]") and "/AcroForm" in findings[0]
        assert pdfa_findings(data) == []


def test_the_person_signature_is_centred_between_title_and_name(
    signed_twice: tuple[bytes, bytes], report_pdf: bytes
) -> None:
    page, left, bottom, right, top = _place(report_pdf, "signer-space")
    box = _widgets(signed_twice[0], page)["Signature-person-1"]
    on_page = words(report_pdf, page)
    title, name = line_box(on_page, "CHỦ TỊCH"), line_box(on_page, "Nguyễn Quốc Khởi")
    assert box[3] <= title.bottom + 1.5 and box[1] >= name.top - 1.0  # -- between the two lines --
    assert (box[0] + box[2]) / 2 == pytest.approx((left + right) / 2, abs=0.05)  # -- centred in the column --
    assert (box[0] + box[2]) / 2 == pytest.approx((name.left + name.right) / 2, abs=1.0)  # -- and on the name --
    assert box[3] - box[1] == pytest.approx(top - bottom, abs=0.05)  # -- the picture fills the space's height --
    assert (box[2] - box[0]) / (box[3] - box[1]) == pytest.approx(2.0, abs=0.01)  # -- aspect of the 400×200 PNG --


def test_the_seal_lies_over_the_left_third_of_the_person_signature(signed_twice: tuple[bytes, bytes]) -> None:
    office = signed_twice[1]
    page = _place(office, "signer-space")[0]
    widgets = _widgets(office, page)
    person, seal = widgets["Signature-person-1"], widgets["Signature-organisation-1"]
    width = 36 * MM  # -- the seal at its real size --
    centre = (seal[0] + seal[2]) / 2
    seal_right = centre + width / 2
    assert seal_right == pytest.approx(person[0] + (person[2] - person[0]) / 3, abs=0.5)
    # -- the seal image's centre is level with the signature's; the office text lies under it --
    with pikepdf.open(io.BytesIO(office)) as pdf:
        text_height = _text_height(pdf, page)
    seal_mid = seal[1] + text_height + width / 2
    assert seal_mid == pytest.approx((person[1] + person[3]) / 2, abs=0.5)


def _text_height(pdf: pikepdf.Pdf, page: int) -> float:
    from umt_reports.sign.appearance import text_size

    return text_size(["x", "y"])[1]


def test_the_office_text_names_the_office_and_the_time_in_10_pt(signed_twice: tuple[bytes, bytes]) -> None:
    office = signed_twice[1]
    page = _place(office, "signer-space")[0]
    on_page = words(office, page)
    line_box(on_page, "2026-12-03T15:45:12+07:00")
    line_box(on_page, "Ủy ban nhân dân huyện Thử")
    with pikepdf.open(io.BytesIO(office)) as pdf:
        field = next(f for f in pdf.Root.AcroForm.Fields if str(f.T) == "Signature-organisation-1")
        drawn = next(iter(field.AP.N.Resources.XObject.values()))
        sizes, size = set(), 0.0
        for op in pikepdf.parse_content_stream(drawn):
            if str(op.operator) == "Tf":
                size = float(op.operands[1])
            elif str(op.operator) in ("Tj", "TJ", "'", '"'):
                sizes.add(size)  # -- the size of each text actually shown --
        colours = [
            [float(v) for v in op.operands]
            for op in pikepdf.parse_content_stream(drawn)
            if str(op.operator) in ("rg", "g")
        ]
    assert sizes == {10.0}
    assert colours and all(c in ([0.0, 0.0, 0.0], [0.0]) for c in colours)  # -- black --


def test_appearances_embed_their_fonts_and_keep_the_picture_transparency(signed_twice: tuple[bytes, bytes]) -> None:
    with pikepdf.open(io.BytesIO(signed_twice[1])) as pdf:
        fonts: list[Any] = []
        masks: list[Any] = []
        for field in pdf.Root.AcroForm.Fields:
            stack = [field.AP.N]
            while stack:
                xobject = stack.pop()
                resources = xobject.get(pikepdf.Name.Resources, pikepdf.Dictionary())
                fonts.extend(resources.get(pikepdf.Name.Font, pikepdf.Dictionary()).values())
                for inner in resources.get(pikepdf.Name.XObject, pikepdf.Dictionary()).values():
                    if inner.get(pikepdf.Name.Subtype) == pikepdf.Name.Image:
                        masks.append(pikepdf.Name.SMask in inner)
                    else:
                        stack.append(inner)
        assert fonts, "the office text is drawn with a font"
        for font in fonts:
            assert str(font.BaseFont).split("+")[-1] in ("LiberationSerif", "TimesNewRomanPSMT", "TimesNewRoman")
            assert pikepdf.Name.FontFile2 in font.FontDescriptor
        assert masks == [True, True]  # -- the signature and the seal keep their transparent ground --


def test_without_a_picture_the_person_gets_a_text_appearance(pki: Pki, report_pdf: bytes) -> None:
    signed = sign_pdf(report_pdf, P12Key(pki.p12("person"), PASSWORD), SignRequest("person", when=WHEN))
    page, left, bottom, right, top = _place(report_pdf, "signer-space")
    on_page = words(signed.data, page)
    name = line_box(on_page, "Nguyễn Văn Thử")
    stamp = line_box(on_page, "2026-12-03T15:40:12+07:00")
    for box in (name, stamp):
        assert bottom <= box.bottom and box.top <= top
        assert (box.left + box.right) / 2 == pytest.approx((left + right) / 2, abs=1.0)
    assert pdfa_findings(signed.data) == []


def test_an_attachment_signed_alone_gets_the_office_text_top_right_on_page_one(
    pki: Pki, report_pdf: bytes, seal_png: bytes
) -> None:
    signed = sign_pdf(
        report_pdf,
        P12Key(pki.p12("office"), PASSWORD),
        SignRequest("organisation", image=seal_png, attachment_of="25/BC-UBND", when=WHEN),
    )
    assert signed.box.page == 0
    _, _, _, right, top = _place(report_pdf, "text-area")
    assert signed.box.right == pytest.approx(right, abs=0.01) and signed.box.bottom > top
    on_page = words(signed.data, 0)
    number, stamp = line_box(on_page, "25/BC-UBND"), line_box(on_page, "2026-12-03T15:40:12+07:00")
    assert number.bottom > top and stamp.bottom > top  # -- in the top margin, above the header --
    with pikepdf.open(io.BytesIO(signed.data)) as pdf:
        appearance = pdf.Root.AcroForm.Fields[0].AP.N
        images: list[Any] = []
        stack: list[Any] = [appearance]
        while stack:
            xobject = stack.pop()
            resources: Any = xobject.get(pikepdf.Name.Resources, {})
            for inner in resources.get(pikepdf.Name.XObject, {}).values():
                (images if inner.get(pikepdf.Name.Subtype) == pikepdf.Name.Image else stack).append(inner)
        assert images == []  # -- never the seal on an attachment --
    assert pdfa_findings(signed.data) == []


def test_a_pdf_without_a_recorded_signer_block_is_refused(pki: Pki, tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "foreign")
    canvas.save()
    with pytest.raises(SignInputError) as caught:
        sign_pdf(out.getvalue(), P12Key(pki.p12("person"), PASSWORD), SignRequest("person"))
    assert caught.value.problems[0].code == "sign.no_signer_block"


def test_a_file_that_is_not_a_pdf_is_refused(pki: Pki) -> None:
    with pytest.raises(SignInputError) as caught:
        sign_pdf(b"not a pdf", P12Key(pki.p12("person"), PASSWORD), SignRequest("person"))
    assert caught.value.problems[0].code == "sign.not_pdf"


def test_a_wrong_password_is_a_stated_failure(pki: Pki, report_pdf: bytes) -> None:
    with pytest.raises(SignError) as caught:
        sign_pdf(report_pdf, P12Key(pki.p12("person"), "sai"), SignRequest("person"))
    assert caught.value.problems[0].code == "sign.key_unreadable"
    assert not isinstance(caught.value, SignInputError)


def test_the_signed_page_renders_with_signature_and_seal(signed_twice: tuple[bytes, bytes], tmp_path: Path) -> None:
    """Draw the signed page as a picture: blue strokes and red seal pixels inside their boxes."""
    from PIL import Image

    office = signed_twice[1]
    page = _place(office, "signer-space")[0]
    widgets = _widgets(office, page)
    (tmp_path / "signed.pdf").write_bytes(office)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "72",
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            "-png",
            "-singlefile",
            str(tmp_path / "signed.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    image = Image.open(tmp_path / "page.png").convert("RGB")
    height = image.size[1]

    def count(box: tuple[float, float, float, float], test: object) -> int:
        crop = image.crop((int(box[0]), int(height - box[3]), int(box[2]), int(height - box[1])))
        pixels = crop.load()
        return sum(1 for x in range(crop.size[0]) for y in range(crop.size[1]) if test(pixels[x, y]))  # type: ignore[index, operator]

    blue = count(widgets["Signature-person-1"], lambda p: p[2] > 150 and p[0] < 80)
    red = count(widgets["Signature-organisation-1"], lambda p: p[0] > 150 and p[1] < 80 and p[2] < 80)
    assert blue > 50 and red > 200


def test_without_pictures_the_office_text_goes_under_the_person_text_inside_the_space(
    pki: Pki, report_pdf: bytes
) -> None:
    person = sign_pdf(report_pdf, P12Key(pki.p12("person"), PASSWORD), SignRequest("person", when=WHEN))
    office = sign_pdf(person.data, P12Key(pki.p12("office"), PASSWORD), SignRequest("organisation", when=WHEN))
    page, _, bottom, _, top = _place(report_pdf, "signer-space")
    widgets = _widgets(office.data, page)
    upper, lower = widgets["Signature-person-1"], widgets["Signature-organisation-1"]
    assert upper[3] == pytest.approx(top, abs=0.5) and lower[3] == pytest.approx(upper[1], abs=0.5)
    assert lower[1] >= bottom - 0.5  # -- both between the title and the name --
    on_page = words(office.data, page)
    assert line_box(on_page, "Nguyễn Văn Thử").bottom > line_box(on_page, "Ủy ban nhân dân huyện Thử").top
    assert pdfa_findings(office.data) == []
