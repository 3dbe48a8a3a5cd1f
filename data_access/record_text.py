"""Characters no real record holds, refused alike in an imported cell and in a search for one."""

import re

# NUL, the other C0 controls but tab, line and paragraph separators, and the bidirectional overrides and isolates
# that make a name read differently from what it holds (U+202E writes it backwards).
_FORBIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def holds_forbidden_characters(text: str) -> bool:
    """Return whether the text holds a control, line-break or bidirectional-override character."""
    return _FORBIDDEN.search(text) is not None
