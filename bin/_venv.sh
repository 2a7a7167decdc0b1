# Sourced by the bin/ scripts: make sure .venv exists and holds the pinned requirements.
# Usage: ensure_venv requirements.txt   (or requirements-dev.txt)
ensure_venv() {
  local requirements="$1"
  local python="${PYTHON:-python3}"
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "refpain needs Python 3.11 or newer: set PYTHON=/path/to/python3.11" >&2
    exit 2
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment in .venv" >&2
    "$python" -m venv .venv
  fi
  # Reinstall only when the requirement files change.
  local stamp=".venv/.installed-$(basename "$requirements" .txt)"
  local digest
  digest=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    echo "Installing $requirements into .venv" >&2
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r "$requirements"
    echo "$digest" > "$stamp"
  fi
}
