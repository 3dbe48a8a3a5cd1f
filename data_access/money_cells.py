"""The cells of the chain về tiền and what one case adds to each (domain.md section 4, per case)."""

from sqlalchemy import case, not_

from data_access import codes

MONEY_CELLS = ("brought_forward", "new", "caseload", "delegated", "cancelled", "to_enforce", "done", "terminated",
               "reduced", "in_progress", "deferred_c", "not_enforceable", "enforceable", "completed", "carried")


def money_values(parts, status) -> dict[str, object]:
    """Return, per money cell, the SQL of what a case adds to it, from its state and its money in the window.

    `parts` names brought_forward (1 or 0), opening, collected, reduced and remaining: the per-case expressions of a
    caseload query, or the columns of a month-end snapshot row, whose sums add up the same way.
    """
    brought = parts.brought_forward == 1

    def when(condition, value):
        return case((condition, value), else_=0)

    values = {
        "brought_forward": when(brought, parts.opening),
        "new": when(not_(brought), parts.opening),
        # A delegated case leaves with its remaining amount even when it counts as done.
        "delegated": when(status == codes.STATE_DELEGATED, parts.remaining),
        "cancelled": when(status == codes.STATE_CANCELLED, parts.remaining),
        # Collections in the window, plus the rest settled in kind at xong.
        "done": parts.collected + when(status == codes.STATE_DONE, parts.remaining),
        "terminated": when(status == codes.STATE_TERMINATED, parts.remaining),
        "reduced": parts.reduced,
        "in_progress": when(status == codes.STATE_IN_PROGRESS, parts.remaining),
        "deferred_c": when(status == codes.STATE_DEFERRED_C, parts.remaining),
        "not_enforceable": when(status.in_(codes.NOT_ENFORCEABLE_STATES), parts.remaining),
    }
    values["caseload"] = values["brought_forward"] + values["new"]
    values["to_enforce"] = values["caseload"] - values["delegated"] - values["cancelled"]
    values["completed"] = values["done"] + values["terminated"] + values["reduced"]
    values["enforceable"] = values["completed"] + values["in_progress"] + values["deferred_c"]
    values["carried"] = values["to_enforce"] - values["completed"]
    return values


def share_column(cell: str) -> str:
    """Return the name of the snapshot column counting the cases with a share in a money cell."""
    return f"shares_{cell}"
