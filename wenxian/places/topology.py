"""Boundary preparation: project, quantize, split into shared arcs, simplify, encode.

Used once by scripts/prepare_boundaries.py to turn the registry's boundary files into the
compact wenxian/data/boundaries.json.gz; never by the build, which only decodes
(wenxian.places.boundaries). Pure functions on lists of points.

Why this way (the TopoJSON method, in a few dozen lines of standard Python):
- Each map (the provinces of China, the prefectures of a province, the counties of a
  prefecture) is quantized to its own integer grid of about GRID units across, so a shape's
  detail matches the size it is drawn at and every coordinate is a small integer.
- Neighbours share their border. Simplifying each shape on its own would move a shared border
  differently on its two sides and open slivers between them; so rings are cut at junctions
  (points whose neighbours differ between the rings passing through them) into arcs, each
  shared arc is stored once, and simplified once.
- Douglas–Peucker with fixed arc ends keeps the junctions, so the simplified shapes still meet.
"""
from __future__ import annotations

import math

GRID = 1000        # units across the longer side of each map's box
TOLERANCE = 0.8    # Douglas–Peucker tolerance in grid units (a unit is under a pixel on a desktop)
MIN_AREA = 2.0     # rings smaller than this many square units are dropped (islets, slivers)

# Albers equal-area conic for China: standard parallels 25°N and 47°N, central meridian 105°E
# (the projection of China's national atlases), so areas compare honestly across the map.
_P1, _P2, _LON0 = math.radians(25), math.radians(47), 105.0
_N = (math.sin(_P1) + math.sin(_P2)) / 2
_C = math.cos(_P1) ** 2 + 2 * _N * math.sin(_P1)
_RHO0 = math.sqrt(_C) / _N


