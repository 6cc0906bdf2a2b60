"""Messages show numbers and dates exactly as Babel does, from the generated formats."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from numlint import number_format
from numlint.i18n import Amount, show

REPOSITORY = Path(__file__).resolve().parent.parent
TOOL = REPOSITORY / "tools" / "generate_number_formats.py"
LOCALES = {"fr": Locale.parse("fr_FR"), "en": Locale.parse("en_GB")}

DECIMALS = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(int(d) for d in digits), exponent)),
    st.integers(0, 1),
    st.text("0123456789", min_size=1, max_size=30),
    st.integers(-30, 25),
)
ROUND_TRIPS = [Decimal(text) for text in (
    "0", "-0", "0.00004", "-0.5", "0.05", "0.95", "1", "999.95", "1000", "-1234.5678",
    "999950000", "999960000", "1000000", "1500000", "2000000", "94300000000",
    "-94300000000", "999999999999999", "12000000000000000000", "1E+30", "1.00000E+7",
)]


def _room(value: Decimal) -> int:
    return max(28, value.adjusted() + 8)


@settings(max_examples=300, deadline=None)
@given(DECIMALS, st.integers(0, 6), st.sampled_from(["fr", "en"]))
def test_grouped_is_babel_s_format_decimal(value: Decimal, decimals: int, lang: str) -> None:
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    with localcontext(prec=_room(value)):
        assert number_format.grouped(value, decimals, lang) == format_decimal(
            value, format=pattern, locale=LOCALES[lang])


@settings(max_examples=300, deadline=None)
@given(DECIMALS, st.sampled_from(["fr", "en"]), st.integers(0, 2))
def test_compact_is_babel_s_long_compact_format(value: Decimal, lang: str, digits: int) -> None:
    with localcontext(prec=_room(value)):
        shown = number_format.compact(value, lang, digits)
        if shown is not None:  # None only below a thousand or for « mille » alone
            assert shown == format_compact_decimal(
                value, format_type="long", fraction_digits=digits, locale=LOCALES[lang])
        elif abs(value) >= 1_000_000:
            pytest.fail(f"no compact form of {value}")


@pytest.mark.parametrize("value", ROUND_TRIPS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_edges_of_rounding_and_magnitude(value: Decimal, lang: str) -> None:
    with localcontext(prec=_room(value)):
        for decimals in (0, 1, 2, 4):
            pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
            assert number_format.grouped(value, decimals, lang) == format_decimal(
                value, format=pattern, locale=LOCALES[lang])
        if abs(value) >= 1_000_000:
            assert number_format.compact(value, lang) == format_compact_decimal(
                value, format_type="long", fraction_digits=1, locale=LOCALES[lang])


@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(["fr", "en"]))
def test_long_dates_are_babel_s(day: date, lang: str) -> None:
    assert number_format.long_date(day, lang) == format_date(
        day, format="long", locale=LOCALES[lang])


def test_what_the_table_does_not_cover_is_left_to_babel() -> None:
    assert number_format.grouped(Decimal("Infinity"), 2, "fr") is None
    assert number_format.compact(Decimal("NaN"), "fr") is None
    assert number_format.grouped(Decimal(3), 2, "de") is None
    assert show(Amount(Decimal("-Infinity"), "EUR"), "fr") == "-∞ EUR"


def test_messages_show_amounts_as_before() -> None:
    assert show(Amount(Decimal("94300000000"), "EUR"), "fr") == "94,3\u00a0milliards EUR".replace(
        "\u00a0", " ")
    assert show(Amount(Decimal("1500000"), "USD"), "fr") == "1,5 million USD"
    assert show(Amount(Decimal("0.0412"), "kg"), "fr") == "0,041 kg"
    assert show(Decimal("1000"), "fr") == "1\u202f000"
    assert show(Decimal("1.03245"), "en") == "1.0324"
    assert show(date(2025, 2, 11), "fr") == "11 février 2025"


def test_the_generated_formats_are_current() -> None:
    """The file equals what ``tools/generate_number_formats.py`` writes (run it after a
    change of Babel)."""
    done = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
