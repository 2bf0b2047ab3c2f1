"""The UI string catalogue: one entry per key, French first, then English.

One catalogue, kept in one module per area of the app so that each page's
strings sit together; keys are unique across areas (the tests check it).
"""

from lib.catalogue import (
    access,
    accounts_ui,
    alerts,
    backups,
    calendar,
    cli,
    core,
    detection,
    drafts,
    empty,
    flags_ui,
    io,
    lead,
    lead_pages,
    levels,
    newcomer,
    platforms,
    posts,
    presets,
    queue,
    records,
    settings,
    taxonomy,
    team,
    today_page,
    transparency,
    triage_rules,
)

AREAS = (core, taxonomy, queue, lead, io, settings, cli, team, presets, empty, drafts)
AREAS += (today_page, lead_pages, posts, newcomer, levels)
AREAS += (calendar, platforms, accounts_ui, flags_ui, detection, alerts, triage_rules)
AREAS += (records, access, backups, transparency)

STRINGS: dict[str, dict[str, str]] = {}
for _area in AREAS:
    STRINGS.update(_area.STRINGS)
