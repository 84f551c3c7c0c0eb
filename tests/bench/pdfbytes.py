#!/usr/bin/env python3
"""pdfbytes.py PDF... - where the bytes of a PDF go.

Groups the stored (compressed) stream lengths by role: embedded font
programs (per font, with its subtype), ToUnicode maps, page content, images,
other streams, and the rest (object syntax, xref).  Reads qpdf --json (qpdf
11), so it needs no PDF library.
"""
import json
import os
import subprocess
import sys


def ref(v):
    return v if isinstance(v, str) and v.endswith(" R") else None


def analyse(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--json-stream-data=none", path],
                         check=True, capture_output=True, text=True).stdout
    objs = json.loads(out)["qpdf"][1]
    streams = {}
    dicts = {}
    for key, val in objs.items():
        if not key.startswith("obj:"):
            continue
        oid = key[4:]
        if "stream" in val:
            d = val["stream"]["dict"]
            streams[oid] = d
            dicts[oid] = d
        elif isinstance(val.get("value"), dict):
            dicts[oid] = val["value"]

    def length(oid):
        n = streams[oid].get("/Length", 0)
        if ref(n):
            n = objs["obj:" + n]["value"]
        return int(n)

    role = {}
    fontname = {}
    for oid, d in dicts.items():
        if d.get("/Type") == "/FontDescriptor":
            for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                r = ref(d.get(k))
                if r:
                    sub = streams.get(r, {}).get("/Subtype", k[1:])
                    role[r] = "font"
                    fontname[r] = "%s (%s)" % (d.get("/FontName", "?"), sub)
        if d.get("/Type") == "/Page":
            c = d.get("/Contents")
            for r in (c if isinstance(c, list) else [c]):
                if ref(r):
                    role[r] = "content"
        if ref(d.get("/ToUnicode")):
            role[d["/ToUnicode"]] = "tounicode"
        if d.get("/Subtype") == "/CIDFontType0" or d.get("/Subtype") == "/CIDFontType2":
            if ref(d.get("/CIDToGIDMap")):
                role[d["/CIDToGIDMap"]] = "cidtogid"
    total = os.path.getsize(path)
    sums = {}
    fonts = []
    for oid in streams:
        r = role.get(oid)
        if r is None:
            r = "image" if streams[oid].get("/Subtype") == "/Image" else "other stream"
        n = length(oid)
        sums[r] = sums.get(r, 0) + n
        if r == "font":
            fonts.append((n, fontname[oid]))
    print("%s: %d bytes" % (path, total))
    for r, n in sorted(sums.items(), key=lambda x: -x[1]):
        print("  %-14s %9d  %5.1f%%" % (r, n, 100.0 * n / total))
    rest = total - sum(sums.values())
    print("  %-14s %9d  %5.1f%%" % ("non-stream", rest, 100.0 * rest / total))
    for n, name in sorted(fonts, reverse=True):
        print("    font %9d  %s" % (n, name))


for p in sys.argv[1:]:
    analyse(p)
