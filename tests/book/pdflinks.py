#!/usr/bin/env python3
"""pdflinks.py PDF - every internal link of a PDF as "FROM TO" page numbers
(1-based, in page order), read from qpdf's JSON: each page's /Annots with a
/Dest, a named destination looked up in the catalog's /Dests name tree
(flat or with /Kids).  A link whose destination does not resolve prints
TO as 0."""
import json
import subprocess
import sys

doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                                check=True, capture_output=True).stdout)
objs = {k[4:]: v.get("value") for k, v in doc["qpdf"][1].items() if k.startswith("obj:")}
catalog = next(v for v in objs.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")


page_refs = []


def page_list(ref):
    node = objs[ref]
    if node.get("/Type") == "/Pages":
        for kid in node["/Kids"]:
            page_list(kid)
    else:
        page_refs.append(ref)


page_list(catalog["/Pages"])
names = {}


def walk(ref):
    node = objs[ref] if isinstance(ref, str) else ref
    arr = node.get("/Names", [])
    for i in range(0, len(arr), 2):
        dest = arr[i + 1]
        if isinstance(dest, str):
            dest = objs[dest]
        if isinstance(dest, dict):
            dest = dest["/D"]
        names[arr[i]] = dest[0]
    for kid in node.get("/Kids", []):
        walk(kid)


dests = catalog.get("/Names")
if dests:
    dests = objs[dests] if isinstance(dests, str) else dests
    if "/Dests" in dests:
        walk(dests["/Dests"])
for n, ref in enumerate(page_refs, 1):
    for a in objs[ref].get("/Annots", []):
        a = objs[a] if isinstance(a, str) else a
        d = a.get("/Dest")
        if d is None:
            continue
        target = names.get(d) if isinstance(d, str) else d[0]
        print(n, page_refs.index(target) + 1 if target in page_refs else 0)
