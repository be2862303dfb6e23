"""Create or update the repository's issue labels from .github/labels.yml with the GitHub CLI.

Run by the workflow .github/workflows/labels.yml (GitHub's runners have `gh`; GH_TOKEN and
GH_REPO come from the workflow). `--dry-run` prints the commands instead of running them.
Labels that exist on GitHub but not in the file are left alone.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

LABELS = Path(__file__).resolve().parents[1] / ".github" / "labels.yml"


def labels(path: Path = LABELS) -> list[dict]:
    """The labels of the file, checked: a name, a 6-hex-digit colour, a description GitHub accepts."""
    items = yaml.safe_load(path.read_text("utf-8"))
    for item in items:
        if not (isinstance(item.get("name"), str) and item["name"].strip()):
            raise SystemExit(f"{path}: a label without a name: {item!r}")
        if not re.fullmatch(r"[0-9a-fA-F]{6}", str(item.get("color", ""))):
            raise SystemExit(f"{path}: label {item['name']!r}: color must be 6 hex digits without #")
        if len(item.get("description", "")) > 100:
            raise SystemExit(f"{path}: label {item['name']!r}: description over 100 characters")
    return items


def commands(items: list[dict]) -> list[list[str]]:
    return [["gh", "label", "create", i["name"], "--color", str(i["color"]),
             "--description", i.get("description", ""), "--force"] for i in items]


def main(argv: list[str]) -> int:
    for command in commands(labels()):
        if "--dry-run" in argv:
            print(shlex.join(command))
        else:
            subprocess.run(command, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
