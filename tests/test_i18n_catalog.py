"""The catalogs are read without Babel, and read as Babel reads them; what the plain
reader does not handle goes to Babel."""

from __future__ import annotations

import textwrap
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from test_registry_entry_points import imported_by_a_check

from numlint import i18n

CATALOG = Path(i18n.__file__).with_name("locale") / "fr" / "LC_MESSAGES" / "numlint.po"


def _babel(text: str) -> dict[str, str]:
    return i18n._read_po(text.encode("utf-8"), "fr")


def test_the_french_catalog_is_plain_and_read_as_babel_reads_it() -> None:
    text = CATALOG.read_text(encoding="utf-8")
    plain = i18n.read_plain_po(text)
    assert plain is not None and len(plain) > 300
    assert plain == _babel(text)
    assert i18n._load_catalog("fr") == plain


HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'

PLAIN = HEADER + textwrap.dedent(r'''
    # a translator's comment
    #: numlint/x.py:1
    #, python-brace-format
    msgid "Hello {name}"
    msgstr "Bonjour {name}"

    #, fuzzy
    msgid "Unsure"
    msgstr "Pas sûr"

    msgid ""
    "Long message "
    "over lines"
    msgstr ""
    "Long "
    "message"

    msgid "Untranslated"
    msgstr ""

    msgid "Quote \" tab \t back \\ new \n"
    msgstr "Guillemet \" tab \t oblique \\ ligne \n"
    #, fuzzy, python-format
    msgid "%s fuzzy"
    msgstr "%s flou"
       msgid   "Indented"
    msgstr "Indenté"
''')


def test_a_plain_file_is_read_as_babel_reads_it() -> None:
    plain = i18n.read_plain_po(PLAIN)
    assert plain == _babel(PLAIN)
    assert plain == {"Hello {name}": "Bonjour {name}", "Long message over lines": "Long message",
                     'Quote " tab \t back \\ new \n': 'Guillemet " tab \t oblique \\ ligne \n',
                     "Indented": "Indenté"}


@pytest.mark.parametrize("entry", [
    'msgid "One"\nmsgid_plural "Many"\nmsgstr[0] "Un"\nmsgstr[1] "Plusieurs"\n',
    'msgctxt "menu"\nmsgid "File"\nmsgstr "Fichier"\n',
    '#~ msgid "Old"\n#~ msgstr "Ancien"\n',
    'msgid "Bell \\a"\nmsgstr "Cloche \\a"\n',
    'msgid "Twice"\nmsgstr "Deux fois"\n\nmsgid "Twice"\nmsgstr "Encore"\n',
    'msgid "No translation line"\n\nmsgid "Next"\nmsgstr "Suivant"\n',
    'msgid "Unquoted\nmsgstr "x"\n',
])
def test_what_the_plain_reader_leaves_to_babel(entry: str) -> None:
    assert i18n.read_plain_po(HEADER + entry) is None
    assert i18n.read_plain_po('"stray"\n' + HEADER) is None


def test_a_check_reads_the_catalog_without_babel(tmp_path) -> None:
    assert imported_by_a_check(tmp_path, "babel") == (0, [])
    assert read_po(BytesIO(b""), locale="fr") is not None  # the reader compared with is Babel's
