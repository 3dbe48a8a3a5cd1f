"""Password hashes by argon2id through argon2-cffi, with its recommended parameters."""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# Shorter passwords fall to guessing whatever the hash; an agency's accounts guard case files.
MIN_PASSWORD_LENGTH = 10
_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    """Return the argon2id hash of a password, salted afresh."""
    return _HASHER.hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    """Return whether the password is the one the stored hash was made from."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def spend_a_check(password: str) -> bool:
    """Return False after checking the password against a hash no account has, so an unknown login takes as long
    as a known one."""
    password_matches(_unknown_login_hash(), password)
    return False


@cache
def _unknown_login_hash() -> str:
    return _HASHER.hash("no account has this password")


def needs_rehash(stored_hash: str) -> bool:
    """Return whether a stored hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)
