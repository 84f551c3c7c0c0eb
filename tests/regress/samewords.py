#!/usr/bin/python3
"""samewords.py TXT XHTML_TEXT PDF_TEXT - do three renderings of one article
show the same words?

Words are runs of Latin letters and single CJK ideographs (numbers are left
out: list numbers, footnote marks and page numbers differ by design).
Prints the words one output has and another lacks; exit status 1 then."""
import re
import sys

WORD = re.compile(r"[A-Za-z]+|[\u3400-\u9fff]")
names = ("txt", "xhtml", "pdf")
sets = []
for path in sys.argv[1:4]:
    with open(path, encoding="utf-8") as f:
        sets.append(set(WORD.findall(f.read())))
bad = False
for i, a in enumerate(names):
    for j, b in enumerate(names):
        extra = sorted(sets[i] - sets[j])
        if i != j and extra:
            print(f"  in {a}, not in {b}: {' '.join(extra[:15])}")
            bad = True
sys.exit(1 if bad else 0)
