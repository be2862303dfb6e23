"""MkDocs hook: clear the previous build's output in the background instead of before the build.

Thin adapter for wenxian.site.old_output (why and how: its docstring); the pages an incremental
build keeps are moved aside first (wenxian.site.incremental).
"""
from __future__ import annotations

from wenxian.site import old_output, state


def on_pre_build(config):
    state.for_build(config).incremental.begin()  # unchanged pages kept aside (wenxian.site.incremental)
    old_output.move_aside(config)


def on_post_build(config):
    old_output.wait(config)


def on_build_error(error, **kwargs):
    old_output.wait_after_error()
    state.abandon_incremental()
