"""Build the in-memory indexes a process serves searches from, before anyone searches."""

from __future__ import annotations


def warm_indexes() -> None:
    """Build the occupation and skill search indexes when career data is loaded."""
    from headway.assessments.selectors import skill_suggestions
    from headway.careers.search import get_explorer
    from headway.careers.selectors import career_data_loaded

    if not career_data_loaded():
        return
    get_explorer()
    skill_suggestions("data", 1)
