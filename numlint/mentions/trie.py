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
from functools import cache, lru_cache

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


SPACES = frozenset(" \u00a0\u202f\u2009")
"""The spaces a space of a form matches (any width, never a line break)."""
APOSTROPHES = frozenset("'’ʼ")
_SPACE_KEY = " "
_APOSTROPHE_KEY = "'"
_FORM_END = ""


def _key(ch: str) -> str:
    if ch in SPACES:
        return _SPACE_KEY
    if ch in APOSTROPHES:
        return _APOSTROPHE_KEY
    low = ch.lower()
    return low if len(low) == 1 else ch


_TO_KEYS = str.maketrans(
    {**{ch: _SPACE_KEY for ch in SPACES}, **{ch: _APOSTROPHE_KEY for ch in APOSTROPHES}}
)


def form_keys(form: str) -> str:
    """The keys of ``form``'s characters (:func:`_key`), a run of spaces as one space."""
    keyed = form.translate(_TO_KEYS)
    while "  " in keyed:
        keyed = keyed.replace("  ", " ")
    lowered = keyed.lower()
    if len(lowered) != len(keyed) or "Σ" in keyed:  # str.lower is not char by char there
        lowered = "".join(_key(ch) for ch in keyed)
    return lowered


class FormSet:
    """Word lists looked up by walking a trie of characters, not compiled into a pattern.

    Hundreds of CLDR names make a pattern that the ``regex`` module takes a second to
    parse; a walk over a dictionary trie costs nothing to build and reads a name in a
    few microseconds. It matches as :func:`trie_pattern` does inside ``(?i:…)``: any
    case (by ``str.lower``), a space of a form as one or two spaces of any width (or as
    many as there are, ``spaces=None``), an apostrophe as any apostrophe; candidates come
    longest first, the order in which the trie-shaped pattern tries them.
    """

    __slots__ = ("_opens", "_root", "first_keys")

    def __init__(self, forms: Iterable[str]) -> None:
        root: dict[str, dict] = {}
        for form in forms:
            node = root
            for key in form_keys(form):
                child = node.get(key)
                if child is None:
                    child = node[key] = {}
                node = child
            node[_FORM_END] = {}
        self._root = root
        self._opens: dict[str, bool] = {}
        """Whether a form starts with a character, by character (filled as texts come)."""
        self.first_keys = frozenset(k for k in root if k != _FORM_END)
        """The keys a form may start with (a cheap test before a walk)."""

    def may_start(self, ch: str) -> bool:
        """Whether a form starts with ``ch`` (a dictionary look-up, no walk)."""
        opens = self._opens.get(ch)
        if opens is None:
            opens = self._opens[ch] = _key(ch) in self._root
        return opens

    def ends(self, text: str, start: int, end: int | None = None,
             spaces: int | None = 2) -> list[int]:
        """Where the forms written at ``start`` end, longest first (none: empty list)."""
        stop = len(text) if end is None else end
        node = self._root
        found: list[int] = []
        i = start
        while i < stop:
            ch = text[i]
            if ch in SPACES:
                child = node.get(_SPACE_KEY)
                if child is None:
                    break
                run = i + 1
                while run < stop and text[run] in SPACES:
                    run += 1
                if spaces is not None and run - i > spaces:
                    break  # more spaces than a space of a form matches
                i = run
            else:
                child = node.get(ch)  # most characters are their own key
                if child is None:
                    key = _key(ch)
                    if key == ch or (child := node.get(key)) is None:
                        break
                i += 1
            node = child
            if _FORM_END in node:
                found.append(i)
        found.reverse()
        return found

    def match_letter_end(self, text: str, start: int, end: int | None = None) -> int | None:
        """The end of the longest form at ``start`` not followed by a letter, or None:
        ``(?i:forms)(?!\\p{L})``."""
        stop = len(text) if end is None else end
        if start >= stop or not self.may_start(text[start]):  # most places: no walk
            return None
        for found in self.ends(text, start, stop):
            if found >= stop or not text[found].isalpha():
                return found
        return None


@lru_cache(maxsize=8)
def lowered_names(names: tuple[str, ...]) -> FormSet:
    """The :class:`FormSet` of ``names`` lower-cased, built once for the scanner's tail and
    the currency context, which both look the currency names up (a few milliseconds of
    every start)."""
    return FormSet(name.lower() for name in names)
