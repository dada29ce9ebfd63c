#!/usr/bin/env python3
"""Generates src/main/resources/search/kanji-variants.tsv: variant kanji folded to one form for name search.

Sources (install with `apt-get install -y unicode-data kanjidic-xml`; ./test.sh does not need them, the generated
file is checked in):
  - Unihan (Debian unicode-data: /usr/share/unicode/Unihan_Variants.txt.bz2): kZVariant, kSemanticVariant (when
    listed both ways; kSpecializedSemanticVariant is not taken), and kTraditionalVariant/kSimplifiedVariant only between two kanji that are both
    in the Japanese character sets (so Chinese simplified forms never bridge two Japanese kanji);
  - KANJIDIC2 (Debian kanjidic-xml: /usr/share/edict/kanjidic2.xml.gz, (C) Electronic Dictionary Research and
    Development Group, CC BY-SA 4.0): the jis208/jis212/jis213/ucs cross-references between kanji;
  - scripts/search/variants-curated.tsv: glyphs registered in names that the public data lacks (髙, 𠮷, 﨑 ...).

Groups are built by union-find, edges in that order (curated first, always taken). A public-data edge is refused
when the merged group would
  - contain a pair listed in src/main/resources/search/similar-kanji.tsv (斉/斎, 沢/択: confusable but different),
  - hold two 常用漢字 (KANJIDIC2 grade 1-8): two kanji in everyday modern use are different characters (崎/埼),
  - grow beyond MAX_GROUP kanji.
Each group folds to its most common member: 常用 first, then 人名用, then JIS X 0208, then KANJIDIC2 frequency,
then the lowest code point. Keys are NFKC-stable (NFKC runs before folding at index and query time).

Usage: python3 scripts/search/generate-variants.py [--unihan FILE] [--kanjidic FILE] [--out FILE]
"""
import argparse
import bz2
import datetime
import gzip
import os
import re
import subprocess
import sys
import unicodedata

MAX_GROUP = 6
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cp(token):
    return chr(int(token.split('<')[0][2:], 16))


def read_pairs(path):
    pairs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.strip() or line.startswith('#'):
                continue
            cols = line.rstrip('\n').split('\t')
            pairs.append((cols[0], cols[1]))
    return pairs


