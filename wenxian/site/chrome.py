"""The parts of the theme's chrome that are the same on every page, as shared files.

Material writes into every page an inline colour-scheme script (≈ 0.7 KB), a configuration JSON
(`__config`, ≈ 1.3 KB: mostly translations of its own search, which this site does not use,
escaped as `\\uXXXX`) and the SVG of each header icon (logo twice, menu, two scheme toggles:
≈ 1.6 KB). At 20,000 articles the site has ≈ 78,000 pages, so these bytes alone were ≈ 270 MB
(docs/performance.md, issue 18). Here they become files a browser fetches once and caches:

- `scope_script(theme_dirs)`: the theme's inline script of `<head>` that defines its local
  storage helpers (`__md_scope`, `__md_get`…: ≈ 0.4 KB a page), served as
  `assets/wenxian/scope.js`, the site root taken from the file's own address instead of each
  page's relative base (the same URL);
- `palette_script(theme_dirs)`: the theme's own palette script (read from the theme, so it
  follows Material's version), served as `assets/wenxian/palette.js` and loaded with a plain
  synchronous `<script src>` at the same place, so it still runs before the body paints;
- `config_json(...)`: the configuration JSON the theme's bundle reads, with only what it uses
  here (base, features, the copy button's two labels), written as UTF-8 and escaped for a
  `<script>` element;
- `icon_files(theme_dirs, icons)`: the header's SVG icons as files, and a style sheet drawing
  each one as a CSS mask in `currentColor` (same size and colour as the inline SVG).

Pure: theme folders and names in, {site path: text} out; the hook adds the files to the build.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import WenxianError

FOLDER = "assets/wenxian/"
PALETTE_JS = FOLDER + "palette.js"
SCOPE_JS = FOLDER + "scope.js"
ICONS_CSS = FOLDER + "icons.css"
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_ICON_NAME = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


def _find(theme_dirs, rel: str) -> Path:
    for d in theme_dirs:
        path = Path(d) / rel
        if path.is_file():
            return path
    raise WenxianError(rel, "not found in the theme's folders")


def palette_script(theme_dirs) -> str:
    """The body of the theme's inline palette script (partials/javascripts/palette.html): the
    first copy in the theme's folders that holds one (the site's custom_dir comes first and
    replaces the partial with the `<script src>` that loads this file)."""
    for d in theme_dirs:
        path = Path(d) / "partials/javascripts/palette.html"
        m = _SCRIPT.search(path.read_text("utf-8")) if path.is_file() else None
        if m:
            return m.group(1).strip() + "\n"
    raise WenxianError("partials/javascripts/palette.html", "no inline <script> in the theme: its palette script changed")


# The scope the theme's script gives its storage helpers: the page's base URL (or extra.scope),
# resolved against the page's address.
_SCOPE = re.compile(r'new URL\("\{\{[^}]*\}\}",location\)')


def scope_script(theme_dirs) -> str:
    """The theme's inline `<head>` script (partials/javascripts/base.html) as a file under
    assets/wenxian/: its scope, the site root, is resolved against the script's own address
    (two folders below the root) instead of each page's relative base, so every page loads the
    same file. The first copy in the theme's folders whose script names a scope is used (the
    site's custom_dir comes first and replaces the partial with the `<script src>`)."""
    for d in theme_dirs:
        path = Path(d) / "partials/javascripts/base.html"
        m = _SCRIPT.search(path.read_text("utf-8")) if path.is_file() else None
        if m and len(_SCOPE.findall(m.group(1))) == 1:
            depth = FOLDER.count("/")
            root = "/".join([".."] * depth)
            return _SCOPE.sub(f'new URL("{root}",document.currentScript.src)', m.group(1).strip()) + "\n"
    raise WenxianError("partials/javascripts/base.html", "no inline <script> with a scope in the theme: its base script changed")


def config_json(base: str, features: list, copy: str, copied: str) -> str:
    """The theme bundle's configuration as JSON for a `<script type="application/json">`: the
    keys the bundle reads, only the translations it uses without its search plugin; non-ASCII
    text as UTF-8 (half the bytes of `\\uXXXX`), and `<`, `>`, `&` escaped so that no text can
    end the element."""
    data = {"base": base, "features": list(features), "translations": {"clipboard.copy": copy, "clipboard.copied": copied},
            "search": None, "annotate": None, "tags": None, "version": None}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def icon_class(name: str) -> str:
    """CSS class of an icon (`material/menu` → `wx-i-material-menu`)."""
    return "wx-i-" + name.replace("/", "-")


def icon_files(theme_dirs, icons) -> dict[str, str]:
    """{site path: text}: each icon's SVG under assets/wenxian/icons/ and the style sheet that
    draws them (`<span class="wx-i wx-i-…">`)."""
    css = [".wx-i{display:block;width:1.2rem;height:1.2rem;background-color:currentcolor;"
           "-webkit-mask:center/contain no-repeat;mask:center/contain no-repeat}",
           ".md-nav__title .md-nav__button.md-logo .wx-i{width:2.4rem;height:2.4rem}"]
    out = {}
    for name in sorted(set(icons)):
        if not _ICON_NAME.match(name):
            raise WenxianError("mkdocs.yml", f"icon {name!r}: expected a name like material/menu")
        svg = _find(theme_dirs, f".icons/{name}.svg").read_text("utf-8")
        file = f"icons/{name.replace('/', '-')}.svg"
        out[FOLDER + file] = svg
        css.append(f".{icon_class(name)}{{-webkit-mask-image:url({file});mask-image:url({file})}}")
    out[ICONS_CSS] = "\n".join(css) + "\n"
    return out


def theme_icons(theme_config) -> list[str]:
    """The icons the header and navigation draw: logo, menu, the palette toggles."""
    icon = theme_config.get("icon") or {}
    names = [icon.get("logo") or "material/library", icon.get("menu") or "material/menu"]
    palette = theme_config.get("palette") or []
    for option in palette if isinstance(palette, list) else []:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and toggle.get("icon"):
            names.append(toggle["icon"])
    return names


def files(theme_dirs, theme_config) -> dict[str, str]:
    """Every shared chrome file of the site."""
    return {PALETTE_JS: palette_script(theme_dirs), SCOPE_JS: scope_script(theme_dirs), **icon_files(theme_dirs, theme_icons(theme_config))}
