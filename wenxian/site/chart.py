"""Inline SVG bar charts drawn at build time (no chart library, no JavaScript).

Only numbers and the project's own labels go into the SVG; labels are escaped anyway.
"""
from __future__ import annotations

import html


def bar_chart(bars: list[tuple[str, int]], title: str, width: int = 640, height: int = 180) -> str:
    """A vertical bar chart of (label, count); every bar has a <title> tooltip and its count. Text
    is the page's text colour and bars the theme's (class wx-bar, both schemes in wenxian.css);
    the chart never shrinks below its drawn width, so labels stay 10 px on a phone (the box
    scrolls sideways)."""
    if not bars:
        return ""
    top = max(c for _, c in bars) or 1
    pad_bottom, pad_top = 28, 16
    slot = width / len(bars)
    bar_w = max(2.0, slot * 0.7)
    plot_h = height - pad_bottom - pad_top
    # Wrapped in a <div> so that Markdown treats the chart as a block, not inline text.
    out = [f'<div class="wx-chart-box"><svg class="wx-chart" role="img" aria-label="{html.escape(title)}" viewBox="0 0 {width} {height}" '
           f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{html.escape(title)}</title>']
    every = max(1, len(bars) // 12)  # at most about 12 axis labels
    for n, (label, count) in enumerate(bars):
        h = plot_h * count / top
        x = n * slot + (slot - bar_w) / 2
        y = pad_top + plot_h - h
        lab = html.escape(label)
        out.append(f'<g><title>{lab}: {count}</title><rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
                   f'height="{h:.1f}" class="wx-bar" fill="currentColor" opacity="0.7"/>')
        if count:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle" '
                       f'fill="currentColor">{count}</text>')
        if n % every == 0:
            out.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - 10}" font-size="10" text-anchor="middle" '
                       f'fill="currentColor">{lab}</text>')
        out.append("</g>")
    out.append("</svg></div>")
    return "".join(out)
