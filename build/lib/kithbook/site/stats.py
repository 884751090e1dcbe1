"""The stats page: what the log says about your outreach over the last year, with small charts.

The figures are `kithbook.rules.stats` over the site's public network (private contacts are gone
before this module sees anything). Charts are inline SVG drawn here: no script, nothing fetched.
"""

from __future__ import annotations

import datetime as dt

from kithbook.model import add_months
from kithbook.rules.phrases import date_words
from kithbook.rules.stats import Rate, Stats, stats
from kithbook.site.context import SiteContext
from kithbook.site.markup import Page, attr, html_block, plural, table, text

STATS = "stats.md"
BAR = "fill: var(--md-primary-fg-color, #4051b5)"
TRACK = "fill: var(--md-default-fg-color--lightest, #eee)"
LABEL = "fill: var(--md-default-fg-color, #222); font-size: 11px"


def stats_page(site: SiteContext) -> Page:
    """Reply rates, the reconnection funnel, circles within their cadence, weekly outreach and
    value given, over the twelve months before the build."""
    since = add_months(site.today, -12)
    figures = stats(site.network, site.today, since)
    parts = [
        "# Stats",
        f'<p class="kb-muted">From {date_words(since)} to {date_words(site.today)}, from the log '
        "of the people on this site. The same figures in a terminal: <code>kith stats</code>.</p>",
        _cards(figures),
        "## Reply rate by circle",
        _bars([(name, rate.rate, _rate_words(rate)) for name, rate in figures.by_circle.items()]),
        "## Reply rate by channel",
        _bars([(name, rate.rate, _rate_words(rate)) for name, rate in figures.by_channel.items()]),
        "## Within their cadence",
        _bars(
            [
                (share.circle, share.share, f"{share.within} of {share.contacts}")
                for share in figures.circles
            ]
        ),
        "## Outreach per week",
        _weeks_chart(figures.outreach_by_week),
        "## Reconnecting with old contacts",
        table(
            ["Reached out to", "Replied", "Active again"],
            [
                [
                    str(figures.funnel.reached),
                    str(figures.funnel.replied),
                    str(figures.funnel.active_again),
                ]
            ],
        ),
        "## Value given",
        table(
            ["Tag", "Interactions"],
            [[text(f"#{tag}"), str(count)] for tag, count in figures.value_given.items()],
        ),
    ]
    return Page(STATS, "Stats", "\n\n".join(parts))


def _rate_words(rate: Rate) -> str:
    return f"{rate.answered} of {plural(rate.sent, 'message')}"


def _cards(figures: Stats) -> str:
    rate = figures.overall.rate
    days = figures.median_days_to_answer
    numbers = [
        ("—" if rate is None else f"{rate:.0%}", "reply rate", _rate_words(figures.overall)),
        ("—" if days is None else f"{days:g} d", "median time to answer", "within 14 days"),
        (figures.they_wrote_first, "times they wrote first", "no message of yours before"),
        (
            f"{figures.weeks_with_outreach}/{figures.weeks}",
            "weeks with outreach",
            f"streak {plural(figures.current_streak, 'week')}, longest {figures.longest_streak}",
        ),
    ]
    cards = "\n".join(
        f'<div class="kb-stat"><span class="kb-stat__value">{attr(value)}</span>'
        f'<span class="kb-stat__label">{attr(label)}</span>'
        f'<span class="kb-stat__note">{attr(note)}</span></div>'
        for value, label, note in numbers
    )
    return f'<div class="kb-stats">\n{cards}\n</div>'


def _bars(rows: list[tuple[str, float | None, str]]) -> str:
    """A horizontal bar chart of shares (0 to 1), one labelled bar a row, as inline SVG."""
    if not rows:
        return '<p class="kb-empty">Nothing logged in this period.</p>'
    width, height, label_width, bar_width = 420, 22, 110, 200
    shapes = []
    for index, (name, share, words) in enumerate(rows):
        y = index * height
        filled = 0 if share is None else round(bar_width * share)
        shown = "—" if share is None else f"{share:.0%}"
        shapes += [
            f'<text x="0" y="{y + 15}" style="{LABEL}">{attr(name)}</text>',
            f'<rect x="{label_width}" y="{y + 4}" width="{bar_width}" height="14" '
            f'style="{TRACK}"/>',
            f'<rect x="{label_width}" y="{y + 4}" width="{filled}" height="14" style="{BAR}"/>',
            f'<text x="{label_width + bar_width + 8}" y="{y + 15}" style="{LABEL}">'
            f"{attr(shown)} ({attr(words)})</text>",
        ]
    total = height * len(rows)
    return html_block(
        f'<svg class="kb-chart" role="img" viewBox="0 0 {width} {total}" width="{width}" '
        f'height="{total}" xmlns="http://www.w3.org/2000/svg">' + "".join(shapes) + "</svg>"
    )


def _weeks_chart(weeks: tuple[tuple[dt.date, int], ...]) -> str:
    """A column per ISO week, as tall as that week's outreach, as inline SVG."""
    if not weeks:
        return '<p class="kb-empty">No weeks in this period.</p>'
    most = max((count for _, count in weeks), default=0) or 1
    column, chart_height = 8, 60
    shapes = []
    for index, (monday, count) in enumerate(weeks):
        tall = round(chart_height * count / most)
        shapes.append(
            f'<rect x="{index * column}" y="{chart_height - max(tall, 1)}" width="{column - 2}" '
            f'height="{max(tall, 1)}" style="{BAR if count else TRACK}">'
            f"<title>{attr(date_words(monday))}: {attr(plural(count, 'outreach', 'outreach'))}"
            "</title></rect>"
        )
    width = column * len(weeks)
    return html_block(
        f'<svg class="kb-chart" role="img" viewBox="0 0 {width} {chart_height}" width="{width}" '
        f'height="{chart_height}" xmlns="http://www.w3.org/2000/svg">' + "".join(shapes) + "</svg>"
    )
