#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "refpain.settings")
    if "SECRET_KEY" not in os.environ:
        # No secret key means a developer's machine: run commands in local development mode.
        # Production always sets SECRET_KEY, so its commands keep DEBUG off.
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
