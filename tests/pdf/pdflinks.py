#!/usr/bin/python3
"""pdflinks.py [--md ARTICLE.md] PDF... - does every bookmark and internal link of a PDF lead
to the page that holds its heading or anchor?

Reads the objects through `qpdf --json` (the outline, each page's /Annots and
the named destinations of the catalog's /Names /Dests tree and /Dests
dictionary) and the text of each page through `pdftotext -f N -l N`.  A
destination name is looked up the way a viewer does: byte for byte, so a
name written in UTF-8 in the name tree and in UTF-16 in a /Dest is dead.

Checks:
- bookmark: its destination resolves, and the page it lands on holds the
  bookmark's title;
- internal link: its destination resolves; when a bookmark uses the same
  destination, the page holds that title; otherwise, when the name reads
  as a heading slug (lower-case words joined by '-'), the page holds the
  slug's words.  With --md, a name the article defines with a raw HTML
  name= or id= (<a name="fig1"></a>Figure 1) is checked against the words
  that follow that tag in the article instead.  Footnote marks (fn-N) and
  anchors with no text after them only need to resolve.

Prints one line per problem ("  FILE: bookmark 'T': dead" ...) and one
summary line per file:
  FILE: bookmarks N dead D wrong W; links N dead D wrong W
Exit status 0 when every PDF is clean, 1 on any problem, 2 on a tool error.
"""
import json
import re
import subprocess
import sys
import unicodedata
import urllib.parse


def qpdf_objects(pdf):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--json-key=pages", pdf],
                         check=True, capture_output=True).stdout
    d = json.loads(out)
    objs = {k[4:]: v.get("value") for k, v in d["qpdf"][1].items() if k.startswith("obj:")}
    trailer = d["qpdf"][1].get("trailer", {}).get("value", {})
    pages = [p["object"] for p in d["pages"]]
    return objs, trailer, pages


def deref(objs, v):
    while isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
        v = objs.get(v)
    return v


def key(s):
    """A PDF string as qpdf shows it ("u:text" or "b:hex"), as bytes-like
    key: two strings are equal only when a viewer's byte compare says so."""
    if isinstance(s, str) and s.startswith("u:"):
        t = s[2:]
        try:
            return ("pdfdoc", t.encode("latin-1"))      # ASCII/PDFDoc bytes
        except UnicodeEncodeError:
            return ("utf16", t.encode("utf-16-be"))
    if isinstance(s, str) and s.startswith("b:"):
        return ("bytes", bytes.fromhex(s[2:]))
    if isinstance(s, str) and s.startswith("/"):        # a name object
        return ("name", s[1:].encode())
    return ("?", repr(s).encode())


def show(s):
    if isinstance(s, str) and s[:2] in ("u:", "b:"):
        if s.startswith("b:"):
            return bytes.fromhex(s[2:]).decode("utf-8", "replace")
        return s[2:]
    return str(s)


def named_dests(objs, trailer):
    """Every named destination: key -> destination array."""
    names = {}
    root = deref(objs, trailer.get("/Root")) or {}

    def walk(node, depth=0):
        node = deref(objs, node) or {}
        if depth > 50:
            return
        arr = deref(objs, node.get("/Names")) or []
        for i in range(0, len(arr) - 1, 2):
            names[key(arr[i])] = deref(objs, arr[i + 1])
        for kid in deref(objs, node.get("/Kids")) or []:
            walk(kid, depth + 1)

    tree = deref(objs, (deref(objs, root.get("/Names")) or {}).get("/Dests"))
    if tree:
        walk(tree)
    old = deref(objs, root.get("/Dests"))       # PDF 1.1 dictionary of names
    if isinstance(old, dict):
        for k, v in old.items():
            names[("name", k[1:].encode())] = deref(objs, v)
    return names


def resolve(objs, names, pages, dest):
    """1-based page of a destination (array, string or name), or None."""
    dest = deref(objs, dest)
    if isinstance(dest, str):
        dest = deref(objs, names.get(key(dest)))
    if isinstance(dest, dict):                  # a name may map to << /D [...] >>
        dest = deref(objs, dest.get("/D"))
    if isinstance(dest, list) and dest and dest[0] in pages:
        return pages.index(dest[0]) + 1
    return None


