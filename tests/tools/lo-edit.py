#!/usr/bin/python3
# lo-edit.py — a person's round trip through LibreOffice, from a script:
# open IN in LibreOffice (headless, through its UNO bridge), change one
# cell as typing into it would, and save the sheet as a clerk would, in
# every form ogpo reads:
#
#   lo-edit.py IN OUTDIR [COLUMN-HEADER ROW-KEY VALUE]
#   lo-edit.py IN OUTDIR --append HEADER=VALUE...
#
# The cell is the one in the column headed COLUMN-HEADER, on the row that
# holds ROW-KEY in any cell (the header row is found the same way).
# --append types a new row under the last (one empty row between, as
# people leave one), each VALUE into the column headed HEADER and read as
# LibreOffice reads what is typed: as text into a cell formatted as text,
# otherwise as a number or date when it looks like one (0223456789 becomes
# 223456789); it prints "appended R".
# Writes OUTDIR/edited.ods, edited.xlsx, edited-utf8.csv (UTF-8, comma,
# shown as in the sheet) and edited-big5.csv (Big5, as "ANSI" in Taiwan),
# and prints "changed R C" (1-based row and column) when it changed one.
# LibreOffice runs with a profile of its own under $HOME and is closed
# at the end; exit 1 with the reason on any failure.
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.util.NumberFormat import TEXT


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.1)


def main():
    append = len(sys.argv) > 4 and sys.argv[3] == "--append"
    if len(sys.argv) not in (3, 6) and not append:
        sys.stderr.write("usage: lo-edit.py IN OUTDIR "
                         "[COLUMN-HEADER ROW-KEY VALUE]\n"
                         "       lo-edit.py IN OUTDIR --append "
                         "HEADER=VALUE...\n")
        return 2
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    pipe = "ogpotest%d" % os.getpid()
    profile = url(os.path.join(os.environ.get("HOME", "/tmp"), "lo-profile"))
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "--nodefault", "-env:UserInstallation=" + profile,
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(url(src), "_blank", 0,
                                           (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + src)
        sheet = doc.Sheets.getByIndex(0)
        if append:
            area = sheet.createCursor()
            area.gotoEndOfUsedArea(False)
            row = area.RangeAddress.EndRow + 2
            head = {}
            for c in range(area.RangeAddress.EndColumn + 1):
                head.setdefault(sheet.getCellByPosition(c, 0).String, c)
            for arg in sys.argv[4:]:
                column, value = arg.split("=", 1)
                if column not in head:
                    raise RuntimeError("no column " + column)
                cell = sheet.getCellByPosition(head[column], row)
                kind = doc.NumberFormats.getByKey(cell.NumberFormat).Type
                if kind == TEXT:
                    cell.String = value
                else:
                    cell.setFormula(value)
            print("appended %d" % (row + 1))
        elif len(sys.argv) == 6:
            column, key, value = sys.argv[3:6]
            area = sheet.createCursor()
            area.gotoEndOfUsedArea(False)
            rows, cols = area.RangeAddress.EndRow + 1, \
                area.RangeAddress.EndColumn + 1
            hcol = krow = None
            for r in range(rows):
                for c in range(cols):
                    s = sheet.getCellByPosition(c, r).String
                    if hcol is None and s == column:
                        hcol = c
                    if krow is None and s == key:
                        krow = r
            if hcol is None or krow is None:
                raise RuntimeError("no column %s or row %s" % (column, key))
            # As typed into the cell: a text cell stays text.
            sheet.getCellByPosition(hcol, krow).String = value
            print("changed %d %d" % (krow + 1, hcol + 1))
        # 76 is UTF-8 and 63 Windows' Big5 (code page 950) to LibreOffice;
        # the ninth field saves cells as shown.
        for name, filt, opts in (
                ("edited.ods", "calc8", None),
                ("edited.xlsx", "Calc MS Excel 2007 XML", None),
                ("edited-utf8.csv", "Text - txt - csv (StarCalc)",
                 "44,34,76,1,,0,false,true,true,false,false"),
                ("edited-big5.csv", "Text - txt - csv (StarCalc)",
                 "44,34,63,1,,0,false,true,true,false,false")):
            args = [prop("FilterName", filt), prop("Overwrite", True)]
            if opts:
                args.append(prop("FilterOptions", opts))
            doc.storeToURL(url(os.path.join(out, name)), tuple(args))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes as LibreOffice ends
    except Exception as e:
        sys.stderr.write("lo-edit.py: %s\n" % e)
        proc.kill()
        proc.wait()
        return 1
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
