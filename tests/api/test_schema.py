"""The OpenAPI document names each schema once and declares the shared refusals."""

from __future__ import annotations

import importlib
import inspect
from collections import Counter

from ninja import Schema

from headway.api import api

APPS = ("accounts", "plans", "coach", "careers", "assessments", "feedback", "network")


def test_no_two_schemas_share_a_name() -> None:
    # The document keys schemas by class name, so a second `TargetOut` would silently stand
    # in for the first in every operation that uses either.
    names: Counter[str] = Counter()
    for app in APPS:
        module = importlib.import_module(f"headway.{app}.api")
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, Schema)
                and value.__module__ == module.__name__
            ):
                names[name] += 1
    assert [name for name, count in names.items() if count > 1] == []


def test_every_refusal_shares_the_error_shape() -> None:
    schema = api.get_openapi_schema()
    error = schema["components"]["schemas"]["ErrorOut"]
    assert set(error["required"]) == {"detail", "field"}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                assert "401" in operation["responses"], (method, path)
            if "{" in path:
                assert "404" in operation["responses"], (method, path)
            for status, answer in operation["responses"].items():
                if status.startswith("4"):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.rsplit("/", 1)[1] in {"ErrorOut", "LinkRefused"}, (method, path)
