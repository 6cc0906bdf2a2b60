"""numlint.batch: findings of a table of articles, for pandas, Arrow, Dask, Spark and Ray."""

from __future__ import annotations

import datetime
import json
import pickle
import re
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas", reason="the archive extra is not installed (pandas)")
pa = pytest.importorskip("pyarrow", reason="the archive extra is not installed (pyarrow)")

from numlint import Config  # noqa: E402
from numlint.batch import (  # noqa: E402
    COLUMNS,
    SPARK_SCHEMA,
    check_batches,
    check_frame,
    findings_meta,
    findings_schema,
)

SLIP = "La somme de 97,4 milliards de dollars (près de 95 millions d’euros)."
SLIP_NBSP = "La somme de 97,4\u00a0milliards de dollars (près de 95\u202fmillions d’euros)."
CLEAN = "Rien à signaler ici."
HTML_SLIP = "<p>La somme de 97,4 milliards de dollars (près de 95&nbsp;millions d’euros).</p>"


def articles() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["a", "b", "c", "d", "e"],
        "text": [SLIP, SLIP_NBSP, CLEAN, None, HTML_SLIP],
        "date": ["2025-02-11", datetime.date(2025, 2, 11), None, None, pd.Timestamp("2025-02-11")],
        "format": ["text", "markdown", None, "text", "html"],
    })


def test_pandas_in_pandas_out_with_the_fixed_schema() -> None:
    findings = check_frame(articles())
    assert isinstance(findings, pd.DataFrame)
    assert list(findings.columns) == [name for name, _ in COLUMNS]
    slips = findings[findings.code == "NL101"]
    assert list(slips.doc_id) == ["a", "b", "e"]
    first = slips.iloc[0]
    assert SLIP[first.start : first.end] == first.figure == "95 millions d’euros"
    assert first.fix == "95 milliards d’euros"
    assert (first.line, first.column) == (1, SLIP.index("95") + 1)
    assert json.loads(first.evidence)["date"] == "2025-02-11"
    assert slips.iloc[1].figure == "95\u202fmillions d’euros"  # narrow NBSP kept as written
    html = slips.iloc[2]
    assert html.figure == "95&nbsp;millions d’euros" and html.start == HTML_SLIP.index("95")
    assert html.fix == "95&nbsp;milliards d’euros"


def test_an_article_that_cannot_be_checked_is_a_row_with_its_reason() -> None:
    frame = pd.DataFrame({"id": ["x", "y", "z"], "text": [None, CLEAN, CLEAN],
                          "format": [None, "docx", None], "date": [None, None, "hier"]})
    findings = check_frame(frame)
    assert list(zip(findings.doc_id, findings.code, findings.reason, strict=True)) == [
        ("x", "NL000", "no-text"), ("y", "NL000", "bad-format"), ("z", "NL000", "bad-date")]
    assert "docx" in findings.message[1]


def test_arrow_in_arrow_out_equals_the_pandas_run() -> None:
    frame = articles().drop(columns=["date"]).assign(date=["2025-02-11"] * 5)
    from_arrow = check_frame(pa.Table.from_pandas(frame, preserve_index=False))
    assert isinstance(from_arrow, pa.Table)
    assert from_arrow.schema.equals(findings_schema())
    assert from_arrow.to_pandas().equals(check_frame(frame))


def test_column_names_are_chosen_and_defaults_apply_when_absent() -> None:
    frame = pd.DataFrame({"body": [SLIP, CLEAN], "published": ["2025-02-11", None]})
    findings = check_frame(frame, text="body", date="published", default_format="text")
    assert list(findings.doc_id) == ["0"]  # no id column: the row's position
    with pytest.raises(KeyError, match="body"):
        check_frame(frame.rename(columns={"body": "texte"}), text="body")


def test_dask_map_partitions_for_real() -> None:
    dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] is not installed")
    frame = articles()[["id", "text", "format"]]
    lazy = dd.from_pandas(frame, npartitions=2).map_partitions(check_frame,
                                                               meta=findings_meta())
    computed = lazy.compute(scheduler="processes", num_workers=2)
    expected = check_frame(frame)
    assert computed.reset_index(drop=True).equals(expected)


def test_spark_map_in_pandas_shape() -> None:
    frame = articles()
    batches = [frame.iloc[:2], frame.iloc[2:]]
    out = list(check_batches(iter(batches), default_format="markdown"))
    assert all(isinstance(b, pd.DataFrame) for b in out)
    assert pd.concat(out, ignore_index=True).equals(check_frame(frame))
    assert SPARK_SCHEMA.split(", ")[:2] == ["doc_id string", "code string"]
    assert "start long" in SPARK_SCHEMA


def test_ray_map_batches_shape_dict_of_arrays() -> None:
    import numpy as np

    batch = {"id": np.array(["a", "c"]), "text": np.array([SLIP, CLEAN], dtype=object),
             "date": np.array(["2025-02-11", ""])}
    out = check_frame(batch)
    assert isinstance(out, dict) and list(out) == [name for name, _ in COLUMNS]
    assert out["doc_id"] == ["a"] and out["code"] == ["NL101"]
    ray_style_pandas = check_frame(pd.DataFrame(batch))
    assert list(ray_style_pandas.code) == ["NL101"]


def test_configuration_is_picklable_and_honoured() -> None:
    config = Config.from_mapping({"ignore": ["NL101"], "currencies": {"dollars": "CAD"},
                                  "rules": {"NL102": {}}})
    copy = pickle.loads(pickle.dumps(config))
    assert copy == config
    frame = pd.DataFrame({"text": [SLIP], "date": ["2025-02-11"]})
    assert "NL101" not in set(check_frame(frame, config=copy).code)
    assert list(check_frame(frame).code) == ["NL101"]


def test_empty_frame_gives_the_meta() -> None:
    empty = check_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert empty.empty and list(empty.dtypes) == list(findings_meta().dtypes)


def test_the_check_frame_example_of_the_archive_docs_prints_what_it_says() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "archive.md").read_text("utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", page, flags=re.DOTALL | re.MULTILINE)
    [example] = [b for b in blocks if "check_frame(articles)[" in b]
    code, _, shown = example.partition("check_frame(articles)")
    namespace: dict[str, object] = {}
    exec(compile(code, "archive.md", "exec"), namespace)
    selection = shown.splitlines()[0]
    result = eval(f"check_frame(articles){selection}", namespace)
    expected = [line[2:] for line in shown.splitlines()[1:] if line.startswith("# ")]
    assert result.to_string().splitlines() == expected
