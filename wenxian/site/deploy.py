"""The public address of the site (`site_url`) for a deployment, and the guard against
publishing the placeholder.

`site_url` is written into permanent links, citations, the feed, the exports and sitemap.xml,
so a site published under the wrong address cites itself wrongly in every article. mkdocs.yml
ships a placeholder (PLACEHOLDER); a deployment gives the real address through the environment
(`WENXIAN_SITE_URL`, which the Pages workflow takes from `actions/configure-pages`' `base_url`
output) or by editing mkdocs.yml. In deploy mode (`WENXIAN_DEPLOY=1`, set by the Pages workflow;
any other CI that publishes sets it too) a build whose address is still the placeholder, missing
or not an absolute http(s) URL fails before anything is written. `mkdocs serve` replaces
`site_url` with the local address itself, so none of this applies to it.
"""
from __future__ import annotations

import os
from typing import Mapping
from urllib.parse import urlsplit

from ..errors import WenxianError

PLACEHOLDER = "https://wenxian.example.org/"
ENV_URL = "WENXIAN_SITE_URL"
ENV_DEPLOY = "WENXIAN_DEPLOY"


def _normal(url: str) -> str:
    return url.strip().rstrip("/") + "/" if url and url.strip() else ""


def deploy_mode(environ: Mapping = os.environ) -> bool:
    return environ.get(ENV_DEPLOY, "").strip().lower() not in ("", "0", "false", "no")


def site_url(configured: str | None, environ: Mapping = os.environ) -> str:
    """The site's address for this build: `WENXIAN_SITE_URL` when set, else mkdocs.yml's; in
    deploy mode a missing, placeholder or non-absolute address raises WenxianError."""
    given = _normal(environ.get(ENV_URL, ""))
    if given and (urlsplit(given).scheme not in ("http", "https") or any(c.isspace() for c in given.strip())):
        raise WenxianError("mkdocs.yml", f"{ENV_URL} must be an absolute http(s) address, not {given!r}")
    url = given or _normal(configured or "")
    if deploy_mode(environ):
        parts = urlsplit(url)
        if not url or url == PLACEHOLDER or parts.scheme not in ("http", "https") or not parts.netloc:
            shown = url or "(none)"
            raise WenxianError("mkdocs.yml", f"site_url is {shown}: a deployment ({ENV_DEPLOY}=1) needs the site's public "
                               f"address, in {ENV_URL} (the Pages workflow takes it from actions/configure-pages) "
                               f"or as site_url in mkdocs.yml (README, \"Deploying\")")
    return url


def apply(config, environ: Mapping = os.environ):
    """on_config: set config.site_url for this build (see site_url)."""
    url = site_url(config.get("site_url"), environ)
    if url:
        config["site_url"] = url
    return config