def norm(text):
    """Letters and digits only, case-folded: line breaks, spacing and
    punctuation differ between a title and its typeset form."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


class Pages:
    def __init__(self, pdf):
        self.pdf, self.cache = pdf, {}

    def text(self, n):
        if n not in self.cache:
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(n), "-l", str(n),
                                  self.pdf, "-"], check=True, capture_output=True).stdout
            self.cache[n] = norm(out.decode("utf-8", "replace"))
        return self.cache[n]


def outline_entries(objs, root):
    first = (deref(objs, root.get("/Outlines")) or {}).get("/First")
    stack, seen = [first], set()
    while stack:
        ref = stack.pop()
        if not ref or ref in seen:
            continue
        seen.add(ref)
        item = deref(objs, ref) or {}
        yield item
        stack.append(item.get("/Next"))
        stack.append(item.get("/First"))


def dest_of(objs, holder):
    """The /Dest of an outline item or link, or the /D of its GoTo action."""
    if "/Dest" in holder:
        return holder["/Dest"]
    action = deref(objs, holder.get("/A")) or {}
    if action.get("/S") == "/GoTo":
        return action.get("/D")
    return None


def slug_words(name):
    """The words of a heading slug ("a2-" book prefix and "-1" duplicate
    suffix dropped), or None when the name does not read as a slug."""
    if isinstance(name, str) and name[:2] in ("u:", "b:"):
        name = urllib.parse.unquote(show(name))
    else:
        return None
    name = re.sub(r"^a\d+-", "", name)
    if re.fullmatch(r"fn-\d+|h-\d+|mdpress-title", name):
        return None
    return norm(re.sub(r"-\d+$", "", name)) or None


def anchor_words(source, name):
    """Letters and digits beside the raw HTML tag that gives name as name=
    or id= in the Markdown source, or None: the text after it on its line
    (<a name="li1"></a>Initialize...), else the text before it on its line
    (a caption ending in an anchor), else the text of the lines after it."""
    if not source or not isinstance(name, str) or name[:2] not in ("u:", "b:"):
        return None
    name = re.sub(r"^a\d+-", "", urllib.parse.unquote(show(name)))
    m = re.search(r"<[A-Za-z][^>]*\b(?:name|id)\s*=\s*[\"']" + re.escape(name) + r"[\"'][^>]*>",
                  source)
    if not m:
        return None

    def words(text):
        text = re.sub(r"<[^>]*>", " ", text)
        text = re.sub(r"<[^>]*$", " ", text)    # a tag the window cut off
        return norm(re.sub(r"\[\^[^]]*\]|\]\([^)]*\)", " ", text))   # footnote marks, link targets

    line_start = source.rfind("\n", 0, m.start()) + 1
    line_end = source.find("\n", m.end())
    line_end = len(source) if line_end < 0 else line_end
    return (words(source[m.end():line_end])[:8] or words(source[line_start:m.start()])[-8:]
            or words(source[m.end():m.end() + 600])[:8] or None)


def check(pdf, source=None):
    objs, trailer, pages = qpdf_objects(pdf)
    root = deref(objs, trailer.get("/Root")) or {}
    names = named_dests(objs, trailer)
    text = Pages(pdf)
    bad = []
    count = {"bookmarks": [0, 0, 0], "links": [0, 0, 0]}   # total, dead, wrong
    titled = {}                                             # dest key -> title

    for item in outline_entries(objs, root):
        title = show(item.get("/Title", ""))
        dest = dest_of(objs, item)
        count["bookmarks"][0] += 1
        page = resolve(objs, names, pages, dest)
        if isinstance(dest, str):
            titled[key(dest)] = title
        if page is None:
            count["bookmarks"][1] += 1
            bad.append(f"bookmark '{title}': dead ({show(dest)})")
        elif norm(title) not in text.text(page):
            count["bookmarks"][2] += 1
            bad.append(f"bookmark '{title}': page {page} does not hold its title")

    for pageno, ref in enumerate(pages, 1):
        for annot in deref(objs, (objs.get(ref) or {}).get("/Annots")) or []:
            annot = deref(objs, annot) or {}
            if annot.get("/Subtype") != "/Link":
                continue
            dest = dest_of(objs, annot)
            if dest is None:
                continue                                    # a URI link
            count["links"][0] += 1
            page = resolve(objs, names, pages, dest)
            want = titled.get(key(dest)) if isinstance(dest, str) else None
            want = norm(want) if want else anchor_words(source, dest) or slug_words(dest)
            where = f"link on page {pageno} to '{show(dest)}'"
            if page is None:
                count["links"][1] += 1
                bad.append(f"{where}: dead")
            elif want and want not in text.text(page):
                count["links"][2] += 1
                bad.append(f"{where}: page {page} does not hold its heading")
    for line in bad:
        print(f"  {pdf}: {line}")
    b, lk = count["bookmarks"], count["links"]
    print(f"{pdf}: bookmarks {b[0]} dead {b[1]} wrong {b[2]}; links {lk[0]} dead {lk[1]} wrong {lk[2]}")
    return not bad


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    ok, source, args = True, None, argv[1:]
    if args[:1] == ["--md"] and len(args) > 1:
        with open(args[1], encoding="utf-8", errors="replace") as f:
            source = f.read()
        args = args[2:]
    for pdf in args:
        try:
            ok = check(pdf, source) and ok
        except (subprocess.CalledProcessError, ValueError, KeyError) as e:
            print(f"{pdf}: cannot check: {e}", file=sys.stderr)
            return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
