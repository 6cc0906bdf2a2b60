"""numlint's package data files, read straight from the installed folder.

``importlib.resources`` costs ~10 ms to import (and its file reader more, with
``zipfile``) on every start; a plain install has the files next to the modules, so they
are opened there, and ``importlib.resources`` is used only when they are not (a zipped
install).
"""

from __future__ import annotations

import os


def read_bytes(relative: str) -> bytes:
    """The content of ``relative`` (``/``-separated) inside the ``numlint`` package."""
    try:
        with open(os.path.join(os.path.dirname(__file__), *relative.split("/")), "rb") as file:
            return file.read()
    except OSError:
        from importlib import resources

        return resources.files("numlint").joinpath(relative).read_bytes()
