"""Validate the demo content files: JSON, block types, identical shape per language.

Run as a script (``python home/demo_content/check_shapes.py``) or import
``check_all()`` from tests. Returns a list of problems; empty means valid.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCALES = ["de", "en", "ar", "fa", "uk", "ru", "tr"]
SECTIONS = [
    "sprache",
    "wohnen",
    "leben-und-freizeit",
    "arbeit-und-ausbildung",
    "bildung",
    "gesundheit",
    "kontakt-mit-behoerden",
]
BLOCK_TYPES = {"heading", "paragraph", "steps", "callout", "contact", "faq", "links"}
# Keys whose values are codes/data, identical in every language.
SYNCED_KEYS = {"kind", "email", "phone", "website", "url", "is_example", "hours"}
ALLOWED_TAGS = {"p", "h3", "ul", "ol", "li", "b", "i", "a"}
TAG_RE = re.compile(r"</?([a-zA-Z0-9]+)")


def _shape(value, key=None):
    """A structure describing the value with text replaced by a marker."""
    if isinstance(value, dict):
        return {k: _shape(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if key in SYNCED_KEYS:
        return value
    if isinstance(value, str):
        return "" if value == "" else "TEXT"
    return value


def _check_html(where, value, problems):
    if isinstance(value, dict):
        for k, v in value.items():
            _check_html(f"{where}.{k}", v, problems)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_html(f"{where}[{i}]", v, problems)
    elif isinstance(value, str):
        for tag in TAG_RE.findall(value):
            if tag.lower() not in ALLOWED_TAGS:
                problems.append(f"{where}: tag <{tag}> not allowed")


def check_page_translations(name, translations, required, problems, need_body=True):
    if "de" not in translations:
        problems.append(f"{name}: no German source")
        return
    for loc in required:
        if loc not in translations:
            problems.append(f"{name}: missing locale {loc}")
    for loc, data in translations.items():
        if loc not in LOCALES:
            problems.append(f"{name}: unknown locale {loc}")
        if not data.get("title"):
            problems.append(f"{name}/{loc}: empty title")
        for block in data.get("body", []):
            if block.get("type") not in BLOCK_TYPES:
                problems.append(f"{name}/{loc}: unknown block {block.get('type')}")
        _check_html(f"{name}/{loc}", data.get("body", []), problems)
    ref = _shape({k: v for k, v in translations["de"].items() if k != "slug"})
    for loc, data in translations.items():
        if _shape({k: v for k, v in data.items() if k != "slug"}) != ref:
            problems.append(f"{name}/{loc}: shape differs from German")
    if need_body and not translations["de"].get("body"):
        problems.append(f"{name}: empty body")


def check_all():
    problems = []
    for path in sorted((HERE / "pages").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            problems.append(f"{path.name}: invalid JSON: {exc}")
            continue
        if data.get("section") not in SECTIONS:
            problems.append(f"{path.name}: unknown section {data.get('section')}")
        if path.stem != data.get("slug"):
            problems.append(f"{path.name}: slug does not match file name")
        check_page_translations(path.name, data.get("translations", {}), ["de", "en", "ar"], problems)
    site = HERE / "site.json"
    if site.exists():
        try:
            data = json.loads(site.read_text(encoding="utf-8"))
        except ValueError as exc:
            return problems + [f"site.json: invalid JSON: {exc}"]
        check_page_translations("site.home", data["home"], LOCALES, problems, need_body=False)
        codes = [s["code"] for s in data["sections"]]
        if sorted(codes) != sorted(SECTIONS):
            problems.append(f"site.json: sections {codes} != {SECTIONS}")
        for s in data["sections"]:
            check_page_translations(
                f"site.sections.{s['code']}", s["translations"], LOCALES, problems, need_body=False
            )
        for p in data["standard_pages"]:
            check_page_translations(
                f"site.standard.{p['slug']}", p["translations"], ["de", "en", "ar"], problems
            )
    standard = HERE / "standard_pages.json"
    if standard.exists():
        # The footer's pages are the portal's frame: every language (glossary/README.md).
        for p in json.loads(standard.read_text(encoding="utf-8")):
            check_page_translations(f"standard_pages.{p['slug']}", p["translations"], LOCALES, problems)
    return problems


if __name__ == "__main__":
    found = check_all()
    print("\n".join(found) or "all demo content files are valid")
    sys.exit(1 if found else 0)
