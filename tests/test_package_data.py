"""Package data read from the installed folder is what importlib.resources reads."""

from __future__ import annotations

import builtins
from importlib import resources

import pytest

from numlint import package_data

FILES = ["data/unit_factors.json", "data/number_formats.json", "locale/fr/LC_MESSAGES/numlint.po"]


@pytest.mark.parametrize("relative", FILES)
def test_a_file_is_read_as_importlib_resources_reads_it(relative: str, monkeypatch) -> None:
    expected = resources.files("numlint").joinpath(relative).read_bytes()
    assert package_data.read_bytes(relative) == expected
    opened = builtins.open

    def no_folder(path, *args, **kwargs):  # a zipped install: nothing next to the module
        if str(path).startswith(package_data.os.path.dirname(package_data.__file__)):
            raise NotADirectoryError(path)
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_folder)
    assert package_data.read_bytes(relative) == expected


def test_a_missing_file_is_an_error() -> None:
    with pytest.raises(OSError):
        package_data.read_bytes("data/absent.json")
