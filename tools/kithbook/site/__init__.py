"""The network site: pages generated from the network, and the MkDocs plugin that builds them.

Public API: `site.pages.site_pages` (a network in, Markdown pages out; knows nothing of MkDocs),
`site.plugin.KithbookPlugin` (the thin MkDocs adapter), `site.context.public_context` (what every
page reads, private contacts already removed) and `site.markup` (escaping, links, tables). The
page modules: `home`, `lists` (people, due, calendar), `groups`, `graph`, `contact_page`; and
`html_blocks`, a Markdown extension for the generated HTML; `prerender` (a person page's parts and
what MkDocs makes of them) and `fast_pages` (the MkDocs page that uses them). The site never
imports `cli`.
"""
