#!/usr/bin/env python3
"""Regenerate docs/contribute.md (the site's Contribute page) from CONTRIBUTING.md.

    .venv/bin/python scripts/build_contribute_page.py
"""
from pathlib import Path

from wenxian.archive import atomic_write
from wenxian.dev.contribute_page import contribute_page

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    page = contribute_page((ROOT / "CONTRIBUTING.md").read_text("utf-8"))
    atomic_write(ROOT / "docs" / "contribute.md", page.encode("utf-8"))
    print(ROOT / "docs" / "contribute.md")