def albers(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) on the plane, y growing southwards (the SVG direction)."""
    rho = math.sqrt(_C - 2 * _N * math.sin(math.radians(lat))) / _N
    theta = _N * math.radians(lon - _LON0)
    return rho * math.sin(theta), -(_RHO0 - rho * math.cos(theta))


def project(units: dict[str, list[list[list[tuple[float, float]]]]]) -> dict[str, list[list[tuple[float, float]]]]:
    """{code: polygons of rings of (lon, lat)} -> {code: rings of projected points}; holes are
    kept as rings of their own (shapes are drawn with the even-odd rule)."""
    return {code: [[albers(lon, lat) for lon, lat in ring] for poly in polys for ring in poly]
            for code, polys in units.items()}


def bbox(units: dict[str, list[list[tuple[float, float]]]]) -> tuple[float, float, float, float]:
    xs = [x for rings in units.values() for ring in rings for x, _ in ring]
    ys = [y for rings in units.values() for ring in rings for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def quantize(units: dict[str, list[list[tuple[float, float]]]], box, grid: int = GRID):
    """Rings on an integer grid of `grid` units across the box's longer side, without repeated
    points or the closing point; rings of fewer than three points are dropped. Returns
    ({code: rings}, (width, height)) in grid units."""
    x0, y0, x1, y1 = box
    scale = grid / max(x1 - x0, y1 - y0)
    out = {}
    for code, rings in units.items():
        kept = []
        for ring in rings:
            q = []
            for x, y in ring:
                p = (round((x - x0) * scale), round((y - y0) * scale))
                if not q or q[-1] != p:
                    q.append(p)
            while len(q) > 1 and q[-1] == q[0]:
                q.pop()
            if len(q) >= 3:
                kept.append(q)
        out[code] = kept
    return out, (math.ceil((x1 - x0) * scale), math.ceil((y1 - y0) * scale))


def junctions(units: dict[str, list[list[tuple[int, int]]]]) -> set[tuple[int, int]]:
    """Points where rings meet and part: a point seen twice with different neighbours."""
    seen: dict[tuple[int, int], frozenset] = {}
    out = set()
    for rings in units.values():
        for ring in rings:
            n = len(ring)
            for i, p in enumerate(ring):
                pair = frozenset((ring[i - 1], ring[(i + 1) % n]))
                before = seen.setdefault(p, pair)
                if before != pair:
                    out.add(p)
    return out


def _closed_arc(ring: list) -> list:
    """A ring without junctions as one closed arc, started at its smallest point and turned the
    way its smaller neighbour lies, so the same ring seen from both sides is the same arc."""
    i = ring.index(min(ring))
    r = ring[i:] + ring[:i]
    if r[-1] < r[1]:
        r = [r[0]] + r[:0:-1]
    return r + [r[0]]


def cut(units: dict[str, list[list[tuple[int, int]]]]):
    """Rings cut into arcs at the junctions, each arc stored once: (arcs, {code: rings as arc
    references}); a reference `~i` is arc i reversed (TopoJSON's convention)."""
    joints = junctions(units)
    arcs: list[list] = []
    index: dict[tuple, int] = {}

    def ref(arc: list) -> int:
        key = tuple(arc)
        if key in index:
            return index[key]
        rev = key[::-1]
        if rev in index:
            return ~index[rev]
        index[key] = len(arcs)
        arcs.append(arc)
        return index[key]

    out = {}
    for code, rings in units.items():
        refs = []
        for ring in rings:
            starts = [i for i, p in enumerate(ring) if p in joints]
            if not starts:
                refs.append([ref(_closed_arc(ring))])
                continue
            r = ring[starts[0]:] + ring[:starts[0]] + [ring[starts[0]]]
            pieces, start = [], 0
            for i in range(1, len(r)):
                if r[i] in joints:
                    pieces.append(ref(r[start:i + 1]))
                    start = i
            refs.append(pieces)
        out[code] = refs
    return arcs, out


def _dist2(p, a, b) -> float:
    """Squared distance of p from the segment a–b."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2


def simplify(arc: list, tolerance: float = TOLERANCE) -> list:
    """Douglas–Peucker keeping both ends; a closed arc is first split at its farthest point."""
    if len(arc) <= 2:
        return list(arc)
    if arc[0] == arc[-1]:
        far = max(range(1, len(arc) - 1), key=lambda i: _dist2(arc[i], arc[0], arc[0]))
        return simplify(arc[:far + 1], tolerance)[:-1] + simplify(arc[far:], tolerance)
    keep = [False] * len(arc)
    keep[0] = keep[-1] = True
    stack, tol2 = [(0, len(arc) - 1)], tolerance * tolerance
    while stack:
        lo, hi = stack.pop()
        best, at = -1.0, -1
        for i in range(lo + 1, hi):
            d = _dist2(arc[i], arc[lo], arc[hi])
            if d > best:
                best, at = d, i
        if best > tol2:
            keep[at] = True
            stack += [(lo, at), (at, hi)]
    return [p for p, k in zip(arc, keep) if k]


def ring_points(arcs: list[list], refs: list[int]) -> list:
    """The closed ring (first point repeated at the end) that a list of arc references draws."""
    out: list = []
    for r in refs:
        arc = arcs[r] if r >= 0 else arcs[~r][::-1]
        out.extend(arc if not out else arc[1:])
    return out


def area(ring: list) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:]))) / 2


def prune(arcs: list[list], units: dict[str, list[list[int]]], min_area: float = MIN_AREA):
    """Drop the rings that simplification left smaller than `min_area` (keeping a shape's largest
    ring however small, so no unit vanishes), then the arcs no ring uses, renumbering the rest."""
    kept_units = {}
    for code, rings in units.items():
        sized = [(area(ring_points(arcs, refs)), refs) for refs in rings]
        kept = [refs for a, refs in sized if a >= min_area]
        if not kept and sized:
            kept = [max(sized, key=lambda s: s[0])[1]]
        kept_units[code] = kept
    used = sorted({r if r >= 0 else ~r for rings in kept_units.values() for refs in rings for r in refs})
    new = {old: i for i, old in enumerate(used)}
    renum = {code: [[new[r] if r >= 0 else ~new[~r] for r in refs] for refs in rings]
             for code, rings in kept_units.items()}
    return [arcs[i] for i in used], renum


def fit(arcs: list[list]) -> tuple[list[list], tuple[int, int]]:
    """Arcs moved to start at (0, 0), with the size of the box they fill: the box of the shapes
    drawn, not of the islets pruning dropped (which would leave an empty sea around the map)."""
    x0 = min(x for a in arcs for x, _ in a)
    y0 = min(y for a in arcs for _, y in a)
    moved = [[(x - x0, y - y0) for x, y in a] for a in arcs]
    return moved, (max(x for a in moved for x, _ in a), max(y for a in moved for _, y in a))


def path_data(arcs: list[list], rings: list[list[int]]) -> str:
    """SVG path data of a shape: each ring moves to its first point and draws relative lines
    (small integers, few bytes: `M12 30l3-1 0 4…z`). Made here, once, so that a build draws a
    map by joining strings, without any geometry (wenxian.places.boundaries)."""
    out = []
    for refs in rings:
        pts = ring_points(arcs, refs)
        steps = " ".join(f"{bx - ax} {by - ay}" for (ax, ay), (bx, by) in zip(pts, pts[1:-1]))
        out.append(f"M{pts[0][0]} {pts[0][1]}l{steps}".replace(" -", "-") + "z")
    return "".join(out)


def prepare_map(units: dict[str, list[list[list[tuple[float, float]]]]], grid: int = GRID,
                tolerance: float = TOLERANCE, min_area: float = MIN_AREA) -> dict:
    """One map from {code: polygons of (lon, lat) rings}: {"size": [w, h], "shapes": {code: SVG
    path data}}, codes whose shape vanished left out. Shared borders are one simplified arc, so
    neighbours still meet exactly in the path data."""
    projected = project(units)
    rings, size = quantize(projected, bbox(projected), grid)
    arcs, refs = cut(rings)
    arcs = [simplify(a, tolerance) for a in arcs]
    arcs, refs = prune(arcs, refs, min_area)
    arcs, size = fit(arcs)
    return {"size": list(size), "shapes": {code: path_data(arcs, r) for code, r in sorted(refs.items()) if r}}
