"""Configuration checks that name the offending key, its value and what is allowed."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator


class ConfigError(ValueError):
    """A configuration value violates the workflow's JSON schema."""


def load_schema(path: str | Path) -> dict[str, Any]:
    """Return the JSON schema stored as YAML at ``path`` (loaded safely)."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _allowed(schema: dict[str, Any]) -> str:
    """Return a short human description of what a schema node accepts."""
    parts = []
    if "enum" in schema:
        parts.append("one of " + ", ".join(repr(v) for v in schema["enum"]))
    if "type" in schema:
        kind = schema["type"]
        parts.append(kind if isinstance(kind, str) else " or ".join(kind))
    bounds = []
    for key, symbol in (
        ("minimum", ">="),
        ("exclusiveMinimum", ">"),
        ("maximum", "<="),
        ("exclusiveMaximum", "<"),
    ):
        if key in schema:
            bounds.append(f"{symbol} {schema[key]}")
    if bounds:
        parts.append(" and ".join(bounds))
    if "pattern" in schema:
        parts.append(f"matching {schema['pattern']}")
    if schema.get("type") == "array" and "items" in schema:
        parts.append("items: " + _allowed(schema["items"]))
    text = ", ".join(parts) or "see the schema"
    if "description" in schema:
        text += f" ({schema['description']})"
    return text


def _key(path) -> str:
    """Return a config path as a user writes it: ``corpus.extensions[0]``."""
    key = ""
    for part in path:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else str(part))
    return key


def config_errors(config: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """Return one message per schema violation, each naming key, bad value and what is allowed."""
    messages = []
    validator = Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(config), key=lambda e: [str(p) for p in e.path]):
        key = _key(error.absolute_path)
        if error.validator == "additionalProperties":
            known = sorted(error.schema.get("properties", {}))
            for unknown in sorted(set(error.instance) - set(known)):
                full = f"{key}.{unknown}" if key else unknown
                messages.append(
                    f"config key '{full}' is not known (value {error.instance[unknown]!r}); "
                    f"allowed keys{' under ' + repr(key) if key else ''}: {', '.join(known)}"
                )
            continue
        node = error.schema if error.validator != "items" else error.schema.get("items", {})
        if error.validator in {"type", "enum", "pattern"} or "minimum" in error.validator.lower():
            node = error.schema
        messages.append(
            f"config key '{key or '<top level>'}' has value {error.instance!r}: "
            f"{error.message}; allowed: {_allowed(node)}"
        )
    return messages


_SCALAR_TYPES = ("integer", "number", "boolean")
_BOOLEANS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _typed(text: str, kind: str) -> Any:
    """Return ``text`` as a value of JSON schema type ``kind`` (integer, number or boolean,
    read as YAML or Python would read it) when it is one, else ``text`` unchanged."""
    word = text.strip()
    if kind == "boolean":
        return _BOOLEANS.get(word.lower(), text)
    try:
        return int(word)
    except ValueError:
        pass
    if kind == "number":
        try:
            value = float(word)
        except ValueError:
            return text
        return value if math.isfinite(value) else text
    return text


def type_command_line(
    config: dict[str, Any], overrides: dict[str, Any], schema: dict[str, Any]
) -> list[str]:
    """Give the values typed on the command line their schema type, in ``config`` (where
    Snakemake has merged them), and return the keys changed.

    Snakemake reads a nested ``--config`` value with YAML's base loader, which keeps every
    scalar as text: ``--config 'checks={p_zero_error: false}'`` arrives as 'false', and the
    schema would refuse it. Top-level values (``--config alpha=0.01``) are typed already. Only
    the command line's own values are touched: a quoted number in config.yaml stays an error.
    """
    changed: list[str] = []

    def visit(given: dict[str, Any], properties: dict[str, Any], target: Any, path: list) -> None:
        if not isinstance(target, dict):
            return
        for key, value in given.items():
            node = properties.get(key)
            if node is None or key not in target:
                continue
            if isinstance(value, dict):
                visit(value, node.get("properties", {}), target[key], [*path, key])
            elif isinstance(value, str) and node.get("type") in _SCALAR_TYPES:
                typed = _typed(value, node["type"])
                if typed is not value and target[key] == value:
                    target[key] = typed
                    changed.append(_key([*path, key]))

    visit(overrides, schema.get("properties", {}), config, [])
    return changed


def check_config(config: dict[str, Any], schema_path: str | Path) -> None:
    """Raise ConfigError listing every violation of the schema at ``schema_path``."""
    messages = config_errors(config, load_schema(schema_path))
    if messages:
        raise ConfigError("invalid configuration:\n  - " + "\n  - ".join(messages))
