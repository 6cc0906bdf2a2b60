"""Peak memory of ``numlint.check()`` on HTML and on the same prose as plain text.

    python benchmarks/check_memory.py               # 1 MB each
    python benchmarks/check_memory.py --mb 10       # issue 11's size (slow)

Each measure is a fresh process; its peak resident set size (``os.wait4``'s
``ru_maxrss``) is compared with a process that only imports numlint, measured in the
same run. The HTML is the example article's ``<article>`` repeated in one page (``--source
example``, 13 figures a kB: the figure limit is raised so that it is checked whole), or
the shared corpus of real French text, one ``<article>`` per document (``--source
corpus``, with ``NUMLINT_SHARED`` set); the text is the same prose without markup,
replicated to the same size. Target (issue 11): HTML in line with text,
≤ 100 MB for 10 MB.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from cli_memory import peak_rss  # a fresh process's peak RSS

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "article.html"
IMPORT_ONLY = "import numlint"
CHECK = (
    "import sys, numlint; "
    "numlint.check(open(sys.argv[1], encoding='utf-8').read(), format=sys.argv[2], "
    "config={'max-figures': 10**9, 'max-bytes': 10**9})"
)
TARGET_MB_PER_10MB = 100


def html_page(size: int) -> str:
    page = ARTICLE.read_text(encoding="utf-8")
    body = re.search(r"<article>(.*)</article>", page, re.S)
    assert body, "the example article has an <article>"
    head, tail = page[:body.start(1)], page[body.end(1):]
    block = body.group(1)
    count = max(1, (size - len(head) - len(tail)) // len(block.encode("utf-8")))
    return head + block * count + tail


def plain_text(size: int) -> str:
    from numlint.sources import read_source

    prose = read_source(html_page(20_000), "html").text.strip() + "\n\n"
    return prose * max(1, size // len(prose.encode("utf-8")))


def corpus_texts() -> list[str]:
    from corpus import load_documents

    documents = load_documents()
    if not documents:
        raise SystemExit("no corpus: set NUMLINT_SHARED")
    return [document.text for document in documents]


def replicated(pieces: list[str], size: int, separator: str) -> str:
    out, total, k = [], 0, 0
    while total < size:
        piece = pieces[k % len(pieces)] + separator
        out.append(piece)
        total += len(piece.encode("utf-8"))
        k += 1
    return "".join(out)


def corpus_html(size: int) -> str:
    articles = ["<article>\n" + "".join(f"<p>{html.escape(part)}</p>\n"
                                          for part in text.split("\n") if part.strip())
                + "</article>" for text in corpus_texts()]
    return ("<!DOCTYPE html>\n<html lang=\"fr\"><body>\n" + replicated(articles, size, "\n")
            + "</body></html>\n")


def corpus_text(size: int) -> str:
    return replicated([text.strip() for text in corpus_texts()], size, "\n\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="input size in MB")
    parser.add_argument("--source", choices=("example", "corpus"), default="example")
    parser.add_argument("--formats", default="text,html", help="text, html or both")
    parser.add_argument("--write", help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    if args.write:
        folder = Path(args.write)
        (folder / "page.html").write_text(
            (corpus_html if args.source == "corpus" else html_page)(size), encoding="utf-8")
        (folder / "prose.txt").write_text(
            (corpus_text if args.source == "corpus" else plain_text)(size), encoding="utf-8")
        return 0
    with tempfile.TemporaryDirectory(prefix="numlint-memory-") as folder:
        page, text = Path(folder) / "page.html", Path(folder) / "prose.txt"
        # written by another process: a child's peak counts the pages it shares with this
        # one at fork time, so this one stays small (no corpus, no 10 MB strings)
        subprocess.run([sys.executable, __file__, "--write", folder, "--mb", str(args.mb),
                        "--source", args.source], check=True)
        base, _ = peak_rss([sys.executable, "-c", IMPORT_ONLY])
        rows = [(label, path.stat().st_size,
                 peak_rss([sys.executable, "-c", CHECK, str(path), format]))
                for label, path, format in (("check(), text", text, "text"),
                                            ("check(), HTML", page, "html"))
                if format in args.formats.split(",")]
    bound = TARGET_MB_PER_10MB * 1e6 * args.mb / 10
    print(f"source: {args.source}")
    print(f"baseline (import numlint): {base / 1e6:.0f} MB; target: ≤ {bound / 1e6:.0f} MB "
          f"for {args.mb:g} MB")
    failed = False
    for label, input_bytes, (peak, status) in rows:
        ratio = (peak - base) / input_bytes
        failed |= peak > bound + base
        print(f"  {label:16} {input_bytes / 1e6:5.1f} MB in  {peak / 1e6:7.0f} MB peak "
              f"(exit {status})  {ratio:5.1f} × input above the baseline")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
