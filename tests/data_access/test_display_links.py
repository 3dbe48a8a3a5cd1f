"""Display links: one scope each, a token shown once and stored only as its hash, expiry and revocation, every
change on the audit trail."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from data_access.access_schema import display_links
from data_access.audit import audit_trail
from data_access.display_links import (
    LinkRefused, all_links, create_link, display_address, link_of_token, revoke_link, token_hash,
)
from data_access.exchange.importer import import_tables
from tests.support.builders import tables

NOW = datetime(2026, 12, 4, 9, 0)


@pytest.fixture
def agency(db):
    import_tables(db, tables())
    return db


def test_a_link_keeps_only_the_hash_of_its_token_and_opens_its_scope(agency):
    link, token = create_link(agency, unit="H01", expires_on=date(2026, 12, 31), now=NOW, by="máy chủ:qt")
    with agency.connect() as connection:
        stored = connection.execute(select(display_links)).one()
    assert token not in str(tuple(stored)) and stored.token_hash == token_hash(token) and len(token) >= 40
    assert (link.unit, link.province, link.state(date(2026, 12, 31)), link.state(date(2027, 1, 1))) == (
        "H01", None, "valid", "expired")
    assert link_of_token(agency, token) == link and link_of_token(agency, token + "x") is None
    assert display_address(token) == f"/trinh_chieu?ma_trinh_chieu={token}"


def test_a_revoked_link_stays_listed_and_no_longer_opens(agency):
    first, _ = create_link(agency, expires_on=date(2027, 1, 31), now=NOW, by="qt")
    second, token = create_link(agency, province="T01", expires_on=date(2027, 1, 31), now=NOW, by="qt")
    revoked = revoke_link(agency, second.id, now=datetime(2026, 12, 5), by="qt")
    assert revoked.state(date(2026, 12, 6)) == "revoked" and link_of_token(agency, token).state(NOW.date()) == "revoked"
    assert [link.id for link in all_links(agency)] == [first.id, second.id]
    assert revoke_link(agency, second.id, now=datetime(2026, 12, 6), by="qt").revoked_at == datetime(2026, 12, 5)
    assert [(event.action, event.subject) for event in audit_trail(agency)] == [
        ("display_link_created", f"link {first.id}"), ("display_link_created", f"link {second.id}"),
        ("display_link_revoked", f"link {second.id}")]


@pytest.mark.parametrize(("place", "expires", "message"), [
    ({"unit": "H09"}, date(2027, 1, 1), "Không có đơn vị mã 'H09'."),
    ({"province": "H01"}, date(2027, 1, 1), "Không có tỉnh mã 'H01'."),
    ({"province": "T01", "unit": "H01"}, date(2027, 1, 1), "Một đường link chỉ mở một phạm vi"),
    ({}, date(2026, 12, 3), "Ngày hết hạn 03/12/2026 đã qua."),
])
def test_a_link_to_nothing_or_already_expired_is_refused(agency, place, expires, message):
    with pytest.raises(LinkRefused, match=message):
        create_link(agency, expires_on=expires, now=NOW, by="qt", **place)
    assert all_links(agency) == []


def test_revoking_an_unknown_link_says_so(agency):
    with pytest.raises(LinkRefused, match="Không có đường link trình chiếu số 7."):
        revoke_link(agency, 7, now=NOW, by="qt")
