"""The committed server settings: the dashboard listens on this machine only, keeps XSRF protection on, shows no
English app menu, and no secret is committed."""

import subprocess
import tomllib

from data_access.engine import PROJECT_ROOT

SETTINGS = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_the_server_listens_on_this_machine_only_with_xsrf_protection():
    assert SETTINGS["server"]["address"] == "127.0.0.1"
    assert SETTINGS["server"]["enableXsrfProtection"] is True
    assert SETTINGS["client"]["toolbarMode"] == "minimal"


def test_no_secret_is_committed():
    tracked = subprocess.run(["git", "ls-files", ".streamlit"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    # The settings and an example of the secrets file, never the secrets file itself.
    assert tracked == [".streamlit/config.toml", ".streamlit/secrets.toml.example"]
    assert ".streamlit/secrets.toml" in (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").split()
