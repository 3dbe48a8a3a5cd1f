"""What the data-trust panel reads: the last day each unit's data reaches."""

from datetime import date

from sqlalchemy import func, select, union_all

from data_access.queries.viewing import Reader, visible_units
from data_access.schema import cases, events


def unit_last_days(reader: Reader) -> dict[str, date]:
    """Return, per unit the viewer sees, the last day of its data: its latest event or decision."""
    days = union_all(
        select(cases.c.unit_code.label("unit"), func.max(cases.c.decided_on).label("day")).group_by(cases.c.unit_code),
        select(cases.c.unit_code.label("unit"), func.max(events.c.occurred_on).label("day"))
        .select_from(events.join(cases, cases.c.id == events.c.case_id)).group_by(cases.c.unit_code),
    ).subquery()
    query = select(days.c.unit, func.max(days.c.day)).group_by(days.c.unit)
    allowed = visible_units(reader)
    with reader.engine.connect() as connection:
        found = {unit: day for unit, day in connection.execute(query)}
    # SQLite hands back the text of a date it computed through max(); PostgreSQL a date.
    found = {unit: day if isinstance(day, date) else date.fromisoformat(day) for unit, day in found.items()}
    return found if allowed is None else {unit: day for unit, day in found.items() if unit in allowed}
