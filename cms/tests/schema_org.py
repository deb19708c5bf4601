"""A small schema.org validator for the site's JSON-LD, on a pinned copy of the vocabulary.

``data/schemaorg-current-https.jsonld`` is schema.org's own definitions file
(see ``data/README.md`` for its source, version and checksum). The rules checked:

- every ``@type`` is a schema.org class (not a data type, not superseded);
- every property is a schema.org property, not superseded, whose ``domainIncludes``
  holds the object's type or one of its supertypes;
- a nested object's ``@type`` fits the property's ``rangeIncludes`` (or a subtype of it);
- nested objects are checked by the same rules, lists item by item.

``@context``, ``@id`` and ``@type`` are JSON-LD keywords and always allowed.
"""

import functools
import json
import re
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parent / "data" / "schemaorg-current-https.jsonld"
KEYWORDS = {"@context", "@id", "@type"}


def _ids(value):
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    return [item["@id"].removeprefix("schema:") for item in value]


def _types(node):
    kinds = node.get("@type")
    return kinds if isinstance(kinds, list) else [kinds]


class Vocabulary:
    def __init__(self, path=VOCABULARY):
        graph = json.loads(Path(path).read_text(encoding="utf-8"))["@graph"]
        self.classes, self.properties, self.superseded = {}, {}, set()
        self.datatypes, self._ancestors = set(), {}
        for node in graph:
            name = node["@id"].removeprefix("schema:")
            kinds = _types(node)
            if node.get("schema:supersededBy"):
                self.superseded.add(name)
            if "rdf:Property" in kinds:
                self.properties[name] = {
                    "domain": set(_ids(node.get("schema:domainIncludes"))),
                    "range": set(_ids(node.get("schema:rangeIncludes"))),
                }
            if "rdfs:Class" in kinds:
                self.classes[name] = set(_ids(node.get("rdfs:subClassOf")))
            if "schema:DataType" in kinds:
                self.datatypes.add(name)

    def ancestors(self, name):
        """``name`` and all its supertypes."""
        if name not in self._ancestors:
            result = {name}
            for parent in self.classes.get(name, ()):
                result |= self.ancestors(parent)
            self._ancestors[name] = frozenset(result)
        return self._ancestors[name]

    def is_type(self, name):
        return name in self.classes and name not in self.datatypes and name not in self.superseded

    def errors(self, node, path="$"):
        """Every problem of ``node`` (a dict from a JSON-LD block) as a readable string."""
        problems = []
        kinds = _types(node)
        for kind in kinds:
            if not isinstance(kind, str) or not self.is_type(kind):
                problems.append(f"{path}: @type {kind!r} is not a schema.org type")
        ancestors = set()
        for kind in kinds:
            if isinstance(kind, str):
                ancestors |= self.ancestors(kind)
        for key, value in node.items():
            if key in KEYWORDS:
                continue
            where = f"{path}.{key}"
            definition = self.properties.get(key)
            if definition is None or key in self.superseded:
                problems.append(f"{where}: {key!r} is not a schema.org property")
                continue
            if not definition["domain"] & ancestors:
                problems.append(f"{where}: {key!r} is not a property of {'/'.join(map(str, kinds))}")
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                if not isinstance(item, dict):
                    continue
                item_path = f"{where}[{index}]" if isinstance(value, list) else where
                if "@type" not in item:
                    problems.append(f"{item_path}: a nested object without @type")
                    continue
                item_types = set()
                for kind in _types(item):
                    if isinstance(kind, str):
                        item_types |= self.ancestors(kind)
                if not item_types & definition["range"]:
                    problems.append(f"{item_path}: {item['@type']!r} is not in the range of {key!r}")
                problems.extend(self.errors(item, item_path))
        return problems


@functools.cache
def vocabulary():
    return Vocabulary()


SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_blocks(html):
    """The parsed JSON-LD blocks of a page."""
    return [json.loads(text) for text in SCRIPT.findall(html)]


def validate(block):
    """Problems of one JSON-LD block (its ``@context`` must be schema.org's)."""
    problems = []
    if block.get("@context") != "https://schema.org":
        problems.append(f"$: @context {block.get('@context')!r} is not https://schema.org")
    return problems + vocabulary().errors(block)
