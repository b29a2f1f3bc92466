"""Assurance themes and their close spellings."""

from __future__ import annotations

import pytest

from scrutui.themes import Spelling, close, group, spellings_of, theme_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Workforce", "workforce"),
        ("Workforce", "Work force"),
        ("Workforce", "Work-force"),
        ("Workforce", "Workforse"),
        ("Quality of practice", "Quality of Practise"),
        ("Finance", "Finances"),
        ("Children & families", "Children and families"),
        ("Llesiant", "Llesiânt"),
        ("Safeguarding partnership", "Safegaurding partnership"),
    ],
)
def test_close_spellings_are_one_theme(a: str, b: str) -> None:
    assert close(a, b) and close(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Leadership", "Leadership and management"),
        ("Risk", "Rusk"),  # short words must match exactly
        ("Finance", "Governance"),
        ("Housing", "Highways"),
        ("Workforce", ""),
    ],
)
def test_different_themes_stay_apart(a: str, b: str) -> None:
    assert not close(a, b)


def test_grouped_under_the_commonest_spelling() -> None:
    themes = group(
        [
            Spelling("workforce", 1, {"given": 1}, "2024-01-01", "2024-01-01"),
            Spelling("Workforce", 5, {"given": 3, "not_given": 2}, "2023-05-01", "2025-03-01"),
            Spelling("Work force", 2, {"sought": 2}, "2022-01-01", "2022-02-01"),
            Spelling("Finance", 1, {"given": 1}, "2024-01-01", "2024-01-01"),
        ]
    )
    assert [t.name for t in themes] == ["Finance", "Workforce"]
    workforce = themes[1]
    assert workforce.count == 8 and workforce.by_status == {"given": 4, "not_given": 2, "sought": 2}
    assert (workforce.first, workforce.last) == ("2022-01-01", "2025-03-01")
    assert spellings_of("WORK FORCE", themes) == ["Work force", "Workforce", "workforce"]
    assert spellings_of("Housing", themes) == ["Housing"]
    assert theme_key("Work-Force's") == theme_key("workforce")
