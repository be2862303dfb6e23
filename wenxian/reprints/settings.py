"""The settings of reprint detection, read from `wenxian/data/reprints.yml` and checked.

A threshold in a data file is edited by people who will not read this code, so a missing key, a
wrong type or a value out of range is refused when the file is loaded, with a message naming the
file and the key, instead of surfacing later as a wrong grouping.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import WenxianError

DATA_FILE = "wenxian/data/reprints.yml"


class ReprintSettingsError(WenxianError):
    """wenxian/data/reprints.yml is missing a key or holds a value of the wrong kind."""


@dataclass(frozen=True)
class Settings:
    shingle_chars: int
    num_perm: int
    lsh_threshold: float
    minhash_seed: int
    min_sentence_chars: int
    min_shared_sentences: int
    max_sentence_copies: int
    pair_containment: float
    min_shingles: int
    cut_max_foreign: int
    cut_min_extra: int
    mask_chars: str
    credit_line_max_chars: int
    credit_lines: tuple[re.Pattern, ...]
    credit_scan_lines: int
    same_characters: tuple[tuple[str, str], ...] = ()  # (character, the one it is compared as)

    @property
    def credit_line(self) -> re.Pattern:
        """The credit patterns as one alternation (one search per line)."""
        return _joined(self.credit_lines)


# key: (type, lowest, highest)
_NUMBERS = {
    "shingle_chars": (int, 2, 20),
    "num_perm": (int, 16, 1024),
    "lsh_threshold": (float, 0.05, 1.0),
    "minhash_seed": (int, 0, 2**31),
    "min_sentence_chars": (int, 4, 1000),
    "min_shared_sentences": (int, 1, 100),
    "max_sentence_copies": (int, 2, 100000),
    "pair_containment": (float, 0.0, 1.0),
    "min_shingles": (int, 1, 100000),
    "cut_max_foreign": (int, 0, 100000),
    "cut_min_extra": (int, 0, 100000),
    "credit_line_max_chars": (int, 1, 100000),
    "credit_scan_lines": (int, 0, 1000),
}


def parse(data, path: str = DATA_FILE) -> Settings:
    """Settings from the parsed YAML `data`; ReprintSettingsError names `path` and the key."""
    if not isinstance(data, dict):
        raise ReprintSettingsError(path, "expected a mapping of settings")
    values = {}
    for key, (kind, lo, hi) in _NUMBERS.items():
        if key not in data:
            raise ReprintSettingsError(path, f"missing key {key!r}")
        v = data[key]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (kind is int and not isinstance(v, int)):
            raise ReprintSettingsError(path, f"{key}: expected {'an integer' if kind is int else 'a number'}, got {v!r}")
        if not lo <= v <= hi:
            raise ReprintSettingsError(path, f"{key}: {v!r} is outside {lo}..{hi}")
        values[key] = kind(v)
    masks = data.get("mask_chars")
    if not isinstance(masks, str) or not masks or any(c.isalnum() for c in masks):
        raise ReprintSettingsError(path, "mask_chars: expected a string of non-letter characters")
    values["mask_chars"] = masks
    pats = data.get("credit_lines")
    if not isinstance(pats, list) or not all(isinstance(p, str) for p in pats):
        raise ReprintSettingsError(path, "credit_lines: expected a list of regular expressions")
    compiled = []
    for i, p in enumerate(pats):
        try:
            compiled.append(re.compile(p))
        except re.error as e:
            raise ReprintSettingsError(path, f"credit_lines[{i}]: {e}") from None
    values["credit_lines"] = tuple(compiled)
    same = []
    for i, entry in enumerate(data.get("same_characters") or []):
        chars = entry.get("chars") if isinstance(entry, dict) else None
        if not isinstance(chars, str) or len(chars) < 2 or not str(entry.get("reason") or "").strip():
            raise ReprintSettingsError(path, f"same_characters[{i}]: needs `chars` (two or more) and a `reason`")
        same.extend((c, chars[0]) for c in chars[1:])
    values["same_characters"] = tuple(same)
    return Settings(**values)


@lru_cache(maxsize=8)
def _joined(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


@lru_cache(maxsize=1)
def load() -> Settings:
    text = resources.files("wenxian.data").joinpath("reprints.yml").read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ReprintSettingsError(DATA_FILE, f"not valid YAML: {e}") from None
    return parse(data)
