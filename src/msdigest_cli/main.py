"""Entry point of the `msdigest` command: load every command module, run, report errors."""

from __future__ import annotations

import sys

import click

from msdigest.errors import MsdigestError
from msdigest_cli import cmd_checks, cmd_facts, cmd_site, cmd_sources, cmd_writer  # noqa: F401  (register)
from msdigest_cli.app import cli

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; an `MsdigestError` becomes one line on stderr and exit status 1."""
    try:
        # Without standalone mode, click *returns* the code of an explicit exit
        # (`raise click.exceptions.Exit(1)`) instead of raising it.
        result = cli.main(args=argv, prog_name="msdigest", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except MsdigestError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    except BrokenPipeError:
        # `msdigest parse ... | head` closes stdout early; that is not an error.
        sys.stderr.close()
        return 0
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
