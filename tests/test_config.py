"""The one configuration: the `kithbook` plugin entry of mkdocs.yml, its defaults and its errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kithbook.config import DEFAULT_CHANNELS, DEFAULT_CIRCLES, Config, load_config
from kithbook.model import Duration


def config_of(tmp_path: Path, text: str | bytes) -> tuple[Config, list[str]]:
    """The Config of an mkdocs.yml with this text, and its problems as `line: message`."""
    data = text if isinstance(text, bytes) else textwrap.dedent(text).lstrip("\n").encode()
    (tmp_path / "mkdocs.yml").write_bytes(data)
    config, problems = load_config(tmp_path)
    assert all(problem.path == "mkdocs.yml" for problem in problems)
    return config, [f"{each.line}: {each.severity}: {each.message}" for each in problems]


def options(*lines: str) -> str:
    """An mkdocs.yml whose kithbook entry has these option lines (the first on line 4)."""
    return "site_name: My network\nplugins:\n  - kithbook:\n" + "".join(
        f"      {line}\n" for line in lines
    )


def test_a_network_without_mkdocs_yml_gets_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == (Config(), [])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "site_name: My network\n",
        "site_name: My network\nplugins:\n  - search\n",
        "site_name: My network\nplugins:\n  - search\n  - kithbook\n",
        "site_name: My network\nplugins:\n  - kithbook:\n",
        "site_name: My network\nplugins: search\n",
        "- a list, not a mapping\n",
        "site_name: My network\nplugins:\n  - ? [odd, key]\n    : value\n",
    ],
    ids=[
        "empty",
        "no-plugins",
        "other-plugin",
        "bare-entry",
        "empty-entry",
        "plugins-as-text",
        "top-level-list",
        "complex-key",
    ],
)
def test_an_mkdocs_yml_without_kithbook_options_means_the_defaults(
    tmp_path: Path, text: str
) -> None:
    assert config_of(tmp_path, text) == (Config(), [])


def test_every_option_is_read_with_its_type(tmp_path: Path) -> None:
    config, problems = config_of(
        tmp_path,
        options(
            "contacts_dir: people",
            "circles:",
            "  inner: 2w",
            "  outer: 1y",
            "default_cadence: 4m",
            "channels: [Email, Signal]",
            "follow_up_after: 7d",
            "follow_ups: 2",
            "lookahead: 3w",
            "belated: 5d",
            "timely_window: 2m",
            "backlog_per_week: 9",
            "per_day: 2",
            "duplicate_outreach: 1w",
            "phone_region: gb",
            "max_file_bytes: 2000",
        ),
    )
    assert problems == []
    assert config == Config(
        contacts_dir="people",
        circles={"inner": Duration(2, "w"), "outer": Duration(1, "y")},
        default_cadence=Duration(4, "m"),
        channels=("email", "signal"),
        follow_up_after=Duration(7, "d"),
        follow_ups=2,
        lookahead=Duration(3, "w"),
        belated=Duration(5, "d"),
        timely_window=Duration(2, "m"),
        backlog_per_week=9,
        per_day=2,
        duplicate_outreach=Duration(1, "w"),
        phone_region="GB",
        max_file_bytes=2000,
    )


def test_plugins_written_as_a_mapping_are_read_too(tmp_path: Path) -> None:
    config, problems = config_of(
        tmp_path,
        """
        plugins:
          search: {}
          kithbook:
            follow_ups: 3
        """,
    )
    assert (config.follow_ups, problems) == (3, [])


def test_python_tags_elsewhere_in_mkdocs_yml_do_not_stop_reading(tmp_path: Path) -> None:
    config, problems = config_of(
        tmp_path,
        """
        site_name: My network
        markdown_extensions:
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        extra: !ENV [HOME, "/"]
        plugins:
          - kithbook:
              follow_ups: 4
        """,
    )
    assert (config.follow_ups, problems) == (4, [])


def test_a_bom_and_crlf_line_endings_are_accepted(tmp_path: Path) -> None:
    text = "\ufeff" + options("follow_ups: 5").replace("\n", "\r\n")
    assert config_of(tmp_path, text.encode()) == (Config(follow_ups=5), [])


def test_the_defaults_are_the_documented_ones() -> None:
    config = Config()
    assert (
        config.circles
        == DEFAULT_CIRCLES
        == {
            "close": Duration(3, "w"),
            "friend": Duration(2, "m"),
            "colleague": Duration(3, "m"),
            "network": Duration(6, "m"),
            "acquaintance": Duration(1, "y"),
        }
    )
    assert (
        config.channels
        == DEFAULT_CHANNELS
        == ("email", "phone", "video", "message", "social", "in-person", "letter", "event")
    )


@pytest.mark.parametrize(
    ("circle", "cadence"),
    [
        ("close", Duration(3, "w")),
        ("acquaintance", Duration(1, "y")),
        ("unknown", Duration(6, "m")),
        (None, Duration(6, "m")),
    ],
)
def test_a_circle_gives_its_cadence_and_anything_else_the_default(
    circle: str | None, cadence: Duration
) -> None:
    assert Config().cadence_of_circle(circle) == cadence


@pytest.mark.parametrize(
    ("lines", "problems"),
    [
        (
            ["follow_up: 10d"],
            ["4: error: kithbook: unknown option 'follow_up' (did you mean follow_ups?)"],
        ),
        (
            ["colour: blue"],
            [
                "4: error: kithbook: unknown option 'colour'; known: contacts_dir, circles, "
                "default_cadence, channels, follow_up_after, follow_ups, lookahead, belated, "
                "timely_window, backlog_per_week, per_day, duplicate_outreach, phone_region, "
                "max_file_bytes, user_name, notify"
            ],
        ),
        (
            ["default_cadence: 30"],
            [
                "4: error: default_cadence: expected a duration such as 10d, 6w, 3m, 1y or never, "
                "found 30 (did you mean 30d?)"
            ],
        ),
        (["lookahead: never"], ["4: error: lookahead: must be a duration such as 10d, not never"]),
        (
            ["circles: [close]"],
            ["4: error: circles: expected a mapping (key: value lines), found a list"],
        ),
        (
            ["circles:", "  Best Friends: 1w", "  work: 3"],
            [
                "5: error: circles: circle names are lowercase words, found 'Best Friends'",
                "6: error: circles.work: expected a duration such as 10d, 6w, 3m, 1y or never, "
                "found 3 (did you mean 3d?)",
            ],
        ),
        (
            ["follow_ups: -1"],
            ["4: error: follow_ups: expected a whole number of at least 0, found -1"],
        ),
        (
            ["backlog_per_week: many"],
            ["4: error: backlog_per_week: expected a whole number of at least 0, found 'many'"],
        ),
        (
            ["per_day: 0"],
            ["4: error: per_day: expected a whole number of at least 1, found 0"],
        ),
        (
            ["phone_region: GBR"],
            ["4: error: phone_region: expected a two-letter country code such as GB or US"],
        ),
        (["channels: [email, {a: b}]"], ["4: error: channels: expected text, found a mapping"]),
        (
            ["follow_ups: 1", "follow_ups: 2"],
            ["4: error: follow_ups: written twice (again on line 5); remove one of them"],
        ),
        (
            ["contacts_dir: 12"],
            [
                "4: error: contacts_dir: YAML reads 12 as a number, not text; put it in quotes: "
                'contacts_dir: "12"'
            ],
        ),
    ],
)
def test_a_bad_option_is_an_error_on_its_line_of_mkdocs_yml(
    tmp_path: Path, lines: list[str], problems: list[str]
) -> None:
    assert config_of(tmp_path, options(*lines))[1] == problems


def test_a_bad_option_keeps_its_default_and_the_good_ones_are_still_read(tmp_path: Path) -> None:
    config, problems = config_of(tmp_path, options("lookahead: soon", "follow_ups: 3"))
    assert (config.lookahead, config.follow_ups, len(problems)) == (Duration(14, "d"), 3, 1)


def test_phone_region_no_is_norway_once_quoted(tmp_path: Path) -> None:
    assert config_of(tmp_path, options('phone_region: "no"')) == (Config(phone_region="NO"), [])


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            "site_name: x\nplugins:\n  - kithbook:\n    lookahead: 14d\n   - search\n",
            [
                "5: error: not valid YAML: did not find expected '-' indicator; check this line's "
                "indentation: it is inside the list above"
            ],
        ),
        (
            "site_name: x\nplugins: [kithbook\n",
            [
                "2: error: not valid YAML: did not find expected ',' or ']'; the [ opened on this "
                "line is not closed"
            ],
        ),
        (
            "site_name: x\nplugins:\n  - kithbook: [circles]\n",
            ["3: error: kithbook: expected a mapping (key: value lines), found a list"],
        ),
        (
            b"site_name: Caf\xe9\n",
            ["1: error: not valid UTF-8 (byte 0xe9 at column 15); save the file as UTF-8"],
        ),
        (b"site_name: x\x00\n", ["1: error: this is not a text file (it contains NUL bytes)"]),
    ],
    ids=["bad-indent", "unclosed", "entry-not-mapping", "latin-1", "nul"],
)
def test_an_unreadable_mkdocs_yml_is_one_error_and_the_defaults(
    tmp_path: Path, text: str | bytes, problems: list[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_bytes(text if isinstance(text, bytes) else text.encode())
    config, found = load_config(tmp_path)
    assert (config, [f"{p.line}: {p.severity}: {p.message}" for p in found]) == (Config(), problems)


def test_a_folder_named_mkdocs_yml_is_an_error_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").mkdir()
    config, problems = load_config(tmp_path)
    assert config == Config()
    assert [problem.message for problem in problems] == ["cannot read the file: Is a directory"]


def test_each_option_is_declared_once_with_a_reader_and_a_meaning() -> None:
    import dataclasses

    from kithbook.config import OPTIONS, Config

    declared = dataclasses.fields(Config)
    assert list(OPTIONS) == [option.name for option in declared]
    assert all(callable(option.metadata["read"]) and option.metadata["doc"] for option in declared)


def test_a_config_never_shares_its_circles_with_another() -> None:
    from kithbook.config import Config

    assert Config().circles == Config().circles and Config().circles is not Config().circles


def test_every_option_is_documented_in_the_docs() -> None:
    from kithbook.config import OPTIONS

    docs = Path(__file__).resolve().parents[1] / "docs"
    text = "\n".join(page.read_text(encoding="utf-8") for page in docs.glob("*.md"))
    assert [name for name in OPTIONS if f"{name}:" not in text] == []
