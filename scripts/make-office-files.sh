#!/usr/bin/env bash
# Rebuilds the four office files of the sample corpus from the sources in scripts/corpus-sources/.
#   - pandoc:                     Markdown -> DOCX and Markdown -> ODT
#   - LibreOffice (headless):     HTML     -> DOCX and HTML     -> ODT
# Usage: scripts/make-office-files.sh   (from anywhere; needs pandoc and soffice on PATH)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/corpus-sources"
out="$(cd "$here/.." && pwd)/corpora"

command -v pandoc >/dev/null || { echo "make-office-files: pandoc not found" >&2; exit 1; }
command -v soffice >/dev/null || { echo "make-office-files: soffice (LibreOffice) not found" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private LibreOffice profile, so the conversion does not depend on (or clash with) a user's one.
profile="file://$work/lo-profile"

# 1. DOCX written by pandoc from Markdown: Title style, Heading 1/2, tables, bulleted and numbered lists.
pandoc "$src/fiorentina-nordovest-disabilita.md" -o "$out/fiorentina-nordovest-disabilita.docx"

# 2. ODT written by pandoc from Markdown: no title, polarity by list order (two lists split by a
#    whitespace-only paragraph), as in the seed sheet.
pandoc "$src/livornese-minori.md" -t odt -o "$out/livornese-minori.odt"

# 3. DOCX written by LibreOffice Writer from HTML ("Aspetti positivi"/"Aspetti negativi" bold labels).
# 4. ODT written by LibreOffice Writer from HTML ("Elementi positivi"/"Elementi negativi" headings).
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to docx:"MS Word 2007 XML" --outdir "$work" "$src/altavaldelsa-comunita.html" >/dev/null
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to odt:writer8 --outdir "$work" "$src/areavasta-antiviolenza.html" >/dev/null
mv "$work/altavaldelsa-comunita.docx" "$out/altavaldelsa-comunita.docx"
mv "$work/areavasta-antiviolenza.odt" "$out/areavasta-antiviolenza.odt"

for f in fiorentina-nordovest-disabilita.docx livornese-minori.odt altavaldelsa-comunita.docx \
         areavasta-antiviolenza.odt; do
    unzip -tq "$out/$f" >/dev/null || { echo "make-office-files: $f is not a valid zip" >&2; exit 1; }
    echo "wrote corpora/$f"
done
