"""The votes benchmark keeps working (run tiny here; the figures come from running it by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutui.bench.votes import build, item_records, main
from scrutui.models import Motion, Recommendation


def test_build_links_every_tenth_recommendation_to_a_carried_motion(tmp_path: Path) -> None:
    store, item = build(tmp_path / "v.sqlite", 50)
    try:
        records = store.records.for_item(item)
        motions = [r for r in records if isinstance(r, Motion)]
        decisions = {r.id: r for r in records if isinstance(r, Recommendation)}
        assert len(motions) == 5 and len(decisions) == 50
        for motion in motions:
            assert decisions[motion.decision_id or 0].text == motion.text
    finally:
        store.close()
    voted, plain = item_records(9)
    assert len(voted) == len(plain) == 9 and sum(isinstance(r, Motion) for r in voted) == 6


def test_benchmark_runs_end_to_end_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--recommendations", "200", "--records", "30", "--repeat", "2"]) == 0
    printed = capsys.readouterr().out
    assert "first page with votes (ms)" in printed and "item with motions (ms)" in printed
