"""The names on chart axes: units shortened, officers with their code, long group names on two lines; every name
written for Plotly, which would read the tags in it."""

from data_access import codes
from dashboard.text.escape import plotly_text

# Beside "Toàn tỉnh" and its regional offices, a province office's own row holds only the cases it enforces itself.
OWN_CASES = " (việc tỉnh trực tiếp thi hành)"
# Group names longer than this go on two lines, so five columns fit across a heatmap without tilted labels.
GROUP_LABEL_WIDTH = 16


def short_unit_name(name: str) -> str:
    """Return a unit name with "Thi hành án dân sự" written "THADS", short enough for a chart axis."""
    return name.replace("Thi hành án dân sự", "THADS")


def short_unit_names(rows: list[dict], offices: frozenset[str] = frozenset()) -> dict[str, str]:
    """Return each unit key's short name, the province after " - " left out when every name holding one shares it,
    and a province office among `offices` marked as its own cases.

    A province's regional offices all end in " - <province>", which only widens its charts; the units of several
    provinces keep it, and so does any set of names that leaving it out would make alike.
    """
    names = {row["key"]: short_unit_name(row["name"]) + (OWN_CASES if row["key"] in offices else "")
             for row in rows}
    suffixes = {name.rsplit(" - ", 1)[1] for name in names.values() if " - " in name}
    if len(suffixes) != 1:
        return names
    shortened = {key: name.removesuffix(f" - {next(iter(suffixes))}") for key, name in names.items()}
    return shortened if len(set(shortened.values())) == len(shortened) else names


def unit_labels(rows: list[dict], chosen: str | None = None, offices: frozenset[str] = frozenset()) -> dict[str, str]:
    """Return each unit key's chart label: its short name, pointed at and in bold for the chosen unit."""
    return {key: f"<b>▶ {plotly_text(name)}</b>" if key == chosen else plotly_text(name)
            for key, name in short_unit_names(rows, offices).items()}


def officer_names(rows: list[dict]) -> dict[str, str]:
    """Return each officer key's name with its code, since two officers may share a name: plain text."""
    return {row["key"]: f"{row['name']} ({row['key']})" for row in rows}


def officer_labels(rows: list[dict]) -> dict[str, str]:
    """Return each officer key's chart label: its name with its code, written for Plotly."""
    return {key: plotly_text(name) for key, name in officer_names(rows).items()}


def two_lines(name: str, width: int) -> str:
    """Return a name longer than `width` broken at the space nearest its middle, so axis labels stay level."""
    if len(name) <= width or " " not in name:
        return plotly_text(name)
    middle = min((index for index, letter in enumerate(name) if letter == " "),
                 key=lambda index: abs(index - len(name) / 2))
    return f"{plotly_text(name[:middle])}<br>{plotly_text(name[middle + 1:])}"


def group_label(code: str) -> str:
    """Return a group's name for a chart axis, a long one on two lines: "Thu ngân sách<br>nhà nước"."""
    return two_lines(codes.GROUPS[code], GROUP_LABEL_WIDTH)
