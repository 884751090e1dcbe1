"""The network graph page: who knows whom and who introduced whom, drawn offline by graph.js.

The data is inlined as JSON (escaped so it cannot close its script tag); the node links come from a
plain list of Markdown links on the same page, so MkDocs resolves every URL and the list doubles as
the accessible, script-free version of the graph.
"""

from __future__ import annotations

import json

from kithbook.site.context import SiteContext, contact_uri
from kithbook.site.markup import NOT_SEARCHED, Page, link, plural, text

GRAPH = "graph.md"


def graph_data(site: SiteContext) -> dict:
    """Nodes (in the order of the page's list of people) and edges (`knows` or `via`)."""
    nodes = [
        {
            "id": contact.slug,
            "name": contact.name,
            "circle": contact.circle or "",
            "company": contact.company or "",
        }
        for contact in _by_name(site)
    ]
    edges = []
    for slug, others in sorted(site.knows.items()):
        edges += [
            {"source": slug, "target": other, "kind": "knows"}
            for other in sorted(others)
            if slug < other
        ]
    for via, introduced in sorted(site.introduced.items()):
        edges += [{"source": via, "target": contact.slug, "kind": "via"} for contact in introduced]
    return {"nodes": nodes, "edges": edges, "circles": list(site.network.config.circles)}


def graph_page(site: SiteContext) -> Page:
    """The graph, its legend, and the list of people it draws."""
    graph = graph_data(site)
    data = json.dumps(graph, ensure_ascii=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    people = "\n".join(
        f"- {link(text(contact.name), GRAPH, contact_uri(contact.slug))}"
        for contact in _by_name(site)
    )
    edges = len(graph["edges"])
    body = (
        "# Network graph\n\n"
        '<div class="kb-graph-tools"><input type="search" class="kb-graph-find" '
        'placeholder="Find a person" aria-label="Find a person in the graph">'
        f'<span class="kb-muted">{plural(len(site.contacts), "person", "people")}, '
        f"{plural(edges, 'connection')}</span></div>\n\n"
        '<div class="kb-graph" id="kb-graph" role="img" '
        'aria-label="Graph of who knows whom"></div>\n\n'
        '<p class="kb-muted">A line joins people who know each other; a dashed arrow comes from '
        "whoever introduced you. Drag to move, scroll or pinch to zoom, click or tap a person to "
        "open their page. A name shows when there is room for it: point at a person, zoom in or "
        "type in the box to see more.</p>\n\n"
        f'<script type="application/json" id="kb-graph-data">{data}</script>\n\n'
        '<details class="kb-graph-people" markdown>\n<summary>Everyone in the graph</summary>\n\n'
        f"{people}\n\n</details>"
    )
    return Page(GRAPH, "Graph", body, hide=("navigation", "toc"), meta=NOT_SEARCHED)


def _by_name(site: SiteContext) -> list:
    return sorted(site.contacts, key=lambda contact: (contact.name.lower(), contact.slug))
