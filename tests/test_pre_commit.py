"""The pre-commit hook, for real: a repository of articles, ``git commit``, the hook refuses.

Why a snapshot repository and not ``pre-commit try-repo``: ``try-repo`` runs the hooks on
files (``pre-commit run``), not inside ``git commit``, and from a dirty working tree it
only carries tracked files, so a new module would be missing. Here the working tree of
this repository (tracked and untracked files, minus ignored ones) is committed into a
temporary repository; the articles repository's ``.pre-commit-config.yaml`` points at it
with that commit as ``rev``, exactly as a newsroom's points at a release tag. So this
exercises ``.pre-commit-hooks.yaml`` as it is now (id, entry, language, file types),
pre-commit's own install of numlint into its environment, and the exit status and output
of ``numlint check`` seen through ``git commit``.

pre-commit installs numlint's dependencies from the package index: without network
the test is skipped, saying so. It is marked ``slow`` (about a minute, mostly that
install): ``pytest -m "not slow"`` leaves it out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_plugins import ARTICLE

ROOT = Path(__file__).resolve().parents[1]
OFFLINE_SIGNS = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Max retries exceeded",
    "ConnectTimeoutError",
    "ProxyError",
    "No matching distribution found for setuptools",
)


def git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True, timeout=120)


def pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
    home = tmp_path_factory.mktemp("pre-commit-home")
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("GIT_", "PRE_COMMIT")) and k not in ("NO_COLOR",)}
    return {
        **keep,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }


@pytest.fixture(scope="module")
def numlint_repository(tmp_path_factory: pytest.TempPathFactory,
                       env: dict[str, str]) -> tuple[Path, str]:
    """This working tree, committed as is into a temporary repository: (path, commit)."""
    if not (ROOT / ".git").exists():
        pytest.skip("numlint is not a git checkout here")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True, env=env,
    ).stdout.decode().split("\0")
    snapshot = tmp_path_factory.mktemp("numlint-snapshot")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git("init", "-q", cwd=snapshot, env=env)
    git("add", "-A", cwd=snapshot, env=env)
    git("commit", "-q", "-m", "snapshot", cwd=snapshot, env=env)
    commit = git("rev-parse", "HEAD", cwd=snapshot, env=env).stdout.strip()
    return snapshot, commit


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str],
             numlint_repository: tuple[Path, str]) -> Path:
    """An editorial repository using the hook, with its environment installed."""
    repository, commit = numlint_repository
    articles = tmp_path_factory.mktemp("articles")
    git("init", "-q", cwd=articles, env=env)
    (articles / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {repository.as_posix()}\n"
        f"    rev: {commit}\n"
        "    hooks:\n"
        "      - id: numlint\n",
        encoding="utf-8",
    )
    installed = pre_commit("install", cwd=articles, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    setup = pre_commit("install-hooks", cwd=articles, env=env)
    output = setup.stdout + setup.stderr
    if setup.returncode != 0 and any(sign in output for sign in OFFLINE_SIGNS):
        pytest.skip("pre-commit could not install numlint's dependencies: no network")
    assert setup.returncode == 0, output
    return articles


def commit(articles: Path, env: dict[str, str], message: str,
           files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    for name, text in files.items():
        path = articles / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git("add", "-A", cwd=articles, env=env)
    return subprocess.run(["git", "commit", "-m", message], cwd=articles, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_hook_runs_serially_so_a_run_has_one_summary() -> None:
    """With ``require_serial: false`` pre-commit split 300 files over the CPUs: two half
    summaries and no total (ruff-pre-commit sets it true for the same reason)."""
    yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (test extra)")
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "numlint"
    assert hook["require_serial"] is True


@pytest.mark.slow
def test_a_commit_with_the_slip_is_refused_and_a_clean_one_passes(articles, env):
    refused = commit(articles, env, "Rachat géant", {"economie/rachat.md": ARTICLE})
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "numlint" in output and "Failed" in output
    assert "economie/rachat.md:5:48: NL101 « 95 millions d'euros »" in output
    assert "1 constat (1 erreur, 0 avertissement) dans 1 fichier" in output
    assert git("rev-list", "--all", cwd=articles, env=env).stdout == ""  # nothing committed

    fixed = ARTICLE.replace("95 millions d'euros", "95 milliards d'euros")
    # A YAML file with the same slip: not an article type, the hook does not read it.
    passed = commit(articles, env, "Rachat géant", {
        "economie/rachat.md": fixed,
        "data/chiffres.yaml": f"phrase: \"{ARTICLE.splitlines()[-1]}\"\n",
    })
    output = passed.stdout + passed.stderr
    assert passed.returncode == 0, output
    assert "numlint" in output and "Passed" in output
    assert git("rev-list", "--all", cwd=articles, env=env).stdout.count("\n") == 1


@pytest.mark.slow
def test_plain_text_files_are_checked_too(articles, env):
    refused = commit(articles, env, "Dépêche", {"depeches/afp.txt": ARTICLE.split("---\n")[-1]})
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "depeches/afp.txt:" in output and "NL101" in output


@pytest.mark.slow
def test_300_files_give_one_correct_summary(articles, env):
    files = {f"lot/article-{n:03}.md": ARTICLE for n in range(300)}
    refused = commit(articles, env, "Trois cents", files)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    staged = git("diff", "--cached", "--name-only", cwd=articles, env=env).stdout.split()
    n = len([name for name in staged if name.endswith((".md", ".txt"))])  # one slip each
    assert n >= 300
    summaries = [line for line in output.splitlines()
                 if " dans " in line and "constats" in line]
    assert summaries == [f"{n} constats ({n} erreurs, 0 avertissement) dans {n} fichiers"], output
    git("rm", "-rqf", "lot", cwd=articles, env=env)
