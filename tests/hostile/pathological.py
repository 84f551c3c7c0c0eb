#!/usr/bin/env python3
"""pathological.py DIR - write the pathological inputs of suite-62 into DIR:
CommonMark's own pathological patterns (cmark's test/pathological_tests.py,
same sizes), GFM's autolinks, and paragraphs of many inline nodes, a long
table, many tags and a YAML alias bomb."""
import sys
t = {
 'nested-strong-emph': ("*a **a " * 65000) + "b" + (" a** a*" * 65000),
 'emph-closers': "a_ " * 65000,
 'emph-openers': "_a " * 65000,
 'link-closers': "a]" * 65000,
 'link-openers': "[a" * 65000,
 'mismatched': "*a_ " * 50000,
 'mult3': "a**b" + ("c* " * 50000),
 'link-emph': "[ a_" * 50000,
 'paren-bracket': "[ (](" * 80000,
 'nested-brackets': ("[" * 50000) + "a" + ("]" * 50000),
 'nested-quotes': ("> " * 50000) + "a",
 'nested-lists': "".join("  " * x + "* a\n" for x in range(0, 1000)),
 'backticks': "".join("e" + "`" * x for x in range(1, 1000)),
 'unclosed-link-a': "[a](<b" * 30000,
 'unclosed-link-b': "[a](b" * 30000,
 'unclosed-comment': "</" + "<!--" * 300000,
 'many-www': "www.a.com " * 50000,
 'many-code': "`a` " * 50000,
 # curly quotes between code spans: 160,000 text nodes, each once checked
 # against the whole source (smart_punct.c, quadratic), and a font-feature
 # attribute per quote inserted into a long list (quotes.c, quadratic)
 'many-quoted-code': '"a" `c` ' * 80000,
 'many-emph': "*a* " * 50000,
 'many-links': "[a](u) " * 50000,
 'many-url-autolinks': "<http://a.com> " * 50000,
 'many-refs': "[a]: u\n\n" + "[a] " * 50000,
 'long-table': "| a | b |\n|---|---|\n" + "| x | y |\n" * 20000,
 'many-tags': "---\ntags: [" + ",".join("t%d" % i for i in range(100000)) + "]\n---\nbody",
 'yaml-alias': "---\nbig: &x \"" + "y" * 1000000 + "\"\nkeywords: [" + ",".join(["*x"] * 20000) + "]\n---\ntext",
}
for k, v in t.items():
    open(sys.argv[1] + '/' + k + '.md', 'w').write(v + '\n')
