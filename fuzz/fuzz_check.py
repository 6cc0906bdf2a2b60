"""Coverage-guided fuzzing of numlint's parser and rules with atheris.

    python fuzz/fuzz_check.py -atheris_runs=20000          # a short run (what CI does)
    python fuzz/fuzz_check.py -max_total_time=3600 corpus/ # an hour, keeping a corpus

Any exception out of ``numlint.mentions`` or ``numlint.check`` (text, Markdown or HTML),
a span outside the text, or an NL000 diagnostic (``check()`` turns a failing rule or
stage into one rather than raising) is a crash: atheris stops and writes the input to
``crash-<hash>``; replay it with ``python fuzz/fuzz_check.py crash-<hash>``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["numlint"]):
    import numlint
    import numlint.pipeline
    import numlint.sources
    from numlint.rules.registry import installed_rules

    installed_rules()  # imports every rule module now, so that it is instrumented

FORMATS = ("text", "markdown", "html")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    fmt = FORMATS[provider.ConsumeIntInRange(0, len(FORMATS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    for mention in numlint.mentions(text):
        if not (0 <= mention.start <= mention.end <= len(text)):
            raise AssertionError(f"mention span {mention.span} outside the text")
        if text[mention.start : mention.end] != mention.text:
            raise AssertionError(f"mention text {mention.text!r} is not its span")
    for diagnostic in numlint.check(text, format=fmt):
        if not (0 <= diagnostic.start <= diagnostic.end <= len(text)):
            raise AssertionError(f"diagnostic span {diagnostic.start}-{diagnostic.end}")
        if diagnostic.code == "NL000":
            raise AssertionError(f"internal failure: {diagnostic.message}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