def package_version(name):
    try:
        return subprocess.run(['dpkg-query', '-W', '-f=${Version}', name], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return 'unknown'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--unihan', default='/usr/share/unicode/Unihan_Variants.txt.bz2')
    ap.add_argument('--kanjidic', default='/usr/share/edict/kanjidic2.xml.gz')
    ap.add_argument('--out', default=os.path.join(ROOT, 'src/main/resources/search/kanji-variants.tsv'))
    args = ap.parse_args()

    curated = read_pairs(os.path.join(ROOT, 'scripts/search/variants-curated.tsv'))
    similar = read_pairs(os.path.join(ROOT, 'src/main/resources/search/similar-kanji.tsv'))

    # KANJIDIC2: the Japanese character set, grades, frequencies, JIS codes, cross-references.
    with gzip.open(args.kanjidic, 'rt', encoding='utf-8') as f:
        text = f.read()
    db_version = re.search(r'<database_version>([^<]+)', text).group(1)
    info = {}
    by_code = {}
    refs = []
    for block in re.findall(r'<character>(.*?)</character>', text, re.S):
        lit = re.search(r'<literal>([^<]+)', block).group(1)
        grade = re.search(r'<grade>(\d+)', block)
        freq = re.search(r'<freq>(\d+)', block)
        codes = re.findall(r'<cp_value cp_type="(\w+)">([^<]+)', block)
        info[lit] = (int(grade.group(1)) if grade else 99, int(freq.group(1)) if freq else 99999,
                     any(t == 'jis208' for t, _ in codes))
        for t, c in codes:
            by_code[(t, c.lower())] = lit
        for t, c in re.findall(r'<variant var_type="(jis208|jis212|jis213|ucs)">([^<]+)', block):
            refs.append((lit, t, c.lower()))
    japanese = set(info)
    kanjidic_edges = []
    for lit, t, c in refs:
        other = chr(int(c, 16)) if t == 'ucs' else by_code.get((t, c))
        if other:
            kanjidic_edges.append((lit, other))

    unihan = {k: [] for k in ('kZVariant', 'kSemanticVariant', 'kSpecializedSemanticVariant', 'kTradSimp')}
    with bz2.open(args.unihan, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            src, field, values = line.rstrip('\n').split('\t')
            key = 'kTradSimp' if field in ('kTraditionalVariant', 'kSimplifiedVariant') else field
            if key not in unihan:
                continue
            for v in values.split():
                unihan[key].append((cp(src), cp(v)))

    parent = {}
    members = {}

    def find(x):
        parent.setdefault(x, x)
        members.setdefault(x, {x})
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocked = {frozenset(p) for p in similar}

    def union(a, b, forced=False):
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        merged = members[ra] | members[rb]
        if not forced:
            if len(merged) > MAX_GROUP:
                return
            if sum(1 for m in merged if info.get(m, (99,))[0] <= 8) > 1:
                return
        if any(p <= merged for p in blocked):
            if forced:
                sys.exit(f'curated pair {a}/{b} joins a similar pair')
            return
        parent[rb] = ra
        members[ra] = merged
        del members[rb]

    def norm(c):
        return unicodedata.normalize('NFKC', c)

    for a, b in curated:
        union(norm(a), norm(b), forced=True)
    allowed = japanese | {norm(c) for p in curated for c in p}
    # A semantic variant counts only when Unihan lists it in both directions; specialized semantic variants
    # (the same meaning in some contexts only: 暖/喧) are not taken.
    semantic = set(unihan['kSemanticVariant'])
    symmetric = [(a, b) for a, b in unihan['kSemanticVariant'] if (b, a) in semantic]
    ordered = [kanjidic_edges, unihan['kZVariant'], symmetric, unihan['kTradSimp']]
    for edges in ordered:
        for a, b in edges:
            a, b = norm(a), norm(b)
            if len(a) == 1 and len(b) == 1 and a != b and a in allowed and b in allowed:
                union(a, b)

    def rank(c):
        grade, freq, jis208 = info.get(c, (99, 99999, False))
        return (0 if grade <= 8 else 1 if grade <= 10 else 2, 0 if jis208 else 1, freq, ord(c))

    rows = []
    for root, group in members.items():
        if len(group) < 2:
            continue
        canonical = min(group, key=rank)
        for m in group:
            if m != canonical:
                rows.append((m, canonical))
    rows.sort(key=lambda r: (ord(r[1]), ord(r[0])))

    with open(args.out, 'w', encoding='utf-8') as out:
        out.write('# Variant kanji folded to one form for name search (issue 11). GENERATED, do not edit:\n')
        out.write('#   python3 scripts/search/generate-variants.py\n')
        out.write(f'# Generated {datetime.date.today().isoformat()} from:\n')
        out.write(f'#   Debian unicode-data {package_version("unicode-data")} ({os.path.basename(args.unihan)}; '
                  'Unicode Unihan database, Unicode License v3)\n')
        out.write(f'#   Debian kanjidic-xml {package_version("kanjidic-xml")} (KANJIDIC2 database version {db_version}; '
                  '(C) Electronic Dictionary Research and Development Group, Monash University,\n'
                  '#   licensed under Creative Commons Attribution-ShareAlike 4.0: '
                  'https://www.edrdg.org/edrdg/licence.html)\n')
        out.write('#   scripts/search/variants-curated.tsv; never folding the pairs of '
                  'src/main/resources/search/similar-kanji.tsv\n')
        out.write('# This file is a derived work of KANJIDIC2 and is distributed under CC BY-SA 4.0.\n')
        out.write(f'# {len(rows)} rows. Columns: variant <TAB> folded form <TAB> code points\n')
        for v, c in rows:
            out.write(f'{v}\t{c}\tU+{ord(v):04X} U+{ord(c):04X}\n')
    print(f'{len(rows)} variants written to {args.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
