#!/usr/bin/python3
# lo-calc.py — a clerk's afternoon in LibreOffice Calc, from a script: one
# LibreOffice (headless, through its UNO bridge) opens sheets, edits them
# as typing into them would, and saves them in the forms LibreOffice
# offers, every step read from standard input, one a line, fields
# separated by tabs:
#
#   open FILE [CSV-OPTIONS]   open FILE (a CSV with LibreOffice's import
#                             options, e.g. 44,34,76,1); the sheet is its
#                             first
#   new                       a new, empty spreadsheet (File > New)
#   at CELL VALUE...          type each VALUE into CELL (B3) and the cells
#                             right of it, as the clerk types a row; \n in
#                             a VALUE is a line break (Alt+Enter)
#   format RANGE KIND         format the cells of RANGE (B2:B9) as text,
#                             before typing, or as a number (Format >
#                             Cells: Text, Number)
#   hiderow KEY               hide the row holding KEY
#   type HEADER KEY VALUE     type VALUE into the cell in the column headed
#                             HEADER, on the row holding KEY in any cell
#   append HEADER=VALUE...    type a new row under the last, each VALUE
#                             into the column headed HEADER
#   gap                       leave an empty row before the next append,
#                             as people often do
#   delete KEY                delete the row holding KEY
#   move HEADER BEFORE        move the column HEADER in front of BEFORE
#                             (cut and paste, as a person does)
#   sort HEADER [desc]        sort the rows under the header by the column
#                             HEADER (Data > Sort)
#   filter HEADER VALUE       show only the rows whose HEADER is VALUE
#                             (Data > AutoFilter), the others filtered out
#   above TEXT                insert a row above the first, TEXT in its
#                             first cell (a title or a note over the header)
#   merge RANGE               merge the cells of RANGE (A1:D1)
#   hide HEADER               hide the column HEADER
#   total HEADER LABEL        a row under the last: LABEL (合計) in the first
#                             column, under HEADER a formula counting its
#                             cells (=COUNTA)
#   sheet NAME [first]        add a sheet NAME, after the others or first,
#                             a line of text in it; the sheet edited stays
#   save FILE [FILTER [OPTIONS]]  save as FILE: by its ending (.ods, .xlsx,
#                             .csv), or by LibreOffice's FILTER name with
#                             its options (CSV: separator, quote, encoding,
#                             ... as the Text Export dialog sets them)
#   close                     close the sheet without saving
#
# Typing is LibreOffice's: a cell formatted as text takes the text as it
# is, any other reads it as a number or a date when it looks like one
# (0912345678 becomes 912345678; 2026/3/1 a date). The header row is the
# first row that holds HEADER. LibreOffice runs in a Taiwanese clerk's
# locale, zh_TW.UTF-8 (where 2026/3/1 is a date, and 115/3/1 the year
# 115), with a profile of its own under $HOME, and is closed at the end;
# exit 1 with the step and the reason on any failure.
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet import TableFilterField
from com.sun.star.sheet.FilterOperator import EQUAL
from com.sun.star.table import TableSortField
from com.sun.star.util.NumberFormat import NUMBER, TEXT


class FilterOperator:
    EQUAL = EQUAL

FILTERS = {
    ".ods": ("calc8", None),
    ".xlsx": ("Calc MS Excel 2007 XML", None),
    ".csv": ("Text - txt - csv (StarCalc)",
             "44,34,76,1,,0,false,true,true,false,false"),
}


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


