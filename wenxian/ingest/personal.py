"""Detection of what looks like personal data in a capture (mobile numbers, ID-card numbers,
e-mail addresses), so that `wenxian add` can warn before the capture is published.

Why here and not in the pipeline: the raw capture is never altered (it is published byte-exact
at /raw/<id>.txt), so the only safe moment to notice personal data is before it is added. The
patterns are data (wenxian/data/personal_data.yml); matches are reported with their line and a
masked form, so the warning itself does not repeat the number in full.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import datafiles

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def gb11643(number: str) -> bool:
    """True when the 18th character of a resident ID number is its GB 11643 check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


VALIDATORS = {"gb11643": gb11643}


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    line: int  # 1-based
    text: str  # the matched text, as in the capture

    @property
    def masked(self) -> str:
        """First 3 and last 2 characters kept, the rest replaced by *."""
        keep = self.text.strip()
        if "@" in keep:
            user, _, domain = keep.partition("@")
            return user[:1] + "*" * max(len(user) - 1, 1) + "@" + domain
        return keep[:3] + "*" * max(len(keep) - 5, 1) + keep[-2:]


@lru_cache(maxsize=None)
def _detectors():
    out = []
    for entry in datafiles.load("personal_data.yml"):
        check = VALIDATORS[entry["check"]] if entry.get("check") else None
        exclude = re.compile(entry["exclude"]) if entry.get("exclude") else None
        out.append((entry["kind"], entry["label"], re.compile(entry["pattern"]), check, exclude))
    return tuple(out)


def find_personal_data(text: str, page: bool = False) -> list[Finding]:
    """Every match in the text, in reading order (line, then position). Lines are counted as the
    extraction counts them, so a warning and the removed list of `extract` name the same line:
    a text capture's lines (str.splitlines), or with `page` (the HTML source of a saved page or
    of a web archive's page) the source lines as the HTML parser numbers them (at "\n" only)."""
    found = []
    for number, line in enumerate(text.split("\n") if page else text.splitlines(), 1):
        hits = []
        for kind, label, pattern, check, exclude in _detectors():
            for m in pattern.finditer(line):
                value = m.group(0)
                if (check is None or check(value)) and not (exclude and exclude.search(value)):
                    hits.append((m.start(), Finding(kind, label, number, value)))
        found += [f for _, f in sorted(hits, key=lambda h: h[0])]
    return found


@dataclass(frozen=True)
class Grouped:
    """One distinct value found, however often: the first finding, and every line it is on
    (a line once per occurrence)."""
    first: Finding
    lines: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.lines)

    def where(self, limit: int = 5) -> str:
        """`line 12` or `3 times: lines 12, 40, 41` (at most `limit` line numbers, then …)."""
        distinct = sorted(set(self.lines))
        shown = ", ".join(map(str, distinct[:limit])) + (", …" if len(distinct) > limit else "")
        if self.count == 1:
            return f"line {shown}"
        return f"{self.count} times: line{'s' if len(distinct) > 1 else ''} {shown}"


def grouped(findings: list[Finding]) -> list[Grouped]:
    """The findings collapsed to one per distinct value (kind and text, surrounding spaces
    ignored), in order of first appearance: a footer e-mail repeated on every line of a page is
    one warning, not ten."""
    out: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        out.setdefault((f.kind, f.text.strip()), []).append(f)
    return [Grouped(fs[0], tuple(f.line for f in fs)) for fs in out.values()]
