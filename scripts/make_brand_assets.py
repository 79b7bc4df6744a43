"""Writes the portal's mark and icons (home.brand) to static/brand/ and templates/includes/.

    .venv/bin/python scripts/make_brand_assets.py

Run it after changing home/brand.py or the colours in home/theme.py, and commit the files;
tests/test_identity.py fails while they differ from what home.brand draws.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from home.brand import assets


def main():
    for relative, data in assets().items():
        path = ROOT / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{relative}: {len(data)} bytes")


if __name__ == "__main__":
    main()
