"""A named total contradicted by the parts the next clause or sentence lists (NL205)."""

from __future__ import annotations

import pytest
from test_relations_realcopy import variants

import numlint


def nl205(text: str, fmt: str = "text") -> list[numlint.Diagnostic]:
    return [d for d in numlint.check(text, format=fmt) if d.code == "NL205"]


@pytest.mark.parametrize(
    "text",
    [
        "Le budget total atteint 12 millions d'euros. Il se répartit en 5 millions d'euros pour"
        " la santé et 4 millions d'euros pour l'éducation.",
        "Le coût total est de 12 millions d'euros ; il se décompose ainsi : 5 millions pour la"
        " santé, 4 millions pour l'éducation.",
        "Au total, 1 200 postes seront créés, répartis entre 500 postes à Lyon et 400 postes à"
        " Lille.",
    ],
)
def test_parts_listed_after_a_total_must_add_up_to_it(text: str) -> None:
    for variant in variants(text):
        [finding] = nl205(variant)
        assert variant[finding.start : finding.end].startswith(("12", "1 200", "1\u00a0200",
                                                               "1\u202f200"))


@pytest.mark.parametrize(
    "text",
    [
        "Le budget total atteint 9 millions d'euros. Il se répartit en 5 millions d'euros pour"
        " la santé et 4 millions d'euros pour l'éducation.",
        "Le budget total atteint 12 millions d'euros. Il se répartit en 5 millions pour la"
        " santé, 4 millions pour l'éducation et le reste pour la culture.",
        "Le budget total atteint 12 millions d'euros, répartis entre 5 millions pour la santé"
        " et 4 millions pour l'éducation, notamment.",
        "Le budget atteint 12 millions d'euros. Il se répartit en 5 millions pour la santé et"
        " 4 millions pour l'éducation.",  # not named a total: a part may be left out
        "Le budget total atteint 12 millions d'euros. Il se répartit en 5 millions pour la"
        " santé et 4 millions pour l'éducation, plus 3 millions de réserve.",
    ],
)
def test_a_complete_sum_or_an_open_list_is_silent(text: str) -> None:
    for variant in variants(text):
        assert nl205(variant) == [], variant


def test_in_html_the_total_is_found_at_its_place_within_one_paragraph() -> None:
    html = ("<p>Le budget total atteint <b>12 millions d’euros</b>. Il se répartit en 5"
            " millions pour la santé et 4 millions pour l’éducation.</p>")
    [finding] = nl205(html, "html")
    assert html[finding.start : finding.end] == "12 millions d’euros"
    two_paragraphs = html.replace(". Il se", ".</p><p>Il se")
    assert nl205(two_paragraphs, "html") == []


def test_a_count_word_before_the_real_whole_is_not_the_whole() -> None:
    """Seen at the merge of the part-of-whole wordings: « deux » was read as the whole of
    « dont 8 500 », an NL205 on the README's own example article."""
    import numlint

    text = ("Les deux groupes emploient au total quelque 120 000 salariés, "
            "dont 8 500 en France.")
    assert [d.code for d in numlint.check(text, format="text")] == []


def test_a_part_after_dont_une_de_larger_than_its_whole_is_flagged() -> None:
    import numlint

    consistent = ("La start-up a levé 63 millions d’euros en six opérations, dont une de "
                  "47 millions d’euros en 2023.")
    slipped = consistent.replace("47 millions", "47 milliards")
    assert [d.code for d in numlint.check(consistent, format="text")] == []
    found = [d for d in numlint.check(slipped, format="text") if d.code == "NL205"]
    assert found and slipped[found[0].start : found[0].end].startswith("47 milliards")
