"""The `litkg` command line: a click group whose commands call library functions."""

from __future__ import annotations

from importlib.metadata import version

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("litkg"), prog_name="litkg")
def cli() -> None:
    """litkg: turn clinical-trial papers into a knowledge graph you can query."""


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
