"""The templates of drafts: the shipped Jinja2 files, overridden by a network's `templates/`.

Templates are plain Jinja2 files, `<intent>/<kind>.j2`, shipped in `kithbook/drafts/templates/`; a
file of the same name under the network's `templates/` folder replaces the shipped one. They run in
Jinja2's sandbox. `pick(a, b, ...)` chooses one wording per person (see `Templates.render`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from kithbook.drafts.facts import seed_of
from kithbook.errors import KithbookError

SHIPPED = Path(__file__).parent / "templates"
TEMPLATES_DIR = "templates"


class DraftError(KithbookError):
    """A template that cannot be read or rendered: the message names the file and line."""


class Templates:
    """The Jinja2 environment: the network's `templates/` folder first, then the shipped files."""

    def __init__(self, override: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if override is not None and override.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(override)))
        loaders.append(jinja2.FileSystemLoader(str(SHIPPED)))
        self.override = override
        # sandboxed: a network's templates come with its files, and must not reach Python's insides
        self.environment = SandboxedEnvironment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=False,  # plain text; the site escapes the result where it shows it
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            undefined=jinja2.ChainableUndefined,
        )

    @classmethod
    def of_network(cls, root: Path) -> Templates:
        return cls(root / TEMPLATES_DIR)

    def where(self, name: str) -> str:
        """Where a template comes from, for messages: `templates/x.j2` or `(shipped) x.j2`."""
        if self.override is not None and (self.override / name).is_file():
            return f"{TEMPLATES_DIR}/{name}"
        return f"(shipped) {name}"

    def render(self, name: str, values: Mapping[str, Any], variant: int) -> str:
        """The template filled in. A `pick` takes option (an offset fixed for that list of wordings
        + `variant`): people with consecutive variants get different wordings. The offset comes
        from the wordings' first words, which are the template's, not the person's."""

        def pick(*options: Any) -> Any:
            if not options:
                return ""
            shape = [str(option)[:10] for option in options]
            return options[(seed_of(name, *shape) + variant) % len(options)]

        try:
            template = self.environment.get_template(name)
            return template.render(**values, pick=pick)
        except jinja2.TemplateSyntaxError as error:
            where = self.where(name) if error.name in (None, name) else error.name
            raise DraftError(f"{where}:{error.lineno}: error: {error.message}") from None
        except jinja2.TemplateNotFound as error:
            raise DraftError(f"no template {error.name} (in {TEMPLATES_DIR}/ or shipped)") from None
        except jinja2.TemplateError as error:
            raise DraftError(f"{self.where(name)}: error: {error}") from None
        except (TypeError, ValueError, AttributeError, ArithmeticError, LookupError) as error:
            raise DraftError(f"{self.where(name)}: error: {error}") from None


@functools.cache
def shipped_templates() -> Templates:
    """The shipped templates alone, made once (Jinja2 then keeps each compiled)."""
    return Templates()
