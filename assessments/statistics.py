"""Aggregate counts of stored assessments with small cells suppressed, so that no one person can be seen.

A count from 1 to k-1 is never shown (k is STATISTICS_MIN_COUNT, 10 by default): it is reported as null.
Where the cells of a week add up to the week's shown total (triage levels; leading conditions), a single
suppressed cell could be worked out by subtraction, so the next smallest cell is suppressed with it.
"""

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta


def week_start(day: date) -> datetime:
    """Midnight (UTC) on the Monday of the week of `day`: counts never cover part of a week."""
    return datetime.combine(day - timedelta(days=day.weekday()), time.min, tzinfo=UTC)


def shown(count: int, k: int) -> int | None:
    return count if count >= k else None


def partition(counts: Counter, k: int, total_shown: bool, hidden: frozenset = frozenset()) -> dict:
    """Each cell's shown count: primary suppression below k, and a second cell when one alone is suppressed.

    `hidden` cells are not reported but count as suppressed when small (a reader could subtract for them).
    """
    result = {key: shown(count, k) for key, count in counts.items() if count}
    small = [key for key, count in counts.items() if 0 < count < k]
    others = [key for key, count in counts.items() if count >= k and key not in hidden]
    if total_shown and len(small) == 1 and others:
        result[min(others, key=lambda key: (counts[key], str(key)))] = None
    return {key: value for key, value in result.items() if key not in hidden}


def weekly_statistics(groups: list[dict], *, k: int) -> list[dict]:
    """The weekly tables from grouped rows (see assessments.selectors.weekly_groups)."""
    weeks: dict[date, dict[str, Counter]] = {}
    for group in groups:
        week = group["week"].date() if isinstance(group["week"], datetime) else group["week"]
        tallies = weeks.setdefault(week, {"total": Counter(), "level": Counter(), "lead": Counter(), "root": Counter()})
        tallies["total"]["all"] += group["n"]
        tallies["level"][group["level"] or None] += group["n"]
        tallies["lead"][group["lead"] or None] += group["n"]
        for root in set(group["roots"].split(",")) - {""}:
            tallies["root"][root] += group["n"]
    table = []
    for week, tallies in sorted(weeks.items()):
        total = shown(tallies["total"]["all"], k)
        levels = partition(tallies["level"], k, total is not None, hidden=frozenset({None}))
        leads = partition(tallies["lead"], k, total is not None, hidden=frozenset({None}))
        roots = {code: shown(count, k) for code, count in tallies["root"].items()}
        table.append(
            {
                "week": week,
                "assessments": total,
                "triage": [{"level": level, "count": count} for level, count in sorted(levels.items())],
                "conditions": [{"code": code, "count": count} for code, count in sorted(leads.items())],
                "nerve_roots": [{"code": code, "count": count} for code, count in sorted(roots.items())],
            }
        )
    return table
