"""Reading signatures back: a changed byte, an unknown root and an expired certificate are each reported."""

from __future__ import annotations

import datetime as dt

import pytest
from sign_pki import PASSWORD, Pki
from sign_tsa import running_tsa

from umt_reports import vn
from umt_reports.sign import P12Key, SignRequest, list_signatures, sign_pdf
from umt_reports.sign.errors import SignInputError
from umt_reports.sign.pdfa import pdfa_findings
from umt_reports.sign.verify import all_good, load_roots


@pytest.fixture(scope="module")
def signed(pki: Pki, report_pdf: bytes) -> bytes:
    return sign_pdf(report_pdf, P12Key(pki.p12("person"), PASSWORD), SignRequest("person")).data


def test_an_untouched_signature_is_valid(pki: Pki, signed: bytes) -> None:
    [info] = list_signatures(signed, load_roots([pki.pem("root")]))
    assert (info.status, info.problem, info.added_after) == ("valid", None, "nothing")
    assert all_good([info])


def test_a_changed_byte_breaks_the_signature(pki: Pki, signed: bytes, report_pdf: bytes) -> None:
    # -- byte 10 is in the binary comment of the header: the file still opens, the hash differs --
    tampered = bytearray(signed)
    tampered[10] ^= 0x01
    [info] = list_signatures(bytes(tampered), load_roots([pki.pem("root")]))
    assert (info.intact, info.trusted, info.status) == (False, False, "broken")
    assert not all_good([info])


def test_an_unknown_root_is_not_trusted(pki: Pki, signed: bytes) -> None:
    [info] = list_signatures(signed, load_roots([pki.pem("stranger")]))
    assert (info.intact, info.trusted, info.status) == (True, False, "untrusted")
    assert info.problem == "NO_CERTIFICATE_CHAIN_FOUND"


def test_no_root_at_all_trusts_nothing(signed: bytes) -> None:
    [info] = list_signatures(signed, [])
    assert info.intact and not info.trusted


def test_an_expired_certificate_is_not_trusted(pki: Pki, report_pdf: bytes) -> None:
    data = sign_pdf(report_pdf, P12Key(pki.p12("expired"), PASSWORD), SignRequest("person")).data
    [info] = list_signatures(data, load_roots([pki.pem("root")]))
    assert (info.intact, info.trusted) == (True, False)
    # -- AdES: the certificate's validity ended before any proof of the signing time --
    assert info.problem == "OUT_OF_BOUNDS_NO_POE"


def test_a_time_stamp_from_a_local_tsa_makes_b_t(pki: Pki, report_pdf: bytes) -> None:
    with running_tsa(pki.tsa) as url:
        data = sign_pdf(report_pdf, P12Key(pki.p12("person"), PASSWORD), SignRequest("person", tsa_url=url)).data
    [info] = list_signatures(data, load_roots([pki.pem("root")]))
    assert info.status == "valid"
    assert info.timestamp is not None
    stamped = dt.datetime.fromisoformat(info.timestamp)
    assert stamped.utcoffset() == dt.timedelta(hours=7)
    assert abs(stamped - dt.datetime.now(vn.VIETNAM_TIME)) < dt.timedelta(minutes=5)
    assert pdfa_findings(data) == []


def test_a_tsa_that_does_not_answer_is_a_stated_failure(pki: Pki, report_pdf: bytes) -> None:
    from umt_reports.sign.errors import SignError

    with running_tsa(pki.tsa) as url:
        pass  # -- the server is gone: nothing listens there now --
    with pytest.raises(SignError) as caught:
        sign_pdf(report_pdf, P12Key(pki.p12("person"), PASSWORD), SignRequest("person", tsa_url=url))
    problem = caught.value.problems[0]
    assert (problem.code, problem.params["url"]) == ("sign.tsa_failed", url)


def test_a_file_that_is_not_a_pdf_cannot_be_listed() -> None:
    with pytest.raises(SignInputError):
        list_signatures(b"%PDF-1.7 broken", [])


def test_a_trust_file_that_is_not_a_certificate_is_an_input_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "root.pem"
    bad.write_text("not a certificate")
    with pytest.raises(SignInputError) as caught:
        load_roots([bad])
    assert caught.value.problems[0].code == "sign.trust_unreadable"
