"""Generate docs/cli.md from the commands' own --help, so the reference cannot drift.

Run `python -m msdigest_cli.reference > docs/cli.md` after changing a command;
`tests/test_docs.py` fails when the file and the commands disagree.
"""

from __future__ import annotations

from collections.abc import Iterator

import click

from msdigest_cli.main import cli

HEADER = """# Command-line reference

Generated from `msdigest --help` by `python -m msdigest_cli.reference > docs/cli.md`;
`tests/test_docs.py` checks that it is up to date.
"""


def _walk(
    command: click.Command, path: list[str], parent: click.Context | None
) -> Iterator[tuple[list[str], click.Command, click.Context]]:
    """Yield every command with a context made under its parent's, as a real run makes it.

    A subcommand inherits settings such as `-h` from its group's context; a context made
    without its parent would show only `--help`, which is not what a user sees.
    """
    context = command.make_context(path[-1], [], parent=parent, resilient_parsing=True)
    context.terminal_width = 100
    yield path, command, context
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name], context)


def render_reference() -> str:
    """Return the Markdown reference of every command, in alphabetical order."""
    parts = [HEADER]
    for path, command, context in _walk(cli, ["msdigest"], None):
        name = " ".join(path)
        help_text = command.get_help(context)
        level = "#" * min(len(path) + 1, 4)
        parts.append(f"{level} `{name}`\n\n```\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render_reference(), end="")
