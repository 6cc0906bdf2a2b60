"""``numlint check``: read every input, check it, then fix, diff or report.

Everything is read and checked before anything is written. A path that does not
exist, a broken configuration or rates file stops the run with status 2, no file
changed and nothing printed on stdout. A file that cannot be read (not UTF-8, not a
regular file, too large, permission denied) does not stop the others: it is reported as
its own ``NL902`` (io-error) diagnostic, the rest are checked, and the status is 2.
"""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ..config import Config, ConfigError
from ..diagnostics import SEVERITIES, Diagnostic
from ..i18n import DEFAULT_LANGUAGE, N_, plural, render, translate
from ..pipeline import check, user_rates
from ..reports import FileReport, Options, Report, open_writer, write_report
from ..rules.registry import LoadError, Registry, installed_rules
from .diff import unified_diff
from .errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, InputError, UsageError, os_reason
from .files import STDIN, Target, collect
from .inputs import Text, check_writable, read_target
from .progress import Progress
from .rules import load_error_reason
from .settings import Settings, overrides_from
from .terminal import excerpt_width, use_color
from .writes import Pending, WriteOutcome, report_writes, write_all

if TYPE_CHECKING:
    from ..verification import Verification


class Streams:
    # plain classes rather than dataclasses: each of those costs a start about a millisecond
    __slots__ = ("err", "out", "stdin")

    def __init__(self, out: TextIO, err: TextIO, stdin: BinaryIO | None) -> None:
        self.out, self.err, self.stdin = out, err, stdin


class Checked:
    """One input after checking (and fixing, when asked)."""

    __slots__ = ("applied", "config", "diagnostics", "original", "target", "text",
                 "unreadable", "verification")

    def __init__(self, target: Target, config: Config, original: Text, text: str,
                 diagnostics: tuple[Diagnostic, ...], applied: int = 0,
                 unreadable: bool = False, verification: Verification | None = None) -> None:
        self.target, self.config, self.original = target, config, original
        self.text = text
        """The text the diagnostics refer to: fixed, when fixes were applied."""
        self.diagnostics, self.applied = diagnostics, applied
        self.unreadable, self.verification = unreadable, verification

    @property
    def changed(self) -> bool:
        return self.text != self.original.content

    def fails(self) -> bool:
        threshold = SEVERITIES.index(self.config.fail_on)
        return any(SEVERITIES.index(d.severity) >= threshold for d in self.diagnostics)


def run(args: argparse.Namespace, streams: Streams) -> int:
    registry = installed_rules()
    _validate_options(args)
    paths = list(args.paths) or ([STDIN] if args.stdin_filename else ["."])
    settings = Settings(overrides_from(args, registry), registry, args.config,
                        args.stdin_filename)
    targets = collect(paths, stdin_filename=args.stdin_filename, format_in=args.format_in,
                      selection_for=settings.selection_for,
                      respect_gitignore=args.respect_gitignore)
    configs = [settings.config_for(target) for target in targets]
    _check_rates_files(configs)
    fixing = args.fix or args.diff
    if not (fixing or args.verified):
        return _check_and_report(targets, configs, registry, args, streams)
    checked = _check_all(targets, configs, args, streams, fixing)
    # after the checks (an error stays the only line on stderr), and even with --quiet:
    # a plugin that was not loaded, or pushed out another rule, changes what is checked
    _warn_load_errors(registry, streams.err, report_language(args, checked))
    if args.diff:
        return _print_diffs(checked, args, streams)
    writes = _write_fixes(checked, streams) if args.fix else WriteOutcome()
    status = _report(checked, registry, args, streams, writes)
    report_writes(writes, streams.err, report_language(args, checked))
    if writes.interrupted:
        raise KeyboardInterrupt
    failed = any(item.unreadable for item in checked) or not writes.complete
    return EXIT_ERROR if failed else status


def _validate_options(args: argparse.Namespace) -> None:
    if args.statistics and args.output_format not in ("text", "json"):
        raise UsageError(N_("check: --statistics works with --output-format text or json"))
    if args.verified and (args.fix or args.diff or args.statistics
                          or args.output_format not in ("text", "json")):
        raise UsageError(N_("check: --verified works with --output-format text or json, "
                            "without --fix, --diff or --statistics"))
    if args.stdin_filename and args.paths and STDIN not in args.paths:
        raise UsageError(N_("check: --stdin-filename names standard input: add '-' to the "
                            "paths"))


