"""The names on chart axes: units shortened, officers with their code, long group names on two lines."""

from data_access import codes

# Group names longer than this go on two lines, so five columns fit across a heatmap without tilted labels.
GROUP_LABEL_WIDTH = 16


def short_unit_name(name: str) -> str:
    """Return a unit name with "Thi hành án dân sự" written "THADS", short enough for a chart axis."""
    return name.replace("Thi hành án dân sự", "THADS")


def unit_labels(rows: list[dict], chosen: str | None = None) -> dict[str, str]:
    """Return each unit key's chart label: its short name, pointed at and in bold for the chosen unit."""
    return {row["key"]: f"<b>▶ {short_unit_name(row['name'])}</b>" if row["key"] == chosen
            else short_unit_name(row["name"]) for row in rows}


def officer_labels(rows: list[dict]) -> dict[str, str]:
    """Return each officer key's chart label, the name and the code, since two officers may share a name."""
    return {row["key"]: f"{row['name']} ({row['key']})" for row in rows}


def two_lines(name: str, width: int) -> str:
    """Return a name longer than `width` broken at the space nearest its middle, so axis labels stay level."""
    if len(name) <= width or " " not in name:
        return name
    middle = min((index for index, letter in enumerate(name) if letter == " "),
                 key=lambda index: abs(index - len(name) / 2))
    return f"{name[:middle]}<br>{name[middle + 1:]}"


def group_label(code: str) -> str:
    """Return a group's name for a chart axis, a long one on two lines: "Thu ngân sách<br>nhà nước"."""
    return two_lines(codes.GROUPS[code], GROUP_LABEL_WIDTH)
