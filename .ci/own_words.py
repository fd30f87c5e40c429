#!/usr/bin/env python3
"""Shows that content/ is written in our own words: no run of N consecutive words
(default 12) in any content file also appears in the source documents.

Usage: own_words.py [CONTENT_DIR] [SEEDS_DIR] [N]
Exits 1 listing every shared run; 0 with a notice when the seeds are absent.
"""
import pathlib
import re
import sys

content = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "content")
seeds = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/seeds")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 12

if not seeds.is_dir():
    print(f"own words: skipped, no seeds at {seeds}")
    sys.exit(0)

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text):
    return WORD.findall(text.lower().replace("\u2019", "'"))


seed_runs = set()
for path in sorted(seeds.glob("*.txt")):
    w = words(path.read_text(encoding="utf-8", errors="replace"))
    for i in range(len(w) - n + 1):
        seed_runs.add(tuple(w[i : i + n]))

found = 0
for path in sorted(content.glob("*.toml")):
    # words with their line numbers, so a run that crosses a line break still counts
    located = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        located.extend((word, lineno) for word in words(line))
    w = [word for word, _ in located]
    i = 0
    while i <= len(w) - n:
        if tuple(w[i : i + n]) in seed_runs:
            print(f"{path}:{located[i][1]}: shares {n} words with the seeds: {' '.join(w[i:i+n])}")
            found += 1
            i += n
        else:
            i += 1

if found:
    print(f"own words: {found} line(s) share a run of {n} words with the seeds")
    sys.exit(1)
print(f"own words: no run of {n} words in {content} appears in the seeds")
