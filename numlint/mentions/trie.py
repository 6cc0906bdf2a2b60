"""Word lists compiled as a trie-shaped pattern: ``d(?:eux|ix)`` rather than ``deux|dix``.

A flat alternation of hundreds of currency names is tried name by name at every
position; the trie shape lets the engine reject a position on its first character.

The trie uses no repeat: an optional branch is ``(?:…|)``, not ``(?:…)?``, and a space is
one or two spaces spelled out. The ``regex`` engine resets the state of every repeat of a
pattern at each match attempt, whether the attempt reaches it or not; with a repeat per
node, hundreds of names made every attempt of the scanner cost several microseconds
before reading a character.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

SPACE = r"[\x20\u00a0\u202f\u2009]"
ONE_OR_TWO_SPACES = "(?:" + SPACE + SPACE + "|" + SPACE + ")"
NO_SPACE_TO_TWO = "(?:" + SPACE + SPACE + "|" + SPACE + "|)"
APOSTROPHE = r"['’ʼ]"

_END = ""


def trie_pattern(
    forms: Iterable[str], *, glued_spaces: bool = False, for_re: bool = False
) -> str:
    """A pattern matching any of ``forms`` (longest first at each branch).

    A space in a form matches one or two spaces of any width (or none when
    ``glued_spaces``: ``$ US`` also matches ``$US``); an apostrophe matches ’ too.
    ``for_re``: for the standard ``re`` engine, which has no per-repeat cost, spaces are
    written as a shorter repeat (one or more) and optional branches with ``?``.
    """
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for token in _tokens(form, glued_spaces, for_re):
            node = node.setdefault(token, {})
        node[_END] = {}
    return _emit(root, "?" if for_re else "|") if root else "(?!)"


def _tokens(form: str, glued_spaces: bool, for_re: bool) -> list[str]:
    tokens: list[str] = []
    for ch in form:
        if ch in " \u00a0\u202f\u2009":
            if for_re:
                space = SPACE + ("*" if glued_spaces else "+")
            else:
                space = NO_SPACE_TO_TWO if glued_spaces else ONE_OR_TWO_SPACES
            if not tokens or tokens[-1] != space:
                tokens.append(space)
        elif ch in "'’ʼ":
            tokens.append(APOSTROPHE)
        else:
            tokens.append(_escaped(ch))
    return tokens


@cache
def _escaped(ch: str) -> str:
    return regex.escape(ch)


def _emit(node: dict[str, dict], optional: str) -> str:
    """The pattern of a node; ``optional`` is ``|`` (``(?:…|)``) or ``?`` (``(?:…)?``)."""
    branches = [
        token + _emit(child, optional) for token, child in sorted(node.items()) if token != _END
    ]
    if not branches:
        return ""
    # Longer continuations first, so that the longest form wins.
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return "(?:" + body + ")?" if optional == "?" else "(?:" + body + "|)"
    return body
