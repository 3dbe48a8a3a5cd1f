"""File names written from Vietnamese words: plain ASCII every system keeps, "Thi hành xong" -> "thi_hanh_xong"."""

import re
import unicodedata


def ascii_slug(text: str) -> str:
    """Return the words lower-cased without their accents, joined by underscores."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(letter for letter in plain if not unicodedata.combining(letter))
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")
