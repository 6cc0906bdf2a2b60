"""The language of the command's own words, known before its command line is parsed.

``--help``, argparse's usage errors and the options' help are written while parsing, so
the language cannot come from the parsed options: it is read from the words themselves
(``--lang``), else from the configuration the command would use (``--config FILE``, else
the one found from the working folder), else French. A configuration that cannot be read
here is passed over: its error is reported, in that fallback language, when it is loaded
for real.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..i18n import DEFAULT_LANGUAGE, LANGUAGES


def startup_language(words: Sequence[str], cwd: Path | None = None) -> str:
    """``--lang`` when given and known, else the configuration's ``lang``, else French."""
    asked = option_value(words, "--lang")
    if asked in LANGUAGES:
        return asked
    return configured_language(option_value(words, "--config"), cwd) or DEFAULT_LANGUAGE


def command_language(args: object) -> str:
    """The language of a parsed command: its ``--lang``, else the one it started in."""
    return (getattr(args, "lang", None) or getattr(args, "startup_lang", None)
            or DEFAULT_LANGUAGE)


def option_value(words: Sequence[str], option: str) -> str | None:
    """The value of the last ``option VALUE`` or ``option=VALUE`` before ``--``."""
    value = None
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == option and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith(option + "="):
            value = word.partition("=")[2]
    return value


def configured_language(forced: str | None, cwd: Path | None = None) -> str | None:
    """The ``lang`` of the configuration file ``forced``, else of the one that applies in
    ``cwd``; None when there is none, it says nothing or it cannot be read."""
    from ..config_files import PYPROJECT_TOML, ConfigFinder

    try:
        path = Path(forced) if forced else ConfigFinder().find(cwd or Path.cwd())
        if path is None:
            return None
        import tomllib  # only when there is a file to read

        data: Any = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):  # ConfigError is a ValueError too
        return None
    if path.name == PYPROJECT_TOML:
        tool = data.get("tool")
        data = tool.get("numlint") if isinstance(tool, Mapping) else None
    lang = data.get("lang") if isinstance(data, Mapping) else None
    return lang if lang in LANGUAGES else None
