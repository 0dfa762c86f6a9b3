#!/usr/bin/env python3
"""Writes the spreadsheet bomb of issue 20: an .xlsx file of about 3 MB whose products sheet
holds one cell of 3 GB (the letter `a` repeated), to time `etalase import --dry-run` on it.
With --rows and --cols it writes instead a big honest sheet (`Catatan`, text cells such as
`Catatan 12-3`), to time reading a workbook just within the limits.

    python3 bench/spreadsheet_bomb.py /tmp/bomb.xlsx [GIGABYTES]
    python3 bench/spreadsheet_bomb.py /tmp/big.xlsx --rows 50000 --cols 30
"""
import sys
import zipfile

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Produk" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>nama_id</t></is></c><c r="B1" t="inlineStr"><is><t>harga</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Onde-onde</t></is></c><c r="B2" t="inlineStr"><is><t>'
TAIL = b"</t></is></c></row></sheetData></worksheet>"


def column(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_big(path, rows, cols):
    workbook = PARTS["xl/workbook.xml"].replace('name="Produk"', 'name="Catatan"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, workbook if name == "xl/workbook.xml" else text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(HEAD.split(b"<row")[0])
            for r in range(1, rows + 1):
                cells = "".join(
                    f'<c r="{column(c)}{r}" t="inlineStr"><is><t>Catatan {r}-{c}</t></is></c>'
                    for c in range(cols)
                )
                part.write(f'<row r="{r}">{cells}</row>'.encode())
            part.write(b"</sheetData></worksheet>")


def main():
    path = sys.argv[1]
    if "--rows" in sys.argv:
        rows = int(sys.argv[sys.argv.index("--rows") + 1])
        cols = int(sys.argv[sys.argv.index("--cols") + 1])
        write_big(path, rows, cols)
        return
    gigabytes = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
    size = int(gigabytes * 1024**3)
    chunk = b"a" * (16 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(HEAD)
            left = size
            while left > 0:
                part.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            part.write(TAIL)


if __name__ == "__main__":
    main()
