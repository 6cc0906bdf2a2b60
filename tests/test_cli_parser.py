"""A command's own parser (what ``main`` builds for ``numlint check …``) parses and
explains the command exactly as the whole command line does."""

from __future__ import annotations

import contextlib
import io

import pytest

from numlint.cli.errors import UsageError
from numlint.cli.parser import _COMMANDS, build_parser

ARGVS = [
    ["check", "a.md"],
    ["check", "--output-format", "json", "--lang", "en", "--select", "NL1,NL2", "-q", "."],
    ["check", "--date", "2025-02-11", "--fix", "--unsafe-fixes", "--ignore", "NL101", "-"],
    ["check", "--no-respect-gitignore", "--stdin-filename", "x.md", "--fail-on", "error"],
    ["explain", "NL101", "--output-format", "json"],
    ["rules", "--lang", "en"],
    ["rates", "--rates", "r.csv"],
    ["audit", "--help"],
    ["check", "--help"],
    ["check", "--date", "2025-02-30"],
    ["check", "--output-format", "xml"],
    ["check", "--bogus"],
    ["rules", "extra"],
]


def _outcome(lang: str, argv: list[str], command: str | None) -> tuple[str, str]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            parsed = build_parser(lang, command).parse_args(argv)
    except SystemExit as exit_:
        return f"exit {exit_.code}", out.getvalue()
    except UsageError as error:
        return "usage error", error.localized(lang)
    return "parsed", repr(sorted(vars(parsed).items()))


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_a_command_alone_parses_as_the_whole_command_line(lang: str, argv: list[str]) -> None:
    assert argv[0] in _COMMANDS
    alone = _outcome(lang, argv, argv[0])
    assert alone == _outcome(lang, argv, None)
    assert alone[1]


def test_the_whole_command_line_lists_every_command() -> None:
    for word in ("", "--help", "bogus"):
        parser = build_parser("en", word or None)
        assert set(parser._subparsers._group_actions[0].choices) == set(_COMMANDS)  # type: ignore[union-attr]
