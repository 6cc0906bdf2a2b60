"""Which files ``numlint check`` reads: folders, extensions, skipped folders, duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_plugins import install_plugins, run

from numlint.cli.files import collect, format_of


@pytest.fixture(autouse=True)
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    install_plugins(monkeypatch)
    monkeypatch.chdir(tmp_path)


def make(*names: str, text: str = "hello\n") -> None:
    for name in names:
        path = Path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def checked_paths(capsys, *paths: str) -> list[str]:
    out = run(capsys, "check", "--output-format", "json", *paths)[1]
    return sorted({finding["path"] for finding in json.loads(out)})


def test_folders_are_walked_for_known_extensions_only(capsys):
    make("a.md", "b.markdown", "c.html", "d.htm", "e.txt", "f.xhtml", "g.MD",
         "notes.rst", "script.py", "data.csv", "sub/deep/h.md")
    assert checked_paths(capsys, ".") == [
        "a.md", "b.markdown", "c.html", "d.htm", "e.txt", "f.xhtml", "g.MD", "sub/deep/h.md"
    ]


def test_hidden_tool_and_virtualenv_folders_are_skipped(capsys):
    make("ok.md", ".git/x.md", ".cache/x.md", "node_modules/pkg/README.md",
         "__pycache__/x.md", "venv/lib/x.md", "env2/README.md", ".hidden.md")
    Path("venv/pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    Path("env2/pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    assert checked_paths(capsys, ".") == ["ok.md"]


def test_a_named_file_is_checked_whatever_its_name(capsys):
    make("notes.rst", ".hidden.md", "node_modules/x.md")
    assert checked_paths(capsys, "notes.rst", ".hidden.md", "node_modules/x.md") == [
        ".hidden.md", "node_modules/x.md", "notes.rst"
    ]


def test_a_named_hidden_folder_is_walked(capsys):
    make(".drafts/a.md")
    assert checked_paths(capsys, ".drafts") == [".drafts/a.md"]


def test_each_file_once_and_the_default_path_is_the_working_folder(capsys):
    make("a.md", "sub/b.md")
    out = run(capsys, "check", "--output-format", "json", "a.md", ".", "./a.md",
              "sub/../a.md")[1]
    assert [f["path"] for f in json.loads(out)] == ["a.md", "sub/b.md"]
    out = run(capsys, "check")[1]
    assert out.splitlines()[-2:] == ["2 constats (0 erreur, 2 avertissements) dans 2 fichiers",
                                     "2 corrections sûres : à appliquer avec --fix."]
    out = run(capsys, "check", "--lang", "en")[1]
    assert out.splitlines()[-2:] == ["2 findings (0 errors, 2 warnings) in 2 files",
                                     "2 fixes available with --fix."]


def test_paths_outside_the_working_folder_are_shown_absolute(capsys, tmp_path):
    make("inner/a.md")
    outer = tmp_path / "inner"
    Path("work").mkdir()
    import os

    os.chdir("work")
    out = run(capsys, "check", "--output-format", "json", str(outer))[1]
    assert json.loads(out)[0]["path"] == str(outer / "a.md")
    out = run(capsys, "check", "--output-format", "json", "../inner")[1]
    assert json.loads(out)[0]["path"] == str(outer / "a.md")


def test_format_of():
    assert format_of("a.md") == "markdown"
    assert format_of("A.HTM") == "html"
    assert format_of("a.txt") == "text"
    assert format_of("a.rst") == "text"


def test_collect_puts_stdin_first_and_forces_the_format():
    make("b.md", "a.html")
    targets = collect(["b.md", "-", "a.html"], format_in="text")
    assert [t.display for t in targets] == ["-", "a.html", "b.md"]
    assert {t.format for t in targets} == {"text"}


# -- exclude, extend-exclude, .gitignore --------------------------------------------------


def test_a_gitignored_hugo_public_folder_is_not_checked_twice(capsys):
    """On c6497f2 ``public/`` (Hugo's output) was walked: each article reported twice."""
    make("content/a.md", "public/a/index.html", "public/b.md", "notes/keep.md")
    Path(".gitignore").write_text("public/\n*.tmp\n", encoding="utf-8")
    Path(".git").mkdir()
    assert checked_paths(capsys, ".") == ["content/a.md", "notes/keep.md"]
    assert checked_paths(capsys, "content") == ["content/a.md"]


def test_gitignore_files_of_subfolders_and_parents_and_negations(capsys):
    make("site/drafts/x.md", "site/drafts/keep.md", "site/ok.md", "site/sub/y.md")
    Path(".git").mkdir()
    Path(".gitignore").write_text("drafts/\n", encoding="utf-8")
    Path("site/sub/.gitignore").write_text("*.md\n", encoding="utf-8")
    assert checked_paths(capsys, "site") == ["site/ok.md"]  # parent's .gitignore read too
    Path("site/sub/.gitignore").write_text("*.md\n!y.md\n", encoding="utf-8")
    assert checked_paths(capsys, "site") == ["site/ok.md", "site/sub/y.md"]


def test_no_respect_gitignore_walks_ignored_folders(capsys):
    make("content/a.md", "public/b.md")
    Path(".gitignore").write_text("public/\n", encoding="utf-8")
    out = run(capsys, "check", "--no-respect-gitignore", "--output-format", "json", ".")[1]
    assert sorted({f["path"] for f in json.loads(out)}) == ["content/a.md", "public/b.md"]
    Path("numlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert checked_paths(capsys, ".") == ["content/a.md", "public/b.md"]


def test_extend_exclude_adds_to_the_default_skips(capsys):
    make("a.md", "archives/2019/old.md", "b.draft.md", ".hidden/x.md")
    Path("numlint.toml").write_text(
        'extend-exclude = ["archives/", "*.draft.md"]\n', encoding="utf-8")
    assert checked_paths(capsys, ".") == ["a.md"]


def test_exclude_replaces_the_default_skips(capsys):
    make("a.md", "archives/old.md", ".well-known/x.md")
    Path("numlint.toml").write_text('exclude = ["archives"]\n', encoding="utf-8")
    assert checked_paths(capsys, ".") == [".well-known/x.md", "a.md"]


def test_exclude_patterns_are_relative_to_the_configuration_file(capsys):
    make("site/content/a.md", "site/content/drafts/b.md", "drafts/c.md")
    Path("site/pyproject.toml").write_text(
        '[tool.numlint]\nextend-exclude = ["/content/drafts"]\n', encoding="utf-8")
    assert checked_paths(capsys, "site") == ["site/content/a.md"]


def test_explicitly_named_files_and_folders_are_checked_even_if_excluded(capsys):
    make("public/b.md", "drafts/c.md")
    Path(".gitignore").write_text("public/\n", encoding="utf-8")
    Path("numlint.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
    assert checked_paths(capsys, "public/b.md", "drafts/c.md") == ["drafts/c.md", "public/b.md"]
    assert checked_paths(capsys, "public") == ["public/b.md"]


def test_a_bad_exclude_is_a_one_line_error(capsys):
    make("a.md")
    Path("numlint.toml").write_text('exclude = "public"\n', encoding="utf-8")
    status, out, err = run(capsys, "check", "--lang", "en", ".")
    assert (status, out) == (2, "")
    assert err == ("numlint: error: numlint.toml: 'exclude' must be a list of patterns "
                   "(strings)\n")
