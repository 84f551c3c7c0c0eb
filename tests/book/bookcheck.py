#!/usr/bin/env python3
"""bookcheck.py PDF HEADER - what a reader of an md2pdf book relies on.
Prints one line per problem (none: the book is right):
- the outline has one top-level entry per article, none named after a file;
- each link on the contents pages (labelled ii, iii...) goes to a page that
  holds the title of the outline entry of the same rank;
- every body page (labelled 1, 2...) starts with a running header that
  begins with HEADER.
Last line: "articles N links N body-pages N"."""
import json
import os
import re
import subprocess
import sys

pdf, header = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
j = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", "--json-key=pages", pdf],
                              check=True, capture_output=True).stdout)
titles = [o["title"] for o in j["outlines"]]
labels = [(p.get("label") or {}) for p in j["pages"]]
front = [i + 1 for i, l in enumerate(labels) if l.get("/S") != "/D"]
body = [i + 1 for i, l in enumerate(labels) if l.get("/S") == "/D"]
text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True,
                      capture_output=True, text=True).stdout.split("\f")
squash = lambda s: re.sub(r"\s+", "", s)
for t in titles:
    if t.endswith(".md"):
        print("outline entry named after a file:", t)
links = [tuple(map(int, l.split())) for l in
         subprocess.run([os.path.join(here, "pdflinks.py"), pdf], check=True,
                        capture_output=True, text=True).stdout.split("\n") if l]
toc = [to for frm, to in links if frm in front[1:]]
if len(toc) != len(titles):
    print("contents links: %d, articles: %d" % (len(toc), len(titles)))
for t, to in zip(titles, toc):
    if to == 0 or squash(t) not in squash(text[to - 1]):
        print("contents link for %r goes to page %d, which does not hold it" % (t, to))
for n in body:
    lines = [l for l in text[n - 1].split("\n") if l.strip()]
    if lines and not lines[0].strip().startswith(header):
        print("page %d: no running header: %r" % (n, lines[0][:60]))
print("articles %d links %d body-pages %d" % (len(titles), len(toc), len(body)))
