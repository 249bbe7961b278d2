"""Folding text for search."""

from __future__ import annotations

from headway.domain.text import fold


def test_fold_drops_case_and_accents_and_keeps_other_scripts() -> None:
    assert fold("JOSÉ Núñez") == "jose nunez"
    assert fold("Zoe\u0308") == fold("ZOË") == "zoe"
    assert fold("Straße") == "strasse"
    assert fold("李雷 Ōsaka") == "李雷 osaka"
    assert fold("C++ Developer") == "c++ developer"
