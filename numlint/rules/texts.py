"""A rule's summary and explanation in the reader's language.

The English texts are the rule's ``summary`` and ``explanation``. The French texts of
numlint's own rules are pages of ``numlint/locale/fr/rules/CODE.md``: a first line
``summary: …``, a blank line, then the explanation in Markdown (what it does, why it
matters, example), as the English one is written. A plugin gives its own French texts as
class attributes ``summary_fr`` and ``explanation_fr``. A text that has no French version
is shown in English.
"""

from __future__ import annotations

from functools import cache

from ..i18n import DEFAULT_LANGUAGE
from .api import Rule

_SUMMARY = "summary:"


def summary(rule: type[Rule], lang: str = DEFAULT_LANGUAGE) -> str:
    """The one-line summary of ``rule`` in ``lang`` (English when it has none in ``lang``)."""
    return _translated(rule, lang)[0] or rule.summary


def explanation(rule: type[Rule], lang: str = DEFAULT_LANGUAGE) -> str:
    """The explanation of ``rule`` in ``lang`` (English when it has none in ``lang``)."""
    return _translated(rule, lang)[1] or rule.explanation


def has_translation(rule: type[Rule], lang: str) -> bool:
    """Whether both texts of ``rule`` exist in ``lang`` (English always does)."""
    found = _translated(rule, lang)
    return lang == "en" or bool(found[0] and found[1])


def _translated(rule: type[Rule], lang: str) -> tuple[str, str]:
    if lang == "en":
        return rule.summary, rule.explanation
    own = (getattr(rule, f"summary_{lang}", ""), getattr(rule, f"explanation_{lang}", ""))
    if own[0] or own[1]:
        return str(own[0] or ""), str(own[1] or "")
    if rule.__module__.startswith("numlint."):
        return page(rule.code, lang)
    return "", ""


@cache
def page(code: str, lang: str) -> tuple[str, str]:
    """The (summary, explanation) of the packaged page of ``code`` in ``lang``, or empty."""
    from importlib import resources  # on first use: ~10 ms that a check does not need

    path = resources.files("numlint").joinpath(f"locale/{lang}/rules/{code}.md")
    if not path.is_file():
        return "", ""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    if not first.startswith(_SUMMARY):
        return "", text.strip() + "\n"
    return first[len(_SUMMARY):].strip(), rest.strip() + "\n"
