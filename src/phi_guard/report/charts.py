"""Geometry for the HTML report's inline SVG bar charts: plain numbers, drawn by the template."""

from __future__ import annotations

from dataclasses import dataclass

LEVEL_COLORS = {"block": "#b3261e", "error": "#6d2f8f", "warn": "#c77700", "pass": "#2e7d32"}
BAR_H, GAP, LABEL_W, PLOT_W = 18, 6, 170, 360


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    color: str
    title: str


@dataclass(frozen=True, slots=True)
class Bar:
    y: int
    label: str
    value: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    bars: tuple[Bar, ...]
    height: int
    width: int = LABEL_W + PLOT_W + 60
    label_w: int = LABEL_W
    legend: tuple[tuple[str, str], ...] = ()


def _scale(values: list[int]) -> float:
    top = max(values, default=0)
    return PLOT_W / top if top else 0.0


def bars(pairs: list[tuple[str, int]], colors: dict[str, str] | None = None) -> Chart:
    """One bar per (label, value), longest value widest."""
    k = _scale([v for _, v in pairs])
    out = []
    for i, (label, value) in enumerate(pairs):
        color = (colors or {}).get(label, "#3f5f8a")
        out.append(Bar(i * (BAR_H + GAP), label, value, (Segment(LABEL_W, value * k, color, f"{label}: {value}"),)))
    return Chart(tuple(out), max(1, len(out)) * (BAR_H + GAP))


def stacked(groups: list[tuple[str, dict[str, int]]], order: tuple[str, ...]) -> Chart:
    """One bar per group, one segment per level in ``order``."""
    k = _scale([sum(c.values()) for _, c in groups])
    out = []
    for i, (label, counts) in enumerate(groups):
        x, segs = float(LABEL_W), []
        for level in order:
            if counts.get(level):
                w = counts[level] * k
                segs.append(Segment(x, w, LEVEL_COLORS[level], f"{label}, {level}: {counts[level]}"))
                x += w
        out.append(Bar(i * (BAR_H + GAP), label, sum(counts.values()), tuple(segs)))
    return Chart(tuple(out), max(1, len(out)) * (BAR_H + GAP), legend=tuple((lv, LEVEL_COLORS[lv]) for lv in order))
