"""The checks of a schema repository, as rules in one registry (see registry.py and docs/checks.md)."""

from __future__ import annotations

from schema_tools.rules.registry import Problem, Rule, all_rules, get_rule, rule_ids, select

__all__ = ["Problem", "Rule", "all_rules", "get_rule", "rule_ids", "select"]
