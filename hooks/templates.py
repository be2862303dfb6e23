"""MkDocs hook (on_env): template filters for the script twins and the shared chrome (used by overrides/)."""
from __future__ import annotations

from markupsafe import Markup

from wenxian.site import chrome, twins, urls


def on_env(env, config, files):
    env.filters["wx_hant"] = lambda text: twins.convert(str(text), "hant")
    env.filters["wx_twin"] = urls.twin
    env.filters["wx_script"] = urls.script_of
    env.filters["wx_icon"] = chrome.icon_class
    env.filters["wx_config"] = lambda base, *a: Markup(chrome.config_json(str(base), *a))
    return env
