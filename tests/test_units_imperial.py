"""Imperial units and speeds as real French copy writes them."""

from decimal import Decimal

import numlint
from numlint.mentions import mentions


def _quantities(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [(m.text, m.value, m.unit) for m in mentions(text) if m.kind == "quantity"]


def test_a_length_per_hour_is_a_speed_not_a_length():
    found = _quantities("des vents de 156 mph (251 m/h) et 30 km par heure")
    assert found == [
        ("156 mph", Decimal(156), "mile_per_hour"),
        ("251 m/h", Decimal(251), "meter / hour"),
        ("30 km par heure", Decimal(30), "kilometer_per_hour"),
    ]


def test_a_speed_in_metres_per_hour_for_kilometres_per_hour_is_a_magnitude_slip():
    assert [d.code for d in numlint.check("des vents de 156 mph (251 km/h).")] == []
    slipped = numlint.check("des vents de 156 mph (251 m/h).")
    assert [d.code for d in slipped] == ["NL101"]
    assert "m/h" in slipped[0].message


def test_pounds_and_ounces_are_one_quantity():
    found = _quantities("la balance indiquait 14 lb 8 oz (6,57 kg)")
    assert found[0] == ("14 lb 8 oz", Decimal("14.5"), "pound")
    assert [d.code for d in numlint.check("la balance indiquait 14 lb 8 oz (6,57 kg).")] == []
    assert [d.code for d in numlint.check("la balance indiquait 14 lb 8 oz (6,57 t).")] == [
        "NL101"
    ]


def test_feet_and_inches_are_one_quantity_and_stray_parts_are_not_merged():
    assert _quantities("il mesure 5 pieds 11 pouces")[0][:2] == ("5 pieds 11 pouces",
                                                               Decimal("5.9167"))
    # 14 inches is not a part of a foot: two figures
    assert len(_quantities("5 pieds 14 pouces")) == 2


def test_c_est_a_dire_without_hyphens_links_a_conversion():
    slipped = numlint.check("il arrive à 400 miles/heure, c’est à dire 633 m/h.")
    assert [d.code for d in slipped] == ["NL101"]
