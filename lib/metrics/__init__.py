"""The team lead's figures, one module per page: Aujourd'hui, Conformité and Motifs.

The pages and the `daily`, `compliance` and `reasons` exports count the same states
(`lib.states`) with the same functions (`lib.compliance`), so a number on screen and in
a file never differ.
"""

from lib.metrics.loading import next_state_change
from lib.metrics.ranges import PRESETS, as_of, present_hour, preset_range, previous_business_day
from lib.metrics.removals import ReasonsFigures, reason_labels, reasons_figures
from lib.metrics.response_times import BREAKDOWNS, ComplianceFigures, compliance_figures
from lib.metrics.today import Card, TodayFigures, today_figures

__all__ = [
    "BREAKDOWNS",
    "PRESETS",
    "Card",
    "ComplianceFigures",
    "ReasonsFigures",
    "TodayFigures",
    "as_of",
    "compliance_figures",
    "next_state_change",
    "present_hour",
    "preset_range",
    "previous_business_day",
    "reason_labels",
    "reasons_figures",
    "today_figures",
]
