"""What every benchmark shares: repeated timings beside a bare baseline measured in the same run, and
the table they are printed as."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Measure:
    """Repeated timings of one thing, in milliseconds."""

    name: str
    samples: list[float] = field(default_factory=list)
    baseline: str = ""
    baseline_samples: list[float] = field(default_factory=list)
    unit: str = "ms"
    target: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    @property
    def spread(self) -> tuple[float, float]:
        return min(self.samples), max(self.samples)

    @property
    def ratio(self) -> float | None:
        if not self.baseline_samples:
            return None
        return self.median / statistics.median(self.baseline_samples)

    @property
    def paired_ratio(self) -> float | None:
        """The median of each sample over the baseline sample taken just after it: steadier than the
        ratio of the medians when the machine's load comes and goes."""
        if not self.baseline_samples or len(self.baseline_samples) != len(self.samples):
            return None
        return statistics.median(a / b for a, b in zip(self.samples, self.baseline_samples, strict=True))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            median=self.median,
            p99=self.p99,
            min=self.spread[0],
            max=self.spread[1],
            ratio=self.ratio,
            paired_ratio=self.paired_ratio,
        )
        if self.baseline_samples:
            data["baseline_median"] = statistics.median(self.baseline_samples)
        return data


def timed(function: Callable[[], object]) -> float:
    """How long one call takes, in milliseconds."""
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def render_table(measures: Sequence[Measure]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| measure | median | p99 | min-max | baseline median | ratio | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for m in measures:
        baseline = f"{statistics.median(m.baseline_samples):.1f} {m.unit}" if m.baseline_samples else "-"
        ratio = f"{m.ratio:.2f}x" if m.ratio is not None else "-"
        if m.paired_ratio is not None:
            ratio += f" ({m.paired_ratio:.2f}x paired)"
        lines.append(
            f"| {m.name} | {m.median:.1f} {m.unit} | {m.p99:.1f} | {m.spread[0]:.1f}-{m.spread[1]:.1f} | "
            f"{baseline} | {ratio} | {m.target} |"
        )
    return "\n".join(lines)


