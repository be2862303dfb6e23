"""Captures built to be slow (issue 16, point 6), at the shape limits of wenxian/data/limits.yml:
each must be extracted in at most 2 s of CPU (tests/test_hostile_time.py).

`build(name)` returns (file name, bytes). Run as a script (`python slow_inputs.py NAME`) it
warms the caches with a small capture, then extracts the capture NAME, runs the personal-data
scan `wenxian add` runs on it and marks its masked characters as the site build does (each
script), and prints the CPU seconds each stage took as JSON (`mark`: the slower script).
"""
from __future__ import annotations

import json
import sys
import time

from wenxian.places import gazetteer
from wenxian import datafiles

LIMITS = datafiles.load("limits.yml")
LINE = LIMITS["max_line_chars"]


def _line(unit: str) -> str:
    return (unit * (LINE // len(unit) + 1))[:LINE]


def _county_names() -> list[str]:
    return [name for code, name in gazetteer.load().units.items() if len(code) == 6]


def _village_names(county: str) -> list[str]:
    gaz = gazetteer.load()
    return [v for t in gaz.townships_by_county[county] for v in gaz.villages(t).values()]


def _text(*lines: str) -> bytes:
    return ("村里的合作社带动群众增收\n" + "\n".join(lines) + "\n记者 某某\n").encode("utf-8")


BUILDERS = {
    "asterisks": lambda: ("x.txt", _text("村" + _line("*")[2:] + "村")),
    "fullwidth_asterisks": lambda: ("x.txt", _text("村" + _line("＊")[2:] + "村")),
    "times_signs": lambda: ("x.txt", _text("村" + _line("×")[2:] + "村")),
    "asterisks_between_characters": lambda: ("x.txt", _text(_line("村*"))),
    "middle_dots_and_ellipses": lambda: ("x.txt", _text(_line("·…"))),
    "county_names": lambda: ("x.txt", _text(_line("、".join(_county_names()) + "、"))),
    "village_names_of_one_county": lambda: ("x.txt", _text(*[_line("特克斯县" + "、".join(_village_names("654027")))] * 4)),
    "email_scan_of_an_ascii_run": lambda: ("x.html", (
        "<html><head><title>村里的合作社</title></head><body><p>村里的合作社带动群众增收。</p><script>"
        + "a" * (LIMITS["max_bytes"] - 200) + "</script></body></html>").encode("utf-8")),
    "unclosed_title_tags": lambda: ("x.html", ("<html><head>" + "<title>a" * 20000
                                              + "</head><body><p>村里的合作社带动群众增收。</p></body></html>").encode()),
    # half the most lines a capture may have, each with masked characters (the site marks them
    # all). Not one of the inputs: a check that marking stays linear over many lines. At
    # the full 20,000 lines the pipeline's own cost per line (~70 µs, outside the stages fixed
    # here) gives about 1.5 s alone, too close to the budget on a shared machine.
    "masks_on_every_line": lambda: ("x.txt", _text(*[f"第{i}段，村民*某某说，村*村*村*。"
                                                     for i in range(LIMITS["max_lines"] // 2)])),
}


def build(name: str) -> tuple[str, bytes]:
    return BUILDERS[name]()


def measure(name: str) -> dict:
    from wenxian.ingest.decode import decode
    from wenxian.ingest.personal import find_personal_data
    from wenxian.ingest.pipeline import extract
    from wenxian.site.article_page import mark_masked
    from wenxian.site.twins import to_script

    extract(_text("新疆伊犁哈萨克自治州特克斯县喀拉托海镇的村民*某说，联系 a@b.cn。"), "warm.txt")
    mark_masked(to_script("村*", "hans", "hant"), "hant")
    fname, data = build(name)
    assert len(data) <= LIMITS["max_bytes"], len(data)
    started = time.process_time()
    art = extract(data, fname)
    extracted = time.process_time() - started
    started = time.process_time()
    find_personal_data(decode(data, fname).text)
    scanned = time.process_time() - started
    marked = []
    for script in ("hans", "hant"):  # the build marks each script's page on its own
        started = time.process_time()
        mark_masked(to_script(art["body"], art["script"], script), script)
        marked.append(time.process_time() - started)
    return {"extract": extracted, "scan": scanned, "mark": max(marked), "bytes": len(data)}


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