def _warn_load_errors(registry: Registry, err: TextIO, lang: str) -> None:
    for error in load_errors(registry):
        err.write("numlint: warning: " + render(
            N_("rule plugin {entry_point} was not loaded: {reason}"),
            {"entry_point": error.entry_point, "reason": load_error_reason(error, lang)},
            lang) + "\n")


def load_errors(registry: Registry) -> list[LoadError]:
    """The plugins the registry could not use, each once: ``registry.errors``, and what a
    ``load_errors()`` method reports if the registry has one (clashes, say)."""
    found: list[LoadError] = list(getattr(registry, "errors", ()))
    more = getattr(registry, "load_errors", None)
    for error in more() if callable(more) else ():
        if error not in found:
            found.append(error)
    return found


def _check_rates_files(configs: Sequence[Config]) -> None:
    """Load each rates file in use now, so that a bad one stops the run before any output."""
    for path in sorted({config.rates for config in configs if config.rates}):
        _require_regular_file(path)
        user_rates(path)  # ConfigError: reported by main() with status 2


def _require_regular_file(path: str) -> None:
    """A rates file that is a FIFO or a device would block or never end: refuse it."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise ConfigError(N_("rates file {path}: cannot be read: {reason}"),
                          {"path": path, "reason": os_reason(error)}) from None
    if not stat.S_ISREG(mode):
        raise ConfigError(N_("rates file {path}: not a regular file"), {"path": path})


def _check_all(targets: Sequence[Target], configs: Sequence[Config],
               args: argparse.Namespace, streams: Streams, fixing: bool) -> list[Checked]:
    progress = Progress(streams.err, len(targets))
    if args.quiet:
        progress.active = False
    checked = []
    try:
        for done, (target, config) in enumerate(zip(targets, configs, strict=True)):
            progress.update(done + 1, target.display)
            checked.append(_check_one(target, config, args, streams.stdin, fixing))
    finally:
        progress.close()
    return checked


def _check_and_report(targets: Sequence[Target], configs: Sequence[Config],
                      registry: Registry, args: argparse.Namespace, streams: Streams) -> int:
    """Check and report file by file: each file's findings are written (or counted) and
    let go before the next file is read, so a run over many files holds one at a time."""
    lang = str(args.lang) if getattr(args, "lang", None) else (
        configs[0].lang if configs else DEFAULT_LANGUAGE)
    writer = open_writer(args.output_format, streams.out, _options(args, streams.out, lang),
                         registry.rules)
    progress = Progress(streams.err, len(targets))
    if args.quiet:
        progress.active = False
    fails = unreadable = False
    try:
        for done, (target, config) in enumerate(zip(targets, configs, strict=True)):
            progress.update(done + 1, target.display)
            item = _check_one(target, config, args, streams.stdin, fixing=False)
            fails |= item.fails()
            unreadable |= item.unreadable
            if item.diagnostics:
                progress.close()  # the progress line is not left inside a finding
            writer.add(FileReport(item.target.display, item.text, item.diagnostics))
            del item
    finally:
        progress.close()
    _warn_load_errors(registry, streams.err, lang)
    writer.close()
    if unreadable:
        return EXIT_ERROR
    return EXIT_FINDINGS if fails else EXIT_CLEAN


def _options(args: argparse.Namespace, stream: TextIO, lang: str) -> Options:
    return Options(
        color=args.output_format == "text" and use_color(stream),
        quiet=args.quiet,
        statistics=args.statistics,
        width=excerpt_width(stream),
        lang=lang,
    )


def _check_one(target: Target, config: Config, args: argparse.Namespace,
               stdin: BinaryIO | None, fixing: bool) -> Checked:
    try:
        original = read_target(target, stdin)
    except InputError as error:
        return Checked(target, config, Text(""), "",
                       (io_error(error.localized(config.lang), target),), unreadable=True)

    def run_check(text: str) -> list[Diagnostic]:
        return check(text, format=target.format, date=args.date, config=config)

    if args.verified:
        from ..verification import verify  # only with --verified: not on every start

        verification = verify(original.content, format=target.format, date=args.date,
                              config=config)
        return Checked(target, config, original, original.content,
                       tuple(verification.diagnostics), verification=verification)
    if not fixing:
        diagnostics = run_check(original.content)
        return Checked(target, config, original, original.content, tuple(diagnostics))
    from .fixes import fix_text  # only with --fix

    fixed = fix_text(original.content, run_check, unsafe=args.unsafe_fixes)
    return Checked(target, config, original, fixed.text, tuple(fixed.diagnostics),
                   fixed.applied)


IO_ERROR_CODE = "NL902"
IO_ERROR_NAME = "io-error"


def io_error(message: str, target: Target) -> Diagnostic:
    """A file that could not be read, reported at its top like ruff's E902."""
    reason = message
    for prefix in (f"{target.display}: ", f"{target.display} : "):  # English, French
        if message.startswith(prefix):
            reason = message[len(prefix):]
    return Diagnostic(code=IO_ERROR_CODE, name=IO_ERROR_NAME, severity="error",
                      message=reason, start=0, end=0, line=1, column=1, end_line=1,
                      end_column=1)


