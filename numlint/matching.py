"""Anchored matches that cost what they read, not what follows.

``regex`` checks, before trying a pattern at a position, that a string the pattern requires
occurs somewhere after it, and that check reads up to the end of the text. A
``pattern.match(text, pos)`` called once per figure therefore makes a scan quadratic when
the required string never comes (``"45 % pour, " * n``: 1.2 ms per call at 700 kB).
:func:`match_at` matches within a window after ``pos`` instead, and falls back to the
whole text whenever the window could have changed the answer: a partial match (the
pattern still wanted more text at the window's end) or a match ending so near the window's
end that a lookahead may have seen the cut. The result is the one ``pattern.match`` gives.
"""

from __future__ import annotations

import regex

WINDOW = 512
"""Characters a match may read past ``pos`` before the fall-back to the whole text."""
LOOKAHEAD_MARGIN = WINDOW // 2
"""A match ending this near the window's end is redone on the whole text (a lookahead
such as ``(?![\\p{L}])`` succeeds at the cut whatever the text says beyond it, and an
optional tail cut short leaves a shorter complete match, not a partial one)."""


def match_at(
    pattern: regex.Pattern[str],
    text: str,
    pos: int,
    *,
    window: int = WINDOW,
    margin: int = LOOKAHEAD_MARGIN,
    timeout: float | None = None,
) -> regex.Match[str] | None:
    """``pattern.match(text, pos)``, reading only what the match needs."""
    endpos = pos + window
    if endpos >= len(text):
        return pattern.match(text, pos, timeout=timeout)
    found = pattern.match(text, pos, endpos, partial=True, timeout=timeout)
    if found is not None and (found.partial or found.end() + margin > endpos):
        return pattern.match(text, pos, timeout=timeout)
    return found


class LazyPattern:
    """A ``regex`` pattern compiled on first use, then used directly.

    ``regex`` compiles in pure Python (a few milliseconds a pattern): the dozens of module
    patterns of the relation and rule stages would cost every start a tenth of a second,
    though checking a short text uses a third of them. An attribute read the first time
    (``match``, ``finditer``, ``groupindex``…) compiles the pattern and is then kept on the
    instance, so later reads cost what they cost on the pattern itself.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    @property
    def compiled(self) -> regex.Pattern[str]:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = regex.compile(self._source, self._flags)
            self.__dict__["_compiled"] = compiled
        return compiled

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r}, {self._flags!r})"


def lazy_pattern(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A pattern compiled the first time it is used (see :class:`LazyPattern`)."""
    return LazyPattern(source, flags)  # type: ignore[return-value]


def folded(text: str) -> str:
    """``text`` lower-cased so that whatever a case-blind ``regex`` pattern matches as an
    ASCII letter shows here as that letter: ``str.lower`` turns ``İ`` into ``i̇`` and keeps
    ``ſ``, which ``(?i)`` matches as ``i`` and ``s``. ``stem in folded(window)`` is then a
    cheap test that a pattern needing ``stem`` may match in ``window`` (false only when it
    cannot)."""
    lowered = text.lower()
    if "ſ" in lowered or "\u0307" in lowered:
        lowered = lowered.replace("ſ", "s").replace("i\u0307", "i")
    return lowered
