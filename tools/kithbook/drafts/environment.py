"""The templates of drafts: the shipped Jinja2 files, overridden by a network's `templates/`.

Templates are plain Jinja2 files, `<intent>/<kind>.j2`, shipped in `kithbook/drafts/templates/`; a
file of the same name under the network's `templates/` folder replaces the shipped one. They run in
Jinja2's sandbox. `pick(a, b, ...)` chooses one wording per person (see `Templates.render`).
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from kithbook.drafts.facts import seed_of
from kithbook.errors import KithbookError

SHIPPED = Path(__file__).parent / "templates"
TEMPLATES_DIR = "templates"
MAX_TEMPLATE_BYTES = 256 * 1024  # a template is a few lines; a bigger file is not one
MAX_SEQUENCE = 100_000  # the longest text or list `*` may make (as the sandbox's MAX_RANGE)
MAX_POWER_BITS = 100_000  # the largest number `**` may make, in bits


class DraftError(KithbookError):
    """A template that cannot be read or rendered: the message names the file and line."""


class _NetworkLoader(jinja2.FileSystemLoader):
    """The network's `templates/`: only regular files inside it, of a template's size. A cloned
    network is untrusted: a template that is a link to `~/.ssh/id_rsa` must not put that file into
    a draft (and the site's mailto: link), nor may a FIFO hang the build."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        folder = os.path.realpath(self.searchpath[0])
        path = os.path.join(folder, *split_template_path(template))
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            raise jinja2.TemplateNotFound(template) from None
        if stat.S_ISDIR(mode):
            raise jinja2.TemplateNotFound(template)
        real = os.path.realpath(path)  # a link to a file or a folder, anywhere on the way
        if os.path.commonpath([real, folder]) != folder:
            raise jinja2.TemplateError(
                f"{TEMPLATES_DIR}/{template} is a link to {real}, outside {TEMPLATES_DIR}/; "
                "kith reads templates only from the folder itself"
            )
        if not os.path.isfile(real) or os.path.getsize(real) > MAX_TEMPLATE_BYTES:
            raise jinja2.TemplateError(
                f"{TEMPLATES_DIR}/{template} is not a regular file of at most "
                f"{MAX_TEMPLATE_BYTES // 1024} KB"
            )
        return super().get_source(environment, template)


class _Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with `*` and `**` bounded: `{{ "x" * 10**10 }}` in a cloned network's
    template must be a one-line error, not gigabytes of memory."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if (
                    isinstance(sequence, (str, list, tuple))
                    and isinstance(times, int)
                    and len(sequence) * times > MAX_SEQUENCE
                ):
                    raise jinja2.exceptions.SecurityError(
                        f"the result of * would be longer than {MAX_SEQUENCE}"
                    )
        elif isinstance(left, int) and isinstance(right, int) and right > 0:
            if max(left.bit_length(), 1) * right > MAX_POWER_BITS:
                raise jinja2.exceptions.SecurityError("the result of ** would be too large")
        return super().call_binop(context, operator, left, right)


class Templates:
    """The Jinja2 environment: the network's `templates/` folder first, then the shipped files."""

    def __init__(self, override: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = []
        if override is not None and override.is_dir():
            loaders.append(_NetworkLoader(str(override)))
        loaders.append(jinja2.FileSystemLoader(str(SHIPPED)))
        self.override = override
        # sandboxed: a network's templates come with its files, and must not reach Python's insides
        self.environment = _Sandbox(
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
        except RecursionError:
            raise DraftError(
                f"{self.where(name)}: error: a macro or include calls itself without end"
            ) from None
        except MemoryError:
            raise DraftError(
                f"{self.where(name)}: error: the template needs too much memory"
            ) from None


@functools.cache
def shipped_templates() -> Templates:
    """The shipped templates alone, made once (Jinja2 then keeps each compiled)."""
    return Templates()
