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


def _walk(command: click.Command, path: list[str]) -> Iterator[tuple[list[str], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name])


def render_reference() -> str:
    """Return the Markdown reference of every command, in alphabetical order."""
    parts = [HEADER]
    for path, command in _walk(cli, ["msdigest"]):
        name = " ".join(path)
        # make_context applies each command's context_settings (-h, widths) as a real run does.
        with command.make_context(name, [], resilient_parsing=True) as context:
            context.terminal_width = 100
            help_text = command.get_help(context)
        level = "#" * min(len(path) + 1, 4)
        parts.append(f"{level} `{name}`\n\n```\n{help_text}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render_reference(), end="")
