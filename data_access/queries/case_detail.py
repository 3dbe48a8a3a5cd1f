"""One case as stored: its fields, groups, events in applied order and state spans."""

from sqlalchemy import select
from data_access.queries.chain_queries import CASE_DIMENSION
from data_access.queries.scope import Scope
from data_access.queries.viewing import NotPermitted, Reader, may_read, visible_units
from data_access.schema import case_groups, case_states, cases, events, officers, units

_CASE = (
    select(cases.c.id, cases.c.code, cases.c.decision_no, cases.c.decided_on, cases.c.unit_code,
           units.c.name.label("unit_name"), cases.c.officer_code, officers.c.name.label("officer_name"),
           cases.c.judgment_type, cases.c.mode, cases.c.amount, cases.c.debtor, cases.c.creditor,
           cases.c.judgment_no, cases.c.court, cases.c.exit_on, cases.c.exit_kind)
    .join(units, units.c.code == cases.c.unit_code)
    .join(officers, officers.c.code == cases.c.officer_code)
)


def _check_may_read(reader: Reader, code: str, unit: str, officers_held: set[str]) -> None:
    # An officer reads the cases it holds or held: a list of an earlier period names them as its own.
    if not any(may_read(reader, Scope(unit=unit, officer=officer), CASE_DIMENSION) for officer in officers_held):
        raise NotPermitted(f"Không có quyền xem việc {code}.")


def case_detail(reader: Reader, code: str) -> dict | None:
    """Return the case's fields with groups, events (by seq), spans (by date) and officer names; None if unknown.

    Keys: code, decision_no, decided_on, unit_code, unit_name, officer_code, officer_name, judgment_type, mode,
    amount, debtor, creditor, judgment_no, court (None when the export did not carry them), groups (sorted codes),
    exit_on, exit_kind, events [{occurred_on, kind, amount, detail}],
    spans [{valid_from, valid_to, status, officer_code, collected, reduced}], officer_names {code: name} for the
    case's officer, every officer of a phan_cong event and of a span. A case outside the viewer's scope raises
    NotPermitted; so does an unknown one, but for a viewer of the whole database, so a code tells nobody whether a
    case exists beyond what they see.
    """
    engine = reader.engine
    with engine.connect() as connection:
        row = connection.execute(_CASE.where(cases.c.code == code)).mappings().first()
        if row is None:
            if visible_units(reader) is None:
                return None
            raise NotPermitted(f"Không có quyền xem việc {code}.")
        case_id = row["id"]
        groups = connection.execute(
            select(case_groups.c.group_code).where(case_groups.c.case_id == case_id)
            .order_by(case_groups.c.group_code)).scalars().all()
        timeline = connection.execute(
            select(events.c.occurred_on, events.c.kind, events.c.amount, events.c.detail)
            .where(events.c.case_id == case_id).order_by(events.c.seq)).mappings().all()
        spans = connection.execute(
            select(case_states.c.valid_from, case_states.c.valid_to, case_states.c.status,
                   case_states.c.officer_code, case_states.c.collected, case_states.c.reduced)
            .where(case_states.c.case_id == case_id).order_by(case_states.c.valid_from)).mappings().all()
        named = {row["officer_code"]} | {span["officer_code"] for span in spans} | {
            event["detail"] for event in timeline if event["kind"] == "phan_cong"}
        names = dict(connection.execute(
            select(officers.c.code, officers.c.name).where(officers.c.code.in_(sorted(named)))).all())
    _check_may_read(reader, code, row["unit_code"], {row["officer_code"]} | {span["officer_code"] for span in spans})
    detail = {key: value for key, value in row.items() if key != "id"}
    return {
        **detail,
        "groups": list(groups),
        "events": [{**event, "detail": event["detail"] or ""} for event in timeline],
        "spans": [dict(span) for span in spans],
        "officer_names": names,
    }