def _print_diffs(checked: Sequence[Checked], args: argparse.Namespace,
                 streams: Streams) -> int:
    changed = [item for item in checked if item.changed]
    for item in changed:
        streams.out.write(unified_diff(item.original.content, item.text, item.target.display))
    if not args.quiet:
        fixes = sum(item.applied for item in changed)
        files = len(changed)
        lang = report_language(args, checked)
        streams.err.write(render(N_("{fixes} to {files}"), {
            "fixes": plural(fixes, (N_("{n} fix would be applied"),
                                    N_("{n} fixes would be applied")), lang),
            "files": plural(files, (N_("{n} file"), N_("{n} files")), lang)}, lang)
            if files else translate(N_("No fixes to apply"), lang))
        streams.err.write("\n")
    return EXIT_FINDINGS if changed else EXIT_CLEAN


def _write_fixes(checked: Sequence[Checked], streams: Streams) -> WriteOutcome:
    changed = [item for item in checked if item.changed and item.target.path is not None]
    for item in changed:
        check_writable(item.target.path, item.target.display)  # type: ignore[arg-type]
    outcome = write_all([
        Pending(item.target.path, item.target.display,  # type: ignore[arg-type]
                Text(item.text, item.original.bom), item.original.digest)
        for item in changed
    ])
    for item in checked:
        if item.target.path is None:  # standard input: the fixed text goes to stdout
            streams.out.write(item.text)
            streams.out.flush()
    return outcome


def report_language(args: argparse.Namespace, checked: Sequence[Checked]) -> str:
    """The language of the run's own words: ``--lang``, else the first file's configuration
    (each finding's message is in its own file's)."""
    if getattr(args, "lang", None):
        return str(args.lang)
    return checked[0].config.lang if checked else DEFAULT_LANGUAGE


def _report(checked: Sequence[Checked], registry: Registry, args: argparse.Namespace,
            streams: Streams, writes: WriteOutcome) -> int:
    unwritten = set(writes.not_written)
    report = Report(
        files=tuple(
            FileReport(item.target.display, item.text, item.diagnostics, item.applied,
                       written=item.target.display not in unwritten)
            for item in checked
        ),
        rules=registry.rules,
        fixing=bool(args.fix),
        unsafe_fixes=bool(args.unsafe_fixes),
    )
    stdin_fixed = args.fix and any(item.target.path is None for item in checked)
    stream = streams.err if stdin_fixed else streams.out
    options = _options(args, stream, report_language(args, checked))
    if args.verified:
        verifications = [item.verification for item in checked if item.verification]
        lang = options.lang
        from .verified import write_verified

        write_verified(report, verifications, args.output_format, stream, options, lang)
    else:
        write_report(report, args.output_format, stream, options)
    return EXIT_FINDINGS if any(item.fails() for item in checked) else EXIT_CLEAN
