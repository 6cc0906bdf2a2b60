"""The shared corpus of real French text, as the benchmarks read it.

The corpus lives outside the repository, in ``$NUMLINT_SHARED/corpus`` or else in the
``shared/corpus`` folder beside the repository (``../shared/corpus``). Nothing here fails
when it is absent: :func:`load_documents` returns an empty list and the caller says why it
skips. See ``../shared/corpus/README.md`` for what the files hold.
"""

from __future__ import annotations

import datetime
import itertools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


def shared_folder() -> Path:
    """The shared data folder: ``$NUMLINT_SHARED``, else ``shared`` beside the repository."""
    configured = os.environ.get("NUMLINT_SHARED")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[1].parent / "shared"


def corpus_folder() -> Path:
    return shared_folder() / "corpus"


@dataclass(frozen=True)
class CorpusDocument:
    """One document of the corpus: its text and the date it was published."""

    id: str
    file: str
    date: datetime.date | None
    text: str

    @cached_property
    def nbytes(self) -> int:
        """Size in UTF-8 bytes, the unit of every MB/s figure."""
        return len(self.text.encode("utf-8"))


def load_documents(folder: Path | None = None) -> list[CorpusDocument]:
    """Every document of every ``*.jsonl`` file, file by file in name order."""
    folder = corpus_folder() if folder is None else folder
    if not folder.is_dir():
        return []
    documents: list[CorpusDocument] = []
    for path in sorted(folder.glob("*.jsonl")):
        documents.extend(_read_jsonl(path))
    return documents


def _read_jsonl(path: Path) -> list[CorpusDocument]:
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            written = record.get("date")
            documents.append(
                CorpusDocument(
                    id=str(record["id"]),
                    file=path.name,
                    date=datetime.date.fromisoformat(written) if written else None,
                    text=record["text"],
                )
            )
    return documents


def total_bytes(documents: Sequence[CorpusDocument]) -> int:
    return sum(document.nbytes for document in documents)


def joined(documents: Sequence[CorpusDocument]) -> str:
    """The documents as one text, separated by a blank line."""
    return "\n\n".join(document.text for document in documents)


def interleaved(documents: Sequence[CorpusDocument]) -> list[CorpusDocument]:
    """The documents taken from each file in turn, so that any long stretch mixes them all."""
    by_file: dict[str, list[CorpusDocument]] = {}
    for document in documents:
        by_file.setdefault(document.file, []).append(document)
    rounds = itertools.zip_longest(*by_file.values())
    return [document for one in rounds for document in one if document is not None]


def text_of_size(documents: Sequence[CorpusDocument], nbytes: int) -> str:
    """About ``nbytes`` UTF-8 bytes of corpus text: the files interleaved, repeated as needed."""
    return filled(joined(interleaved(documents)), nbytes)


def filled(block: str, nbytes: int) -> str:
    """``block`` repeated (paragraphs apart) and cut to about ``nbytes`` UTF-8 bytes.

    Cut at the last line break when there is one in the last 5 %, so that the text does
    not end inside a figure; else at a character boundary.
    """
    if not block:
        raise ValueError("no text to build an input from")
    copies = -(-nbytes // len(block.encode("utf-8")))
    data = "\n\n".join([block] * copies).encode("utf-8")[:nbytes]
    text = data.decode("utf-8", errors="ignore")
    cut = text.rfind("\n")
    if cut >= len(text) * 0.95:
        text = text[:cut]
    return text


def stratified_sample(
    documents: Sequence[CorpusDocument], every: int
) -> list[CorpusDocument]:
    """One document in ``every``, taken along each file sorted by size: all sizes, all files."""
    if every <= 1:
        return list(documents)
    sample: list[CorpusDocument] = []
    for file in dict.fromkeys(document.file for document in documents):
        in_file = sorted((d for d in documents if d.file == file), key=lambda d: (d.nbytes, d.id))
        sample.extend(in_file[every // 2 :: every])
    return sample
