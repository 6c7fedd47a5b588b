"""Each function's code imports exactly the modules its declaration lists.

The declaration (infra/Infra/App/ChatbotApp.cs, ``Imports``) decides which OpenTelemetry
auto-instrumentations the layer loads: every other one is named in OTEL_PYTHON_DISABLED_INSTRUMENTATIONS.
A module imported but not declared could lose its spans; one declared but no longer imported keeps an
instrumentation loading for nothing. The declared lists are read from the committed plan
(tests/Infra.Plan.Tests/golden/<stack>.json, kept equal to the program's plan by the golden-file tests), and
the code is read with Python's own parser, so docstrings, comments and line breaks cannot fool it.
"""

from __future__ import annotations

import ast
import json
import textwrap
import unittest
from pathlib import Path
from typing import Iterable

FUNCTIONS_DIR = Path(__file__).resolve().parent.parent
REPOSITORY = FUNCTIONS_DIR.parent
GOLDEN_DIR = REPOSITORY / "tests" / "Infra.Plan.Tests" / "golden"
DYNAMIC_IMPORTERS = {"import_module", "__import__"}


class DynamicImport(ValueError):
    """A module is imported by a name computed at run time, which no declaration can follow."""


def imported_modules(sources: Iterable[tuple[str, str]], local: set[str]) -> set[str]:
    """Top-level modules imported by the given (file name, source) pairs, anywhere in them.

    Leaves out ``__future__``, relative imports and the folder's own modules (``local``). Literal
    ``importlib.import_module("x")`` and ``__import__("x")`` calls count; a computed name raises DynamicImport.
    """
    modules: set[str] = set()
    for name, source in sources:
        for node in ast.walk(ast.parse(source, filename=name)):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
            elif isinstance(node, ast.Call) and _called_name(node.func) in DYNAMIC_IMPORTERS:
                argument = node.args[0] if node.args else None
                if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                    raise DynamicImport(f"{name}, line {node.lineno}: a module imported by a computed name")
                if not argument.value.startswith("."):
                    modules.add(argument.value.split(".")[0])
    return modules - {"__future__"} - local


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def folder_imports(folder: Path) -> set[str]:
    files = sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)
    local = {path.stem for path in folder.glob("*.py")} | {path.name for path in folder.iterdir() if path.is_dir()}
    return imported_modules(((str(path.relative_to(REPOSITORY)), path.read_text(encoding="utf-8")) for path in files), local)


def declared_functions() -> list[tuple[str, dict]]:
    functions = []
    for golden in sorted(GOLDEN_DIR.glob("*.json")):
        for function in json.loads(golden.read_text(encoding="utf-8"))["functions"]:
            functions.append((golden.stem, function))
    return functions


class DeclaredImportsTest(unittest.TestCase):
    def test_every_python_function_declares_exactly_what_its_code_imports(self) -> None:
        functions = [(stack, f) for stack, f in declared_functions() if f["runtime"].startswith("python")]
        self.assertGreaterEqual(len(functions), 6, "expected both functions in each of the three committed plans")
        for stack, function in functions:
            with self.subTest(stack=stack, function=function["key"]):
                self.assertIsNotNone(function.get("instrumentation"), f"{function['key']} declares no imports")
                declared = set(function["instrumentation"]["imports"])
                code = folder_imports(REPOSITORY / function["code"]["path"])
                undeclared = sorted(code - declared)
                stale = sorted(declared - code)
                self.assertEqual(
                    (undeclared, stale), ([], []),
                    f"{function['code']['path']} imports {undeclared or 'nothing'} that its declaration does not list, "
                    f"and the declaration lists {stale or 'nothing'} that the code no longer imports. Update Imports in "
                    "infra/Infra/App/ChatbotApp.cs (it decides OTEL_PYTHON_DISABLED_INSTRUMENTATIONS), then run "
                    "scripts/update-golden.",
                )

    def test_the_sample_functions_use_boto3(self) -> None:
        # The one instrumented library they use; keeps the check above from passing on empty folders.
        self.assertIn("boto3", folder_imports(FUNCTIONS_DIR / "chatbot"))
        self.assertIn("boto3", folder_imports(FUNCTIONS_DIR / "sqs-consumer"))


class ImportScannerTest(unittest.TestCase):
    def scan(self, source: str, local: set[str] | None = None) -> set[str]:
        return imported_modules([("app.py", textwrap.dedent(source))], local or set())

    def test_finds_imports_in_every_form_and_place(self) -> None:
        source = '''
            """A docstring mentioning import flask and from django import db."""
            from __future__ import annotations
            import os, json as j
            import urllib.request
            from concurrent import futures
            from requests.adapters import (
                HTTPAdapter,
            )
            # import redis
            text = "import pymongo"

            def handler(event, context):
                import boto3
                try:
                    from opentelemetry import trace
                except ImportError:
                    pass
        '''
        self.assertEqual(
            self.scan(source),
            {"os", "json", "urllib", "concurrent", "requests", "boto3", "opentelemetry"},
        )

    def test_relative_and_local_imports_are_the_functions_own(self) -> None:
        self.assertEqual(self.scan("from . import helpers\nimport settings\nimport yaml\n", {"settings"}), {"yaml"})

    def test_literal_dynamic_imports_count(self) -> None:
        source = "import importlib\nmod = importlib.import_module('pymysql.cursors')\nx = __import__('redis')\n"
        self.assertEqual(self.scan(source), {"importlib", "pymysql", "redis"})

    def test_a_computed_module_name_is_refused(self) -> None:
        with self.assertRaises(DynamicImport):
            self.scan("import importlib\nname = 'x'\nimportlib.import_module(name)\n")


if __name__ == "__main__":
    unittest.main()
