"""The site's 参与贡献 / Contribute page, generated from CONTRIBUTING.md.

Why generated: the contributor guide must exist once (CONTRIBUTING.md, what GitHub shows next to
the code and what the tests read the CI commands from) and still be on the site at
/contribute/. scripts/build_contribute_page.py writes docs/contribute.md; a test fails when the
committed page is out of date.
"""
from __future__ import annotations

GENERATED = ("<!-- Generated from CONTRIBUTING.md by scripts/build_contribute_page.py: "
             "edit CONTRIBUTING.md, then run the script. -->")
TITLE = "# 参与贡献 / Contribute"
NOTE = ("本页与代码仓库中的 `CONTRIBUTING.md` 相同。 "
        "This page is the repository's `CONTRIBUTING.md`.")


def contribute_page(contributing: str) -> str:
    """docs/contribute.md from the text of CONTRIBUTING.md: the guide's first heading becomes
    the page title, with a note saying where the guide lives."""
    lines = contributing.replace("\r\n", "\n").split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    body = "\n".join(lines).strip("\n")
    return f"{GENERATED}\n{TITLE}\n\n{NOTE}\n\n{body}\n"
