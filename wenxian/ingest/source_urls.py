"""Source URLs in their canonical short form, without the parameters that identify a sharer.

Why: links copied from a phone carry the sharer's and reader's ids, session keys and client
versions (WeChat `chksm`, `scene`, `sharer_*`, `pass_ticket`…, `utm_*` elsewhere). The archive
publishes `source_url`, so `wenxian add --url` stores it only after this normalisation. What
identifies the article (WeChat `__biz`, `mid`, `idx`, `sn`; the `/s/<token>` short form) is kept.
The rules are data: wenxian/data/url_tracking.yml. Query pieces are kept byte-for-byte (never
decoded and re-encoded), so a kept parameter is exactly what the site issued.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

from .. import datafiles


class UrlError(ValueError):
    """The text given as a source URL is not an absolute http(s) URL."""


@dataclass(frozen=True)
class Normalised:
    url: str
    dropped: tuple[str, ...]  # names of removed query parameters, in their original order
    fragment_dropped: bool


@lru_cache(maxsize=None)
def _rules() -> dict:
    return datafiles.load("url_tracking.yml")


def host_rule(host: str, rules: dict | None = None) -> dict:
    """The rule of the host or of its nearest parent domain listed in the data ({} if none)."""
    hosts = (rules or _rules())["hosts"]
    labels = host.split(".")
    for i in range(len(labels) - 1):
        rule = hosts.get(".".join(labels[i:]))
        if rule is not None:
            return rule
    return {}


def _is_tracking(name: str, rule: dict, everywhere: dict) -> bool:
    if "keep" in rule:
        return name not in {k.lower() for k in rule["keep"]}
    if name in {d.lower() for d in rule.get("drop", [])}:
        return True
    if name in {d.lower() for d in everywhere.get("drop", [])}:
        return True
    return any(name.startswith(p.lower()) for p in everywhere.get("drop_prefixes", []))


def normalise(url: str, rules: dict | None = None) -> Normalised:
    """Canonical form of `url` per the rules; raises UrlError if it is not an http(s) URL."""
    rules = rules or _rules()
    try:  # urlsplit and .port raise ValueError on `http://[x`, a port like 99999 or `:abc`
        parts = urlsplit(url.strip())
        parts.port
    except ValueError as exc:
        raise UrlError(f"{url.strip()!r} is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise UrlError(f"{url.strip()!r} is not an http(s) URL")
    host = parts.hostname.lower()
    rule = host_rule(host, rules)
    if rule.get("https"):
        scheme = "https"
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    pieces = [p for p in parts.query.replace("&amp;", "&").split("&") if p]
    kept, dropped = [], []
    for piece in pieces:
        name = unquote(piece.split("=", 1)[0])
        if _is_tracking(name.lower(), rule, rules["everywhere"]):
            dropped.append(name)
        else:
            kept.append((name, piece))
    if "keep" in rule:  # canonical order of the allow-list
        order = [k.lower() for k in rule["keep"]]
        kept.sort(key=lambda kp: order.index(kp[0].lower()))
    fragment = parts.fragment if rule.get("keep_fragment") else ""
    clean = urlunsplit((scheme, netloc, parts.path or "/", "&".join(p for _, p in kept), fragment))
    return Normalised(clean, tuple(dropped), bool(parts.fragment) and not fragment)
