"""How the mentions read what real newsroom copy writes: shared scales and currencies,
currencies given by the context, the names and sub-units real copy uses, English
``trillion``, numbers split by a typo (issue #10, the reading part)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import numlint

NBSP, NNBSP = "\u00a0", "\u202f"


def spans(text: str) -> list[str]:
    return [m.text for m in numlint.mentions(text)]


# -- scale, currency and unit shared across a list or a range -----------------------------


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
def test_list_items_share_the_scale_of_the_last(space) -> None:
    text = f"3,2 et 2,1{space}millions, soit 6,3 millions au total"
    first, second, total = numlint.mentions(text)
    assert (first.value, second.value, total.value) == (
        Decimal(3_200_000), Decimal(2_100_000), Decimal(6_300_000)
    )
    assert first.inherited and first.scale_exponent == 6
    assert first.shared_scale is not None and first.shared_scale == second.scale
    assert text[slice(*first.shared_scale.span)] == "millions"


def test_a_list_shares_scale_and_unit_with_every_item() -> None:
    text = "3, 4 ou 5 millions de tonnes"
    items = numlint.mentions(text)
    assert [m.value for m in items] == [Decimal(3_000_000), Decimal(4_000_000),
                                        Decimal(5_000_000)]
    assert {m.unit for m in items} == {"metric_ton"}
    assert [text[slice(*m.shared_scale.span)] for m in items[:2]] == ["millions"] * 2
    assert [text[slice(*m.shared_unit.span)] for m in items[:2]] == ["tonnes"] * 2
    assert items[2].shared_scale is None and not items[2].inherited
    assert {m.list_span for m in items} == {(0, len(text))}


def test_a_list_of_amounts_is_marked_whole_and_ends_where_its_last_item_does() -> None:
    text = ("quatre billets de 1 000, 5\u202f000, 10 000 et 50 000 wons, "
            "environ 70 centimes, 3,50 euros")
    found = numlint.mentions(text)
    wons = [m for m in found if m.currency == "KRW"]
    assert [m.value for m in wons] == [1000, 5000, 10000, 50000]
    start = text.index("1 000")
    assert {m.list_span for m in wons} == {(start, text.index(" wons") + 5)}
    assert all(m.list_span is None for m in found if m.currency != "KRW")


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"),
    [
        ("entre 2 et 3 milliards d'euros", 2_000_000_000, 3_000_000_000, "EUR"),
        (f"de 117 à 167,6{NNBSP}millions d’euros", 117_000_000, 167_600_000, "EUR"),
        ("(11 à 15 millions de dollars)", 11_000_000, 15_000_000, "USD"),
    ],
)
def test_range_bounds_share_scale_and_currency_and_say_where(text, low, high, currency) -> None:
    first, second = numlint.mentions(text)
    assert (first.value, second.value) == (Decimal(low), Decimal(high))
    assert first.currency == second.currency == currency
    assert first.range_role == "low" and first.inherited
    assert text[slice(*first.shared_scale.span)].startswith(("milliard", "million"))
    assert first.shared_unit is not None and first.shared_unit == second.written_unit


def test_counts_joined_by_et_do_not_share_a_scale() -> None:
    first, second = numlint.mentions("Il a 3 chats et 5 millions d’euros.")
    assert first.kind == "number" and first.value == 3 and not first.inherited
    assert second.shared_scale is None


# -- currency inherited from the context -------------------------------------------------


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_bare_scaled_figure_takes_the_currency_its_paragraph_named(apostrophe) -> None:
    text = f"Séoul a dépensé, en wons, 2{NBSP}500 milliards (17,6 millions d{apostrophe}euros)."
    bare, euros = numlint.mentions(text)
    assert (bare.kind, bare.currency, bare.currency_inherited) == ("money", "KRW", True)
    assert text[slice(*bare.currency_source_span)] == "wons"
    assert euros.currency == "EUR" and not euros.currency_inherited


def test_the_currency_converted_into_is_not_the_one_inherited() -> None:
    text = ("Le budget était de 3 milliards d'euros. Pékin annonce 94,8 milliards "
            "(575 milliards d'euros).")
    assert numlint.mentions(text)[1].kind == "number"
    text = "Les recettes en yuans : 94,8 milliards (575 milliards d'euros)."
    assert numlint.mentions(text)[0].currency == "CNY"


def test_parts_take_the_currency_of_their_total() -> None:
    text = "3,2 et 2,1 millions, soit 6,3 millions d’euros au total"
    first, second, total = numlint.mentions(text)
    assert first.currency == second.currency == "EUR"
    assert first.currency_inherited and second.currency_inherited
    assert total.written_unit is not None
    assert first.currency_source_span == total.written_unit.span


@pytest.mark.parametrize(
    "text",
    [
        "Le budget est de 3 milliards d'euros. La Chine compte 1,4 milliard d'habitants.",
        "Le plan coûte 5 millions d'euros ; 2 millions de personnes en profitent.",
        "Un million d'euros. Puis 3 millions seulement.",
    ],
)
def test_counts_do_not_inherit_a_currency(text) -> None:
    assert [m.kind for m in numlint.mentions(text)][1:] == ["number"]


def test_nothing_to_inherit_leaves_the_figure_a_number() -> None:
    [bare, _] = numlint.mentions("94,8 milliards (575 milliards d'euros)")
    assert bare.kind == "number" and bare.currency is None and not bare.currency_inherited


# -- currency names real copy uses ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "currency", "assumed"),
    [
        ("15 000 FCFA", "15 000 FCFA", "XOF", True),
        (f"15{NNBSP}000 F{NBSP}CFA", f"15{NNBSP}000 F{NBSP}CFA", "XOF", True),
        ("15 000 Fcfa", "15 000 Fcfa", "XOF", True),
        ("15 000 francs CFA", "15 000 francs CFA", "XOF", True),
        ("90 milliards de Cfa", "90 milliards de Cfa", "XOF", True),
        ("quatre milliards de pesetas", "quatre milliards de pesetas", "ESP", False),
        ("5 deutsche marks", "5 deutsche marks", "DEM", False),
        ("100 roupies", "100 roupies", "INR", True),
        ("3 roupies indonésiennes", "3 roupies indonésiennes", "IDR", False),
        ("300 wons", "300 wons", "KRW", True),
        ("5 000 ariary", "5 000 ariary", "MGA", False),
        ("6 nairas", "6 nairas", "NGN", False),
        ("7 dirhams", "7 dirhams", "MAD", True),
        ("10 dinars algériens", "10 dinars algériens", "DZD", False),
        ("9 roubles", "9 roubles", "RUB", True),
        ("10 yuans", "10 yuans", "CNY", True),
        ("11 shekels", "11 shekels", "ILS", True),
    ],
)
def test_currency_names_of_real_copy(text, figure, currency, assumed) -> None:
    [mention] = numlint.mentions(text)
    assert (mention.text, mention.currency, mention.currency_assumed) == (
        figure, currency, assumed
    )


def test_dinars_alone_stay_open() -> None:
    [mention] = numlint.mentions("8 dinars")
    assert mention.kind == "money" and mention.currency is None


@pytest.mark.parametrize(
    ("text", "value", "currency", "decimals"),
    [
        ("15 centimes", "0.15", "EUR", 2),
        ("50 cents", "0.50", "USD", 2),
        (f"470{NBSP}pence", "4.70", "GBP", 2),
        ("30 centimes d’euro", "0.30", "EUR", 2),
        ("1,5 centime d'euro", "0.015", "EUR", 3),
    ],
)
def test_sub_units_are_read_in_the_main_unit(text, value, currency, decimals) -> None:
    [mention] = numlint.mentions(text)
    assert (mention.value, mention.currency, mention.decimals, mention.sub_unit) == (
        Decimal(value), currency, decimals, True
    )
    assert mention.precision == Decimal(5).scaleb(-decimals - 1)


def test_cents_after_an_amount_still_add_hundredths() -> None:
    [mention] = numlint.mentions("15 dollars et 15 cents")
    assert (mention.value, mention.sub_unit) == (Decimal("15.15"), False)


@pytest.mark.parametrize("place", ["à Londres", "au Royaume-Uni", "(£)", "en livres sterling"])
def test_livres_in_a_british_story_are_pounds(place) -> None:
    text = f"Le billet coûte 1{NNBSP}200 livres (1 400 euros) {place}."
    pounds = numlint.mentions(text)[0]
    assert (pounds.kind, pounds.currency, pounds.text) == ("money", "GBP", f"1{NNBSP}200 livres")
    assert pounds.currency_inherited and pounds.currency_assumed
    assert pounds.written_unit is not None and text[slice(*pounds.written_unit.span)] == "livres"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_millions_de_livres_in_a_british_story_are_pounds(apostrophe) -> None:
    text = (f"Selon les médias britanniques, l{apostrophe}accord vaut 15{NBSP}millions de "
            "livres (environ 25 millions $).")
    pounds = numlint.mentions(text)[0]
    assert (pounds.currency, pounds.value, pounds.text) == (
        "GBP", Decimal(15_000_000), f"15{NBSP}millions de livres"
    )
    assert text[slice(*pounds.currency_source_span)] == "britanniques"


def test_livres_elsewhere_stay_books_or_weight() -> None:
    assert all(
        m.kind != "money"
        for m in numlint.mentions("À Londres, il a vendu 3 millions de livres traduits.")
    )
    assert all(m.kind != "money" for m in numlint.mentions("Il a vendu 1 200 livres à Paris."))
    found = numlint.mentions("À Londres, 12 livres de farine.")
    assert all(m.kind != "money" for m in found)


def test_francs_in_a_swiss_story_are_swiss_francs() -> None:
    [francs] = numlint.mentions("À Genève, le loyer moyen atteint 2 000 francs.")
    assert (francs.currency, francs.currency_inherited) == ("CHF", True)
    [francs] = numlint.mentions("Le loyer moyen atteint 2 000 francs.")
    assert francs.currency is None and not francs.currency_inherited


# -- English trillion ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("2,41 trillions de roubles", Decimal("2.41E18"), "RUB"),
        (f"1,65{NBSP}trillion de roupies", Decimal("1.65E18"), "INR"),
    ],
)
def test_trillion_is_read_the_french_way_with_its_word(text, value, currency) -> None:
    [mention] = numlint.mentions(text)
    assert (mention.value, mention.currency, mention.scale_exponent) == (value, currency, 18)
    assert mention.scale.text.lower().startswith("trillion")


def test_english_trillion_is_flagged_as_a_false_friend_by_nl104() -> None:
    codes = [d.code for d in numlint.check("Moscou prévoit 2,41 trillion de roubles.")]
    assert "NL104" in codes


# -- a number split by a typo ----------------------------------------------------------------


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP])
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_a_comma_and_one_space_inside_a_number_is_read_whole(space, apostrophe) -> None:
    text = f"un budget de 42,{space}6 millions d{apostrophe}euros"
    [mention] = numlint.mentions(text)
    assert (mention.value, mention.decimals, mention.typo_split) == (
        Decimal(42_600_000), 1, True
    )
    assert mention.number.text == f"42,{space}6" and mention.text.startswith("42,")


@pytest.mark.parametrize(
    "text",
    [
        "3, 4 ou 5 millions de tonnes",
        "en 2, 3, 4 millions",
        "Ils étaient 42,  6 millions",
        "le 42, 6 maisons",
        "42, 6",
    ],
)
def test_lists_and_counts_are_not_split_numbers(text) -> None:
    assert not any(m.typo_split for m in numlint.mentions(text))


def test_split_number_keeps_the_hedge() -> None:
    [mention] = numlint.mentions("près de 42, 6 millions d’euros")
    assert mention.written_hedge is not None
    assert (mention.written_hedge.text, mention.typo_split, mention.value) == (
        "près de", True, Decimal(42_600_000)
    )


def test_a_list_is_not_paired_with_the_next_list_by_its_ends() -> None:
    text = ("Les billets valent 1 000, 5 000, 10 000 et 50 000 wons, environ 70 centimes, "
            "3,50 euros, 7 euros et 36 euros.")
    assert [d.code for d in numlint.check(text) if d.severity == "error"] == []
