"""The import graph of the project: no circles, and imports run from higher apps to lower ones only.

Every ``import`` counts, also those inside functions (a function-local import
hides a circle, it does not remove it). Apps talk upwards only through Wagtail
hooks, signals or model labels resolved at run time (``apps.get_model``).
Tests, demo loaders (``*.demo``) and migrations are left out of the layer rule:
they assemble the whole portal. The layers are described in README.md
("Architecture").
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Lowest first: an app may import itself and the apps before it.
LAYERS = [
    "portal",
    "accounts",
    "search",
    "operations",
    "offline",
    "offers",
    "home",
    "network",
    "api",
    "personal_requests",
    "moderation",
    "feedback",
    "glossary",
    "calendar_import",
    "cms",
]
SKIPPED_DIRS = {".venv", "data", "bench", "migrations", "__pycache__", "node_modules", ".git"}


def project_modules():
    """{dotted module name: path} of every Python module of the apps in LAYERS."""
    modules = {}
    for app in LAYERS:
        for path in (ROOT / app).rglob("*.py"):
            if SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def import_graph(modules):
    """{module: {imported project module}}, counting imports anywhere in the file."""

    def resolve(name):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph = defaultdict(set)
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                names = [f"{base}.{alias.name}" for alias in node.names] + [base]
            else:
                continue
            for name in names:
                target = resolve(name)
                if target and target != module:
                    graph[module].add(target)
    return graph


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in list(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def exempt_from_layers(module):
    parts = module.split(".")
    return (
        "tests" in parts
        or "demo" in parts
        or parts[-1] == "conftest"
        or parts[-1].startswith("test_")
        or parts[-1] == "testing"
    )


def upward_imports(graph):
    rank = {app: i for i, app in enumerate(LAYERS)}
    wrong = []
    for module, targets in graph.items():
        if exempt_from_layers(module):
            continue
        for target in targets:
            if rank[target.split(".")[0]] > rank[module.split(".")[0]]:
                wrong.append(f"{module} -> {target}")
    return sorted(wrong)


def test_the_project_has_no_import_circles():
    graph = import_graph(project_modules())
    assert cycles(graph) == []


def test_no_app_imports_a_higher_one():
    graph = import_graph(project_modules())
    assert upward_imports(graph) == []


def test_the_checks_see_a_circle_and_an_upward_import():
    """Positive control: the graph, the circle finder and the layer rule find what they look for."""
    modules = project_modules()
    assert {"portal.pages", "portal.roles", "home.models.pages", "search.views"} <= set(modules)
    graph = import_graph(modules)
    assert "portal.pages" in graph["home.models.pages"]  # a module-level import
    assert any(t.startswith("personal_requests.") for t in graph["personal_requests.models.requests"])
    fake = {"a.x": {"b.y"}, "b.y": {"a.x"}, "c.z": set()}
    assert cycles(fake) == [["a.x", "b.y"]]
    assert upward_imports({"portal.pages": {"home.models"}}) == ["portal.pages -> home.models"]
    assert upward_imports({"home.tests.test_x": {"moderation.panels"}}) == []
    assert set(LAYERS) >= {p.parent.name for p in ROOT.glob("*/apps.py")}