class Sheet:
    def __init__(self, ctx, doc):
        self.doc = doc
        self.sheet = doc.Sheets.getByIndex(0)
        self.gap = 0
        self.scan = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.util.NumberFormatter", ctx)
        self.scan.attachNumberFormatsSupplier(doc)
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale")
        self.locale.Language, self.locale.Country = "zh", "TW"

    def used(self):
        area = self.sheet.createCursor()
        area.gotoEndOfUsedArea(False)
        return area.RangeAddress.EndRow + 1, area.RangeAddress.EndColumn + 1

    def cell(self, c, r):
        return self.sheet.getCellByPosition(c, r)

    def row_of(self, key):
        rows, cols = self.used()
        for r in range(rows):
            for c in range(cols):
                if self.cell(c, r).String == key:
                    return r
        raise RuntimeError("no row holds %s" % key)

    def column_of(self, header):
        rows, cols = self.used()
        for r in range(rows):
            for c in range(cols):
                if self.cell(c, r).String == header:
                    return c
        raise RuntimeError("no column %s" % header)

    # As typed into the cell and Enter pressed: the number scanner of the
    # input line, in the cell's own format and the locale, decides what
    # the text is (XCell's setFormula reads as en-US does; the input line
    # itself, driven through the view, wants windows a headless
    # LibreOffice without its GUI lacks). A number or date in a cell of
    # another kind takes the kind it was typed as (General becomes a
    # date), as the input line does.
    def type(self, cell, value):
        fmts = self.doc.NumberFormats
        kind = fmts.getByKey(cell.NumberFormat).Type
        if kind & TEXT:
            cell.String = value
            return
        if value.startswith("="):
            cell.setFormula(value)
            return
        try:
            key = self.scan.detectNumberFormat(cell.NumberFormat, value)
            number = self.scan.convertStringToNumber(key, value)
        except Exception:
            cell.String = value
            return
        cell.Value = number
        found = fmts.getByKey(key).Type
        if found & ~NUMBER and not found & kind:
            cell.NumberFormat = key

    def fill(self, row, pairs):
        for pair in pairs:
            column, value = pair.split("=", 1)
            self.type(self.cell(self.column_of(column), row), value)

    def header_row(self, header):
        rows, cols = self.used()
        for r in range(rows):
            for c in range(cols):
                if self.cell(c, r).String == header:
                    return r
        raise RuntimeError("no column %s" % header)

    def sort(self, header, desc):
        col, top = self.column_of(header), self.header_row(header)
        rows, cols = self.used()
        rng = self.sheet.getCellRangeByPosition(0, top + 1, cols - 1,
                                                rows - 1)
        field = TableSortField()
        field.Field = col
        field.IsAscending = not desc
        field.IsCaseSensitive = False
        sd = list(rng.createSortDescriptor())
        for p in sd:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField",
                                  (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
        rng.sort(tuple(sd))

    def filter(self, header, value):
        col, top = self.column_of(header), self.header_row(header)
        rows, cols = self.used()
        rng = self.sheet.getCellRangeByPosition(0, top, cols - 1, rows - 1)
        fd = rng.createFilterDescriptor(True)
        field = TableFilterField()
        field.Field = col
        field.Operator = FilterOperator.EQUAL
        field.IsNumeric = False
        field.StringValue = value
        fd.FilterFields = (field,)
        fd.ContainsHeader = True
        rng.filter(fd)

    def move(self, header, before):
        src, dst = self.column_of(header), self.column_of(before)
        cols = self.sheet.Columns
        cols.insertByIndex(dst, 1)
        if src >= dst:
            src += 1
        whole = self.sheet.getCellRangeByPosition(
            src, 0, src, self.used()[0] - 1).RangeAddress
        self.sheet.moveRange(self.cell(dst, 0).CellAddress, whole)
        cols.removeByIndex(src, 1)


def column_letter(c):
    name = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(ord("A") + r) + name
    return name


def step(ctx, desktop, state, words):
    op, args = words[0], words[1:]
    s = state.get("sheet")
    if op == "open":
        load = [prop("Hidden", True)]
        if len(args) > 1:
            load += [prop("FilterName", "Text - txt - csv (StarCalc)"),
                     prop("FilterOptions", args[1])]
        doc = desktop.loadComponentFromURL(url(args[0]), "_blank", 0,
                                           tuple(load))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + args[0])
        state["sheet"] = Sheet(ctx, doc)
        return
    if op == "new":
        doc = desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        state["sheet"] = Sheet(ctx, doc)
        return
    if s is None:
        raise RuntimeError("no sheet open")
    if op == "at":
        first = s.sheet.getCellRangeByName(args[0]).CellAddress
        for i, value in enumerate(args[1:]):
            if value:
                s.type(s.cell(first.Column + i, first.Row),
                       value.replace("\\n", "\n"))
    elif op == "format":
        kind = {"text": TEXT, "number": NUMBER}[args[1]]
        s.sheet.getCellRangeByName(args[0]).NumberFormat = \
            s.doc.NumberFormats.getStandardFormat(kind, s.locale)
    elif op == "hiderow":
        s.sheet.Rows.getByIndex(s.row_of(args[0])).IsVisible = False
    elif op == "type":
        header, key, value = args
        s.type(s.cell(s.column_of(header), s.row_of(key)), value)
    elif op == "append":
        s.fill(s.used()[0] + s.gap, args)
        s.gap = 0
    elif op == "gap":
        s.gap = 1
    elif op == "delete":
        s.sheet.Rows.removeByIndex(s.row_of(args[0]), 1)
    elif op == "move":
        s.move(args[0], args[1])
    elif op == "sort":
        s.sort(args[0], len(args) > 1 and args[1] == "desc")
    elif op == "filter":
        s.filter(args[0], args[1])
    elif op == "above":
        s.sheet.Rows.insertByIndex(0, 1)
        s.cell(0, 0).String = args[0]
    elif op == "merge":
        s.sheet.getCellRangeByName(args[0]).merge(True)
    elif op == "hide":
        s.sheet.Columns.getByIndex(s.column_of(args[0])).IsVisible = False
    elif op == "total":
        col, top = s.column_of(args[0]), s.header_row(args[0])
        rows = s.used()[0]
        s.cell(0, rows).String = args[1]
        letter = column_letter(col)
        s.cell(col, rows).setFormula("=COUNTA(%s%d:%s%d)" % (
            letter, top + 2, letter, rows))
    elif op == "sheet":
        sheets = s.doc.Sheets
        at = 0 if len(args) > 1 and args[1] == "first" else sheets.Count
        sheets.insertNewByName(args[0], at)
        sheets.getByName(args[0]).getCellByPosition(0, 0).String = \
            "說明：請填寫第一個工作表"
        s.doc.CurrentController.setActiveSheet(s.sheet) \
            if s.doc.CurrentController else None
    elif op == "save":
        path = args[0]
        filt, opts = FILTERS[os.path.splitext(path)[1]]
        if len(args) > 1:
            filt, opts = args[1], args[2] if len(args) > 2 else None
        props = [prop("FilterName", filt), prop("Overwrite", True)]
        if opts:
            props.append(prop("FilterOptions", opts))
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        s.doc.storeToURL(url(path), tuple(props))
    elif op == "close":
        s.doc.close(True)
        state["sheet"] = None
    else:
        raise RuntimeError("no step " + op)


def main():
    if len(sys.argv) != 1:
        sys.stderr.write("usage: lo-calc.py < STEPS\n")
        return 2
    pipe = "ogpotest%d" % os.getpid()
    profile = url(os.path.join(os.environ.get("HOME", "/tmp"), "lo-profile"))
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         "--nodefault", "-env:UserInstallation=" + profile,
         "--accept=pipe,name=%s;urp;" % pipe],
        env=dict(os.environ, LC_ALL="zh_TW.UTF-8"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = {}
    line = None
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        for line in sys.stdin:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                step(ctx, desktop, state, line.split("\t"))
        if state.get("sheet"):
            state["sheet"].doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes as LibreOffice ends
    except Exception as e:
        sys.stderr.write("lo-calc.py: %s%s\n" %
                         (line + ": " if line else "", e))
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
