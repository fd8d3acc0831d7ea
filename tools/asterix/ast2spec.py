#!/usr/bin/env python3
"""Derive Vigil's compact ASTERIX spec files from zoranbosnjak/asterix-specs .ast files.

Usage: ast2spec.py SRC.ast... OUTDIR
Output: OUTDIR/<same name>.spec

The .spec format is the structural subset of the .ast grammar (see docs/ASTERIX.md):
prose blocks (preamble, definition, description, remark) and item/element titles are
dropped; structure, UAP, element names, bit sizes, LSBs, units, limits and table rows
are kept verbatim. Indentation is normalised to one space per level.
Run after updating the vendored .ast files; the output is committed under
codecs/src/main/resources/asterix/.
"""
import os
import re
import sys

PROSE = {"preamble", "definition", "description", "remark"}
TITLED = re.compile(r'^([A-Za-z0-9_]+|asterix [0-9]{3}|ref [0-9]{3}) "[^"]*"$')


def convert(path):
    lines = []
    for raw in open(path, encoding="utf-8").read().split("\n"):
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        lines.append((indent, raw.strip()))
    out = []
    levels = []        # stack of source indents, to normalise indentation
    skip_below = None  # drop everything deeper than this indent (inside a prose block)
    for indent, text in lines:
        if skip_below is not None:
            if indent > skip_below:
                continue
            skip_below = None
        if text in PROSE:
            skip_below = indent
            continue
        while levels and levels[-1] >= indent:
            levels.pop()
        depth = len(levels)
        levels.append(indent)
        m = TITLED.match(text)
        if m:
            text = m.group(1)
        out.append(" " * depth + text)
    return "\n".join(out) + "\n"


def main():
    *srcs, outdir = sys.argv[1:]
    for src in srcs:
        name = os.path.splitext(os.path.basename(src))[0] + ".spec"
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write("# Derived from zoranbosnjak/asterix-specs " + os.path.basename(src)
                    + " (BSD-3-Clause, see LICENSE-asterix-specs) by tools/asterix/ast2spec.py\n")
            f.write(convert(src))


if __name__ == "__main__":
    main()
