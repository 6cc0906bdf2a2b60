"""Count and show what numlint reports on the shared corpus of real French text.

    python benchmarks/corpus_findings.py            # counts per rule and per MB
    python benchmarks/corpus_findings.py --show     # and every finding, in context

The corpus (``../shared/corpus/*.jsonl``, or ``$NUMLINT_SHARED/corpus``) is public text
nobody labelled: every finding is a candidate false positive, to be read.
"""

from __future__ import annotations

import argparse
import collections
import sys

from corpus import corpus_folder, load_documents

import numlint


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding in context")
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--all", action="store_true",
                        help="also run the rules that are off by default")
    args = parser.parse_args()
    documents = load_documents()
    if not documents:
        print(f"no corpus under {corpus_folder()}: nothing to count", file=sys.stderr)
        return 0
    counts: collections.Counter[str] = collections.Counter()
    size = 0
    for document in documents:
        text = document.text
        size += document.nbytes
        date = document.date
        config = {"select": ["NL"]} if args.all else None
        for d in numlint.check(text, format="text", date=date, lang=args.lang, config=config):
            counts[f"{d.code} {d.name}"] += 1
            if args.show:
                context = text[max(0, d.start - 120) : d.end + 60].replace("\n", " ")
                print(f"{document.id}:{d.line}:{d.column}: {d.code} {d.message}")
                print(f"    …{context}…\n")
    megabytes = size / 1_000_000
    print(f"{len(documents)} documents, {megabytes:.2f} MB")
    for code, count in sorted(counts.items()):
        print(f"  {code:32} {count:5d}  {count / megabytes:6.2f} per MB")
    total = sum(counts.values())
    print(f"  {'total':32} {total:5d}  {total / megabytes:6.2f} per MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
