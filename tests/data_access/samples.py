"""Exchange tables the importer tests share: two cases counted by hand, and the rows every table holds."""

from sqlalchemy import func, select

from data_access.schema import metadata
from tests.support.builders import case, ev, tables, target

M = 1_000_000

GOOD = tables(
    cases=[
        case("V1", "2023-06-01", 10 * M, groups="ngan_sach|bhxh"),
        case("V2", "2023-10-15", 20 * M, unit="H02", officer="C04", groups="tin_dung"),
    ],
    events=[
        ev("V1", "2023-11-01", "thu_tien", 10 * M), ev("V1", "2023-11-01", "xong"),
        ev("V2", "2023-11-05", "thu_tien", 3 * M), ev("V2", "2023-12-01", "hoan", detail="c"),
    ],
    targets=[target(2024, "tinh", "", "84", "47"), target(2024, "don_vi", "H01", "85", "50")],
)


def row_counts(db) -> dict[str, int]:
    """Return the number of rows of every data table; the import history, which records a refused import too, is
    left out."""
    with db.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in metadata.sorted_tables if table.name != "import_runs"}
