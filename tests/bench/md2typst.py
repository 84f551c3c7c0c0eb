#!/usr/bin/env python3
"""md2typst.py SEED.md OUT.typ - the seed as typst markup for the typst rows
of `make bench`, set as md2pdf sets it by default: A4, 20 mm margins, body
Noto Serif CJK SC 10.5 pt justified, headings Noto Sans CJK SC bold (15 pt
for level 2), the title 21 pt with a byline, page numbers in the footer,
Chinese, and a framed placeholder for each missing image.

It knows only what the seed uses: YAML front matter (title, author, date),
paragraphs, setext and ATX headings, **strong**, *emphasis*, images and
backslash escapes.  Soft line breaks join without a space next to CJK
characters on both sides, as mdpress joins them."""
import os
import re
import sys

SPECIAL = set('\\#*_`$<>@[]~=/+-"\'')


def is_cjk(ch):
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or
            0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F)


def escape(text):
    return ''.join('\\' + c if c in SPECIAL else c for c in text)


def inline(md):
    """Markdown inline text (one joined paragraph) to typst markup."""
    out, i = [], 0
    while i < len(md):
        c = md[i]
        if c == '\\' and i + 1 < len(md) and not md[i + 1].isalnum():
            out.append(escape(md[i + 1]))
            i += 2
        elif md.startswith('**', i):
            j = md.find('**', i + 2)
            if j < 0:
                out.append(escape('**'))
                i += 2
                continue
            out.append('#strong[' + inline(md[i + 2:j]) + ']')
            i = j + 2
        elif c == '*' and md.find('*', i + 1) > i + 1:
            j = md.find('*', i + 1)
            out.append('#emph[' + inline(md[i + 1:j]) + ']')
            i = j + 1
        else:
            out.append(escape(c))
            i += 1
    return ''.join(out)


def join_lines(lines):
    text = ''
    for line in (l.strip() for l in lines):
        if text and line and not (is_cjk(text[-1]) and is_cjk(line[0])):
            text += ' '
        text += line
    return text


def front_matter(lines):
    meta = {}
    if lines and lines[0].strip() == '---':
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ('---', '...'))
        for line in lines[1:end]:
            m = re.match(r"^(\w+):\s*'?(.*?)'?\s*$", line)
            if m:
                meta[m.group(1)] = m.group(2)
        lines = lines[end + 1:]
    return meta, lines


def placeholder(src):
    return ('#block(width: 100%, height: 3cm, stroke: 0.6pt + gray, inset: 6pt)'
            '[#align(center + horizon)[#text(size: 9pt, fill: gray)[image not found: ' +
            escape(src) + ']]]')


def convert(md_path):
    meta, lines = front_matter(open(md_path, encoding='utf-8').read().split('\n'))
    out = ['#set page(paper: "a4", margin: 20mm, numbering: "1")',
           '#set text(font: "Noto Serif CJK SC", size: 10.5pt, lang: "zh", region: "cn")',
           '#set par(justify: true, leading: 0.8em)',
           '#show heading: set text(font: "Noto Sans CJK SC", weight: "bold")',
           '#show heading.where(level: 1): set text(size: 18pt)',
           '#show heading.where(level: 2): set text(size: 15pt)',
           '#show heading.where(level: 3): set text(size: 13pt)', '']
    if 'title' in meta:
        out.append('#text(font: "Noto Sans CJK SC", weight: "bold", size: 21pt)[' +
                   escape(meta['title']) + ']')
        byline = ' · '.join(meta[k] for k in ('author', 'date') if k in meta)
        out += ['', '#text(size: 9.5pt, fill: gray)[' + escape(byline) + ']', '']
    para = []

    def flush():
        if para:
            out.extend([inline(join_lines(para)), ''])
            para.clear()

    for line in lines:
        s = line.strip()
        img = re.fullmatch(r'!\[[^\]]*\]\(([^)\s]+)\)', s)
        atx = re.match(r'^(#{1,6})\s+(.*?)\s*#*\s*$', line)
        if not s:
            flush()
        elif para and re.fullmatch(r'-{2,}|={2,}', s):
            level = 1 if s[0] == '=' else 2
            text = join_lines(para)
            para.clear()
            out.extend(['=' * level + ' ' + inline(text), ''])
        elif atx:
            flush()
            out.extend(['=' * len(atx.group(1)) + ' ' + inline(atx.group(2)), ''])
        elif img:
            flush()
            src = img.group(1)
            path = os.path.join(os.path.dirname(md_path), src)
            out.extend([placeholder(src) if not os.path.exists(path) else
                        '#image("' + src + '", width: 100%)', ''])
        else:
            para.append(line)
    flush()
    return '\n'.join(out)


if __name__ == '__main__':
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write(convert(sys.argv[1]))
