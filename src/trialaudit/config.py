"""Configuration checks that name the offending key, its value and what is allowed."""

from __future__ import annotations

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


def check_config(config: dict[str, Any], schema_path: str | Path) -> None:
    """Raise ConfigError listing every violation of the schema at ``schema_path``."""
    messages = config_errors(config, load_schema(schema_path))
    if messages:
        raise ConfigError("invalid configuration:\n  - " + "\n  - ".join(messages))
