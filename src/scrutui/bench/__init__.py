"""Benchmarks at council scale, each against a bare baseline measured in the same run.

``python -m scrutui.bench`` runs the whole (``run``); ``python -m scrutui.bench.export``, ``.tracker``,
``.search``, ``.votes``, ``.typing_path`` and ``.lists`` each run one. The synthetic council is built by
``council``; the timings and their table are ``measure``'s.
"""

from scrutui.bench.council import SMALL, Size, build_council
from scrutui.bench.measure import Measure, render_table, timed
from scrutui.bench.run import main

__all__ = ["SMALL", "Measure", "Size", "build_council", "main", "render_table", "timed"]
