"""MkDocs hook (on_env): template filters for the script twins (used by overrides/)."""
from __future__ import annotations

from wenxian.site import twins, urls


def on_env(env, config, files):
    env.filters["wx_hant"] = lambda text: twins.convert(str(text), "hant")
    env.filters["wx_twin"] = urls.twin
    env.filters["wx_script"] = urls.script_of
    return env
