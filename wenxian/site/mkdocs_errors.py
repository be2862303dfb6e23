"""Errors of the archive reported the way MkDocs reports a build error.

A WenxianError (bad input, named with its file) raised from a hook would reach the reader of
`mkdocs build` as a Python traceback; raised as mkdocs' PluginError, MkDocs prints
`ERROR - path: problem` and stops the build ("Aborted with a BuildError!").
"""
from __future__ import annotations

import functools

from mkdocs.exceptions import PluginError

from ..errors import WenxianError


def reported(event):
    """Decorator for a hook's event function: WenxianError becomes PluginError (same message)."""
    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except WenxianError as exc:
            raise PluginError(str(exc)) from None
    return wrapper
