"""The YAML serializer against js-yaml 3.14.1 `dump(obj, {sortKeys: schemaKeyCompare})`.

Every expected text below was produced by the real js-yaml 3.14.1 under Node 20 (with jsonschema-tools'
comparator) and pasted as a literal; the corpus tests compare with the committed files and with hashes
of what the real modules wrote for each of them. No test needs Node.
"""

# ruff: noqa: E501 - the tables hold long literal outputs

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import math
import re
from pathlib import Path
from typing import Any

import pytest

from schema_tools.documents.collation import js_key_order, schema_sorted_keys
from schema_tools.documents.load import load_file, load_text
from schema_tools.documents.yaml_emit import dump_yaml

SENTENCE = (
    "The quick brown fox jumps over the lazy dog and keeps running far away "
    "until the sun sets behind the distant hills of the valley."
)
LONG_WORD = "x" * 90
UTC = dt.UTC
VERSION_FILE = re.compile(r"\d+\.\d+\.\d+\.(yaml|json)")

# Literal tables pasted from Node's output: kept as generated.
# fmt: off
SCALAR_CASES = [
    ('empty', {'k': ''}, "k: ''\n"),
    ('bool-word-y', {'k': 'y'}, "k: 'y'\n"),
    ('bool-word-Y', {'k': 'Y'}, "k: 'Y'\n"),
    ('bool-word-yes', {'k': 'yes'}, "k: 'yes'\n"),
    ('bool-word-No', {'k': 'No'}, "k: 'No'\n"),
    ('bool-word-on', {'k': 'on'}, "k: 'on'\n"),
    ('bool-word-OFF', {'k': 'OFF'}, "k: 'OFF'\n"),
    ('bool-word-n', {'k': 'n'}, "k: 'n'\n"),
    ('true', {'k': 'true'}, "k: 'true'\n"),
    ('False', {'k': 'False'}, "k: 'False'\n"),
    ('TRUE', {'k': 'TRUE'}, "k: 'TRUE'\n"),
    ('null', {'k': 'null'}, "k: 'null'\n"),
    ('Null', {'k': 'Null'}, "k: 'Null'\n"),
    ('tilde', {'k': '~'}, "k: '~'\n"),
    ('int', {'k': '123'}, "k: '123'\n"),
    ('neg-int', {'k': '-12'}, "k: '-12'\n"),
    ('plus-one', {'k': '+1'}, "k: '+1'\n"),
    ('sci', {'k': '1e3'}, "k: '1e3'\n"),
    ('hex', {'k': '0x1F'}, "k: '0x1F'\n"),
    ('hex-lower', {'k': '0x1f'}, "k: '0x1f'\n"),
    ('underscore-int', {'k': '1_000'}, "k: '1_000'\n"),
    ('trailing-underscore', {'k': '1_'}, 'k: 1_\n'),
    ('binary', {'k': '0b101'}, "k: '0b101'\n"),
    ('binary-empty', {'k': '0b'}, 'k: 0b\n'),
    ('hex-empty', {'k': '0x'}, 'k: 0x\n'),
    ('octal', {'k': '017'}, "k: '017'\n"),
    ('octal-08', {'k': '08'}, 'k: 08\n'),
    ('zero', {'k': '0'}, "k: '0'\n"),
    ('double-zero', {'k': '00'}, "k: '00'\n"),
    ('zero-underscore', {'k': '0_'}, 'k: 0_\n'),
    ('sign-only', {'k': '+'}, 'k: +\n'),
    ('minus-only', {'k': '-'}, "k: '-'\n"),
    ('neg-underscore', {'k': '-1_'}, "k: '-1_'\n"),
    ('o-octal', {'k': '0o17'}, 'k: 0o17\n'),
    ('float', {'k': '1.5'}, "k: '1.5'\n"),
    ('float-exp', {'k': '1.5e3'}, "k: '1.5e3'\n"),
    ('float-dot', {'k': '1.'}, "k: '1.'\n"),
    ('dot-five', {'k': '.5'}, "k: '.5'\n"),
    ('dot-underscore', {'k': '._'}, 'k: ._\n'),
    ('dot-underscore-5', {'k': '._5'}, "k: '._5'\n"),
    ('float-09', {'k': '09.5'}, 'k: 09.5\n'),
    ('exp-only', {'k': 'E5'}, 'k: E5\n'),
    ('e-no-digits', {'k': '1e'}, 'k: 1e\n'),
    ('inf', {'k': '.inf'}, "k: '.inf'\n"),
    ('neg-inf', {'k': '-.inf'}, "k: '-.inf'\n"),
    ('Inf', {'k': '.Inf'}, "k: '.Inf'\n"),
    ('nan-dot', {'k': '.nan'}, "k: '.nan'\n"),
    ('NaN-dot', {'k': '.NaN'}, "k: '.NaN'\n"),
    ('NaN', {'k': 'NaN'}, 'k: NaN\n'),
    ('base60', {'k': '1:30'}, "k: '1:30'\n"),
    ('base60-float', {'k': '1:30.5'}, "k: '1:30.5'\n"),
    ('merge', {'k': '<<'}, "k: '<<'\n"),
    ('date', {'k': '2020-09-01'}, "k: '2020-09-01'\n"),
    ('timestamp', {'k': '2020-9-1 1:00:00'}, "k: '2020-9-1 1:00:00'\n"),
    ('timestamp-z', {'k': '2021-01-01T00:00:00.0Z'}, "k: '2021-01-01T00:00:00.0Z'\n"),
    ('apostrophe', {'k': "it's"}, "k: it's\n"),
    ('double-quotes', {'k': 'say "hi"'}, 'k: say "hi"\n'),
    ('colon-space', {'k': 'a: b'}, "k: 'a: b'\n"),
    ('colon', {'k': 'a:b'}, "k: 'a:b'\n"),
    ('comma', {'k': 'a,b'}, "k: 'a,b'\n"),
    ('url', {'k': 'http://example.org'}, "k: 'http://example.org'\n"),
    ('schema-url', {'k': 'https://json-schema.org/draft-07/schema#'}, "k: 'https://json-schema.org/draft-07/schema#'\n"),
    ('hash-after-space', {'k': 'a #b'}, "k: 'a #b'\n"),
    ('hash-inside', {'k': 'a#b'}, 'k: a#b\n'),
    ('hash-first', {'k': '#a'}, "k: '#a'\n"),
    ('dash-first', {'k': '-a'}, "k: '-a'\n"),
    ('dash-space', {'k': '- a'}, "k: '- a'\n"),
    ('question', {'k': '?'}, "k: '?'\n"),
    ('question-word', {'k': '?a'}, "k: '?a'\n"),
    ('trailing-space', {'k': 'a '}, "k: 'a '\n"),
    ('leading-space', {'k': ' a'}, "k: ' a'\n"),
    ('equals', {'k': '=a'}, "k: '=a'\n"),
    ('at', {'k': '@a'}, "k: '@a'\n"),
    ('backtick', {'k': '`a'}, "k: '`a'\n"),
    ('percent', {'k': '%a'}, "k: '%a'\n"),
    ('bang', {'k': '!a'}, "k: '!a'\n"),
    ('ampersand', {'k': '&a'}, "k: '&a'\n"),
    ('star', {'k': '*a'}, "k: '*a'\n"),
    ('pipe', {'k': '|a'}, "k: '|a'\n"),
    ('gt', {'k': '>a'}, "k: '>a'\n"),
    ('quote-first', {'k': "'a"}, "k: '''a'\n"),
    ('dquote-first', {'k': '"a'}, 'k: \'"a\'\n'),
    ('bracket-first', {'k': '[a'}, "k: '[a'\n"),
    ('bracket-inside', {'k': 'a[b'}, "k: 'a[b'\n"),
    ('brace-inside', {'k': 'a{b}'}, "k: 'a{b}'\n"),
    ('slash', {'k': '/fragment/common/1.0.0'}, 'k: /fragment/common/1.0.0\n'),
    ('star-alone', {'k': '*'}, "k: '*'\n"),
    ('backslash', {'k': 'a\\b'}, 'k: a\\b\n'),
    ('tab-inside', {'k': 'a\tb'}, 'k: "a\\tb"\n'),
    ('tab-end', {'k': 'tab\t'}, 'k: "tab\\t"\n'),
    ('emoji', {'k': 'emoji \U0001f600'}, 'k: "emoji \\U0001F600"\n'),
    ('accent', {'k': 'caf\xe9'}, 'k: caf\xe9\n'),
    ('nbsp', {'k': 'a\xa0b'}, 'k: "a\\_b"\n'),
    ('nel', {'k': 'a\x85b'}, 'k: "a\\Nb"\n'),
    ('line-sep', {'k': 'a\u2028b'}, 'k: "a\\Lb"\n'),
    ('bom', {'k': '\ufeffa'}, 'k: "\\uFEFFa"\n'),
    ('del', {'k': 'a\x7fb'}, 'k: "a\\x7Fb"\n'),
    ('nul', {'k': 'a\x00b'}, 'k: "a\\0b"\n'),
    ('esc', {'k': 'a\x1bb'}, 'k: "a\\eb"\n'),
    ('c1', {'k': 'a\x80b'}, 'k: "a\\x80b"\n'),
    ('bell', {'k': '\x07'}, 'k: "\\a"\n'),
    ('lone-surrogate', {'k': 'a\ud800b'}, 'k: "a\\uD800b"\n'),
    ('crlf', {'k': 'line\r\n'}, 'k: "line\\r\\n"\n'),
    ('cjk', {'k': '\u4e2d\u6587'}, 'k: \u4e2d\u6587\n'),
    ('private-use', {'k': '\ue000'}, 'k: \ue000\n'),
    ('fffe', {'k': 'a\ufffeb'}, 'k: "a\\uFFFEb"\n'),
    ('nl-end', {'k': 'a\n'}, 'k: |\n  a\n'),
    ('nl-two', {'k': 'a\n\n'}, 'k: |+\n  a\n\n'),
    ('nl-only', {'k': '\n'}, 'k: |+\n\n'),
    ('nl-only-two', {'k': '\n\n'}, 'k: |+\n\n\n'),
    ('nl-middle', {'k': 'a\nb'}, 'k: |-\n  a\n  b\n'),
    ('nl-both', {'k': 'a\nb\n'}, 'k: |\n  a\n  b\n'),
    ('leading-space-nl', {'k': ' a\nb'}, 'k: |2-\n   a\n  b\n'),
    ('leading-nl', {'k': '\na'}, 'k: |-\n\n  a\n'),
    ('leading-nl-space', {'k': '\n a'}, 'k: |2-\n\n   a\n'),
    ('long-word', {'k': LONG_WORD}, 'k: >-\n  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
    ('long-word-nl', {'k': LONG_WORD + '\n'}, 'k: >\n  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
    ('sentence', {'k': SENTENCE}, 'k: >-\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('sentence-nl', {'k': SENTENCE + '\n'}, 'k: >\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('sentence-nl-nl', {'k': SENTENCE + '\n\n'}, 'k: >+\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n\n'),
    ('paragraphs', {'k': SENTENCE + '\n' + SENTENCE + '\n'}, 'k: >\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('paragraph-blank', {'k': SENTENCE + '\n\n' + SENTENCE}, 'k: >-\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n\n\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('more-indented', {'k': SENTENCE + '\n  indented line\n' + SENTENCE + '\n'}, 'k: >\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n    indented line\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('more-indented-long', {'k': '  ' + SENTENCE + '\nnext'}, 'k: |2-\n    The quick brown fox jumps over the lazy dog and keeps running far away until the sun sets behind the distant hills of the valley.\n  next\n'),
    ('double-spaces', {'k': 'word  word  word  word  word  word  word  word  word  word  word  word  word  word  word  word  word  word  word  word  '}, 'k: >-\n  word  word  word  word  word  word  word  word  word  word  word  word  word \n  word  word  word  word  word  word  word  \n'),
    ('width-78', {'k': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'}, 'k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n'),
    ('width-79', {'k': 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'}, 'k: >-\n  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n'),
    ('short-lines', {'k': 'one\ntwo\nthree'}, 'k: |-\n  one\n  two\n  three\n'),
    ('trailing-spaces-lines', {'k': 'a  \nb '}, 'k: |-\n  a  \n  b \n'),
    ('tab-in-block', {'k': 'a\n\tb'}, 'k: "a\\n\\tb"\n'),
    ('emoji-multiline', {'k': 'a\n\U0001f600'}, 'k: "a\\n\\U0001F600"\n'),
    ('apostrophe-multiline', {'k': "it's\nok"}, "k: |-\n  it's\n  ok\n"),
    ('colon-multiline', {'k': 'a: b\nc'}, 'k: |-\n  a: b\n  c\n'),
    ('long-with-colon', {'k': 'key: ' + SENTENCE}, 'k: >-\n  key: The quick brown fox jumps over the lazy dog and keeps running far away\n  until the sun sets behind the distant hills of the valley.\n'),
    ('long-url', {'k': 'https://example.org/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'}, 'k: >-\n  https://example.org/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
]

VALUE_CASES = [
    ('root-mapping-order', {'zeta': 1, 'examples': [], 'type': 'object', 'title': 'T', '$schema': 's', '$id': 'i', 'description': 'd', 'properties': {}, 'required': [], 'allOf': [], 'definitions': {}, 'additionalProperties': False, 'alpha': None}, 'title: T\ndescription: d\n$id: i\n$schema: s\ntype: object\nadditionalProperties: false\nrequired: []\nproperties: {}\nallOf: []\nexamples: []\nalpha: null\ndefinitions: {}\nzeta: 1\n'),
    ('root-int-keys', {'b': 1, '10': 2, '2': 3, '01': 4, '-1': 5, '4294967295': 6, '4294967294': 7, 'a': 8}, "'-1': 5\n'01': 4\n'10': 2\n'2': 3\n'4294967294': 7\n'4294967295': 6\na: 8\nb: 1\n"),
    ('root-key-quoting', {'n': 1, 'y': True, 'yes': False, '': 0, 'a: b': 1, 'a\nb': 2, '123': 3, 'true': 4, "it's": 5, '#x': 6, LONG_WORD + 'xxxxxxxxxx': 7, '\U0001f600': 8}, '\'\': 0\n\'#x\': 6\n"\\U0001F600": 8\n\'123\': 3\n"a\\nb": 2\n\'a: b\': 1\nit\'s: 5\n\'n\': 1\n\'true\': 4\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: 7\n\'y\': true\n\'yes\': false\n'),
    ('root-long-key', {'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk': 'v', 'a': {'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb': {'c': 1}}}, 'a:\n  ? bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  : c: 1\n? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: v\n'),
    ('root-numbers', {'zero': 0, 'one': 1, 'neg': -1, 'float-int': 1.0, 'half': 0.5, 'neg-zero': -0.0, 'big': 1e+21, 'tiny': 1e-07, 'tiny2': 1.5e-07, 'micro': 1e-06, 'huge-int': 123456789012345678901234567890, 'unsafe-int': 9007199254740993, 'e300': 1e+300, 'nan': math.nan, 'inf': math.inf, 'ninf': -math.inf, 'sum': 0.30000000000000004, 'denormal': 5e-324, 'e-20': 1.23e-18, 'max-safe': 9007199254740991, 'neg-tiny': -2.5e-08, 'int-float-big': 1e+16}, 'big: 1e+21\ndenormal: 5.e-324\ne-20: 1.23e-18\ne300: 1e+300\nfloat-int: 1\nhalf: 0.5\nhuge-int: 1.2345678901234568e+29\ninf: .inf\nint-float-big: 10000000000000000\nmax-safe: 9007199254740991\nmicro: 0.000001\nnan: .nan\nneg: -1\nneg-tiny: -2.5e-8\nneg-zero: -0.0\nninf: -.inf\none: 1\nsum: 0.30000000000000004\ntiny: 1.e-7\ntiny2: 1.5e-7\nunsafe-int: 9007199254740992\nzero: 0\n'),
    ('root-others', {'t': True, 'f': False, 'none': None, 'empty-map': {}, 'empty-list': [], 'nested-empty': {'a': {}, 'b': [[]], 'c': [{}]}}, 'empty-list: []\nempty-map: {}\nf: false\nnested-empty:\n  a: {}\n  b:\n    - []\n  c:\n    - {}\nnone: null\nt: true\n'),
    ('root-sequences', {'list': [[1, 2], [3], [[4]]], 'maps': [{'b': 1, 'a': 2}, {'c': {'d': [1, {'e': 2}]}}], 'required': ['a', 'b'], 'mixed': [None, 'x', 1.5, [], {}]}, 'required:\n  - a\n  - b\nlist:\n  - - 1\n    - 2\n  - - 3\n  - - - 4\nmaps:\n  - a: 2\n    b: 1\n  - c:\n      d:\n        - 1\n        - e: 2\nmixed:\n  - null\n  - x\n  - 1.5\n  - []\n  - {}\n'),
    ('root-dates', {'date': dt.date(2020, 9, 1), 'aware': dt.datetime(2020, 9, 1, 12, 30, 45, 123456, tzinfo=UTC), 'naive': dt.datetime(2020, 9, 1, 12, 30, 45, 0), 'offset': dt.datetime(2020, 9, 1, 2, 0, 0, 0, tzinfo=dt.timezone(dt.timedelta(seconds=19800))), 'list': [dt.date(1999, 12, 31)]}, 'aware: 2020-09-01T12:30:45.123Z\ndate: 2020-09-01T00:00:00.000Z\nlist:\n  - 1999-12-31T00:00:00.000Z\nnaive: 2020-09-01T12:30:45.000Z\noffset: 2020-08-31T20:30:00.000Z\n'),
    ('root-list', ['a', {'b': 1}, [2]], '- a\n- b: 1\n- - 2\n'),
    ('root-string', 'just a string', 'just a string\n'),
    ('root-long-string', SENTENCE, '>-\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('root-int', 42, '42\n'),
    ('root-null', None, 'null\n'),
    ('root-empty-map', {}, '{}\n'),
    ('root-empty-list', [], '[]\n'),
    ('root-block-in-list', ['a\nb', SENTENCE, {'k': 'x\ny\n'}], '- |-\n  a\n  b\n- >-\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n- k: |\n    x\n    y\n'),
    ('root-prototype-keys', {'zeta': 1, 'constructor': 2, 'type': 3, 'toString': 4, 'alpha': 5, 'title': 6}, 'constructor: 2\ntype: 3\ntoString: 4\ntitle: 6\nalpha: 5\nzeta: 1\n'),
    ('root-collation-ties', {'a\xadb': 1, 'ab': 2, '\xe9': 3, 'e\u0301': 4, 'e': 5}, 'a\xadb: 1\nab: 2\ne: 5\n\xe9: 3\ne\u0301: 4\n'),
    ('root-fold-level-1', {'k': SENTENCE}, 'k: >-\n  The quick brown fox jumps over the lazy dog and keeps running far away until\n  the sun sets behind the distant hills of the valley.\n'),
    ('root-fold-level-2', {'k': {'k': SENTENCE}}, 'k:\n  k: >-\n    The quick brown fox jumps over the lazy dog and keeps running far away until\n    the sun sets behind the distant hills of the valley.\n'),
    ('root-fold-level-3', {'k': {'k': {'k': SENTENCE}}}, 'k:\n  k:\n    k: >-\n      The quick brown fox jumps over the lazy dog and keeps running far away\n      until the sun sets behind the distant hills of the valley.\n'),
    ('root-fold-level-5', {'k': {'k': {'k': {'k': {'k': SENTENCE}}}}}, 'k:\n  k:\n    k:\n      k:\n        k: >-\n          The quick brown fox jumps over the lazy dog and keeps running far away\n          until the sun sets behind the distant hills of the valley.\n'),
    ('root-fold-level-10', {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': SENTENCE}}}}}}}}}}, 'k:\n  k:\n    k:\n      k:\n        k:\n          k:\n            k:\n              k:\n                k:\n                  k: >-\n                    The quick brown fox jumps over the lazy dog and keeps\n                    running far away until the sun sets behind the distant hills\n                    of the valley.\n'),
    ('root-fold-level-19', {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': SENTENCE}}}}}}}}}}}}}}}}}}}, 'k:\n  k:\n    k:\n      k:\n        k:\n          k:\n            k:\n              k:\n                k:\n                  k:\n                    k:\n                      k:\n                        k:\n                          k:\n                            k:\n                              k:\n                                k:\n                                  k:\n                                    k: >-\n                                      The quick brown fox jumps over the lazy\n                                      dog and keeps running far away until the\n                                      sun sets behind the distant hills of the\n                                      valley.\n'),
    ('root-fold-level-20', {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': SENTENCE}}}}}}}}}}}}}}}}}}}}, 'k:\n  k:\n    k:\n      k:\n        k:\n          k:\n            k:\n              k:\n                k:\n                  k:\n                    k:\n                      k:\n                        k:\n                          k:\n                            k:\n                              k:\n                                k:\n                                  k:\n                                    k:\n                                      k: >-\n                                        The quick brown fox jumps over the lazy\n                                        dog and keeps running far away until the\n                                        sun sets behind the distant hills of the\n                                        valley.\n'),
    ('root-fold-level-21', {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': SENTENCE}}}}}}}}}}}}}}}}}}}}}, 'k:\n  k:\n    k:\n      k:\n        k:\n          k:\n            k:\n              k:\n                k:\n                  k:\n                    k:\n                      k:\n                        k:\n                          k:\n                            k:\n                              k:\n                                k:\n                                  k:\n                                    k:\n                                      k:\n                                        k: >-\n                                          The quick brown fox jumps over the lazy\n                                          dog and keeps running far away until the\n                                          sun sets behind the distant hills of the\n                                          valley.\n'),
    ('root-fold-level-25', {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': {'k': SENTENCE}}}}}}}}}}}}}}}}}}}}}}}}}, 'k:\n  k:\n    k:\n      k:\n        k:\n          k:\n            k:\n              k:\n                k:\n                  k:\n                    k:\n                      k:\n                        k:\n                          k:\n                            k:\n                              k:\n                                k:\n                                  k:\n                                    k:\n                                      k:\n                                        k:\n                                          k:\n                                            k:\n                                              k:\n                                                k: >-\n                                                  The quick brown fox jumps over the lazy\n                                                  dog and keeps running far away until the\n                                                  sun sets behind the distant hills of the\n                                                  valley.\n'),
    ('root-fold-in-list', [[[SENTENCE]]], '- - - >-\n      The quick brown fox jumps over the lazy dog and keeps running far away\n      until the sun sets behind the distant hills of the valley.\n'),
]

SHARED_EXPECTED = {
    'anchor-examples-meta': 'examples:\n  - $schema: /x/1.0.0\n    meta: &ref_0\n      domain: example.org\n      stream: s\n  - meta: *ref_0\n  - meta: *ref_0\n',
    'anchor-list': 'a: &ref_0\n  - 1\n  - 2\nb:\n  c: *ref_0\n',
    'anchor-empty': "x: &ref_0 {}\n'y': *ref_0\nz:\n  - *ref_0\n",
    'anchor-in-sequence': 'list:\n  - &ref_0\n    domain: example.org\n    stream: s\n  - *ref_0\n',
    'anchor-date-numbering': 'a: 2020-01-01T00:00:00.000Z\nb: 2020-01-01T00:00:00.000Z\nc: &ref_1\n  q: 1\nd: *ref_1\n',
    'anchor-js-order': "a: &ref_1\n  one: 1\nx: &ref_0\n  two: 2\n'y': *ref_1\nz: *ref_0\n",
    'anchor-cycle': '&ref_0\nname: loop\nself: *ref_0\n',
    'anchor-int-keys': "'10': &ref_1\n  one: 1\n'2': &ref_0\n  two: 2\na: *ref_1\nb: *ref_0\n",
    'anchor-nested': 'again:\n  outer2: &ref_0\n    domain: example.org\n    stream: s\nlist:\n  - - *ref_0\nouter:\n  inner: *ref_0\n',
}

# path: (sha256 of the file, sha256 of js-yaml's dump), first 16 hex digits each
NODE_YAML_SHA256 = {
    'primary:jsonschema/api-gateway/request/1.0.0.yaml': ('69a45444fb263f58', '69a45444fb263f58'),
    'primary:jsonschema/change-prop/continue/1.0.0.yaml': ('649f10512050431d', '649f10512050431d'),
    'primary:jsonschema/change-prop/retry/1.0.0.yaml': ('52f1b4156c46e876', '52f1b4156c46e876'),
    'primary:jsonschema/development/cirrussearch/page_weighted_tags_change/1.0.0.yaml': ('9a205b186d5909fc', '9a205b186d5909fc'),
    'primary:jsonschema/development/cirrussearch/update_pipeline/fetch_error/1.0.0.yaml': ('c360ceb71ffeedda', 'c360ceb71ffeedda'),
    'primary:jsonschema/development/cirrussearch/update_pipeline/update/1.0.0.yaml': ('875a96e72cfb3604', '875a96e72cfb3604'),
    'primary:jsonschema/development/network/probe/1.0.0.yaml': ('9a48acce37908069', '9a48acce37908069'),
    'primary:jsonschema/development/webrequest/1.0.0.yaml': ('6cb663e1ecf1f7ea', '6cb663e1ecf1f7ea'),
    'primary:jsonschema/error/0.0.3.yaml': ('28b09411afb876ae', '2e4364147ce748fd'),
    'primary:jsonschema/error/1.0.0.yaml': ('71e238f5f954871b', '71e238f5f954871b'),
    'primary:jsonschema/error/2.0.0.yaml': ('cd19447988231eda', 'cd19447988231eda'),
    'primary:jsonschema/error/2.1.0.yaml': ('9cc2baf2b07e6e1a', '9cc2baf2b07e6e1a'),
    'primary:jsonschema/fragment/cirrussearch/index/1.0.0.yaml': ('06a8731807f5cef3', '06a8731807f5cef3'),
    'primary:jsonschema/fragment/common/1.0.0.yaml': ('c9857eeea785c4b6', 'd4a1f2eace2f20a6'),
    'primary:jsonschema/fragment/common/1.1.0.yaml': ('257d706e289189da', '257d706e289189da'),
    'primary:jsonschema/fragment/common/2.0.0.yaml': ('ccf8d4eabb44dd7f', 'ccf8d4eabb44dd7f'),
    'primary:jsonschema/fragment/http/1.0.0.yaml': ('b7100e2c4a0c5198', 'e81678041d8bf88a'),
    'primary:jsonschema/fragment/http/1.1.0.yaml': ('9ca995dd7a599e05', '15ab7d7e115e2179'),
    'primary:jsonschema/fragment/http/1.2.0.yaml': ('88696f04a45cd68e', '88696f04a45cd68e'),
    'primary:jsonschema/fragment/http/client_ip/1.0.0.yaml': ('2717f093fac5fc37', '2717f093fac5fc37'),
    'primary:jsonschema/fragment/mediawiki/common/1.0.0.yaml': ('26c721e9c2755577', '35951af437b08ea3'),
    'primary:jsonschema/fragment/mediawiki/common/2.0.0.yaml': ('12580a7bec77f109', '12580a7bec77f109'),
    'primary:jsonschema/fragment/mediawiki/common/3.0.0.yaml': ('da7d4b784e6f8e9c', 'da7d4b784e6f8e9c'),
    'primary:jsonschema/fragment/mediawiki/page/common/1.0.0.yaml': ('7da89d42d7c45843', '7992f94291106643'),
    'primary:jsonschema/fragment/mediawiki/page/common/2.0.0.yaml': ('6686f1e3abe40815', '6686f1e3abe40815'),
    'primary:jsonschema/fragment/mediawiki/revision/common/1.0.0.yaml': ('523b4754a1a06e61', 'ee66e3e47d3fef84'),
    'primary:jsonschema/fragment/mediawiki/revision/common/2.0.0.yaml': ('667420e74703895e', '667420e74703895e'),
    'primary:jsonschema/fragment/mediawiki/revision/common/3.0.0.yaml': ('67876fd8883da92d', '67876fd8883da92d'),
    'primary:jsonschema/fragment/mediawiki/revision/slot/1.0.0.yaml': ('6b953508fc8a9abc', '6b953508fc8a9abc'),
    'primary:jsonschema/fragment/mediawiki/state/change/page/1.0.0.yaml': ('0d26ef01af8e6dc6', '0d26ef01af8e6dc6'),
    'primary:jsonschema/fragment/mediawiki/state/change/page/1.1.0.yaml': ('492c75a476a44092', '492c75a476a44092'),
    'primary:jsonschema/fragment/mediawiki/state/change/page/1.2.0.yaml': ('e3c0030420891dc9', 'e3c0030420891dc9'),
    'primary:jsonschema/fragment/mediawiki/state/entity/content/1.0.0.yaml': ('0a6e2687c0e63d75', '0a6e2687c0e63d75'),
    'primary:jsonschema/fragment/mediawiki/state/entity/page/1.0.0.yaml': ('8b6c8af5c6f08b5d', '8b6c8af5c6f08b5d'),
    'primary:jsonschema/fragment/mediawiki/state/entity/page/2.0.0.yaml': ('c2acc0933b5e9d2b', 'c2acc0933b5e9d2b'),
    'primary:jsonschema/fragment/mediawiki/state/entity/page_link/1.0.0.yaml': ('e3aab4c20db869e8', 'e3aab4c20db869e8'),
    'primary:jsonschema/fragment/mediawiki/state/entity/revision/1.0.0.yaml': ('191e41f99df25458', '191e41f99df25458'),
    'primary:jsonschema/fragment/mediawiki/state/entity/revision_slots/1.0.0.yaml': ('3f33ae691f0d7109', '3f33ae691f0d7109'),
    'primary:jsonschema/fragment/mediawiki/state/entity/user/1.0.0.yaml': ('1c1e257f5c13d30c', '1c1e257f5c13d30c'),
    'primary:jsonschema/fragment/w3c/reportingapi/report/1.0.0.yaml': ('ed85fd5cff2c272f', 'ed85fd5cff2c272f'),
    'primary:jsonschema/maps/tile_change/1.0.0.yaml': ('91f608dc3fea1e37', '91f608dc3fea1e37'),
    'primary:jsonschema/maps/tiles_change/1.0.0.yaml': ('049a02bb84c4fdc6', '049a02bb84c4fdc6'),
    'primary:jsonschema/mediawiki/api/request/0.0.1.yaml': ('6169dc3f31772f86', 'cc1ff2968a6eb584'),
    'primary:jsonschema/mediawiki/api/request/1.0.0.yaml': ('f25b92830933626a', 'f25b92830933626a'),
    'primary:jsonschema/mediawiki/centralnotice/campaign/change/1.0.0.yaml': ('9c4d059bdd589006', '9c4d059bdd589006'),
    'primary:jsonschema/mediawiki/centralnotice/campaign/create/1.0.0.yaml': ('74da81d4bf61ce24', '74da81d4bf61ce24'),
    'primary:jsonschema/mediawiki/centralnotice/campaign/delete/1.0.0.yaml': ('adccb10da9b62808', 'adccb10da9b62808'),
    'primary:jsonschema/mediawiki/cirrussearch/page_rerender/1.0.0.yaml': ('587a8bec7a285ab7', '587a8bec7a285ab7'),
    'primary:jsonschema/mediawiki/cirrussearch/request/0.0.1.yaml': ('2bbb7de938dc6fed', '2bbb7de938dc6fed'),
    'primary:jsonschema/mediawiki/client/error/1.0.0.yaml': ('bfbeb7b74d95b071', '5b81daf4a317ae3f'),
    'primary:jsonschema/mediawiki/client/error/1.1.0.yaml': ('065b6f70f25a55ac', '065b6f70f25a55ac'),
    'primary:jsonschema/mediawiki/client/error/2.0.0.yaml': ('1870730bfbd1e67a', '1870730bfbd1e67a'),
    'primary:jsonschema/mediawiki/job/1.0.0.yaml': ('e49acff0ff417d7f', 'e49acff0ff417d7f'),
    'primary:jsonschema/mediawiki/page/change/1.0.0.yaml': ('b7c6c83e428a4f13', 'b7c6c83e428a4f13'),
    'primary:jsonschema/mediawiki/page/change/1.1.0.yaml': ('4dee196578db5447', '4dee196578db5447'),
    'primary:jsonschema/mediawiki/page/change/1.2.0.yaml': ('bc22817628323d59', 'bc22817628323d59'),
    'primary:jsonschema/mediawiki/page/delete/1.0.0.yaml': ('1d29f8e0bd221a4f', '1d29f8e0bd221a4f'),
    'primary:jsonschema/mediawiki/page/links-change/1.0.0.yaml': ('690c90bcca82c638', '690c90bcca82c638'),
    'primary:jsonschema/mediawiki/page/move/1.0.0.yaml': ('2cf2284dc3fc0774', '2cf2284dc3fc0774'),
    'primary:jsonschema/mediawiki/page/prediction_classification_change/1.0.0.yaml': ('da26909b3cb7614f', 'da26909b3cb7614f'),
    'primary:jsonschema/mediawiki/page/prediction_classification_change/1.1.0.yaml': ('6c392c57157fefaa', '6c392c57157fefaa'),
    'primary:jsonschema/mediawiki/page/properties-change/1.0.0.yaml': ('c9a9bce03b3b3b84', 'c9a9bce03b3b3b84'),
    'primary:jsonschema/mediawiki/page/restrictions-change/1.0.0.yaml': ('cbfdace6d8e8f156', 'cbfdace6d8e8f156'),
    'primary:jsonschema/mediawiki/page/undelete/1.0.0.yaml': ('c926782e9818062a', 'c926782e9818062a'),
    'primary:jsonschema/mediawiki/recentchange/1.0.0.yaml': ('01b054789770c91f', '01b054789770c91f'),
    'primary:jsonschema/mediawiki/recentchange/1.0.1.yaml': ('137d5c52d6ca8f32', '137d5c52d6ca8f32'),
    'primary:jsonschema/mediawiki/revision/create/1.0.0.yaml': ('9b20d6b0ca7cb95c', '0b52ed95fbfa6745'),
    'primary:jsonschema/mediawiki/revision/create/1.1.0.yaml': ('b8949ca02165bedc', 'b8949ca02165bedc'),
    'primary:jsonschema/mediawiki/revision/create/1.2.0.yaml': ('1c54a0d36056d940', '1c54a0d36056d940'),
    'primary:jsonschema/mediawiki/revision/create/2.0.0.yaml': ('5a1339110ec843c1', '5a1339110ec843c1'),
    'primary:jsonschema/mediawiki/revision/recommendation-create/1.0.0.yaml': ('ecc68cb82a069fa2', 'ecc68cb82a069fa2'),
    'primary:jsonschema/mediawiki/revision/score/1.0.0.yaml': ('4dc9189b75f7f281', 'eaa8dda89fa3fec0'),
    'primary:jsonschema/mediawiki/revision/score/2.0.0.yaml': ('b2e938335b9bd507', 'b2e938335b9bd507'),
    'primary:jsonschema/mediawiki/revision/score/3.0.0.yaml': ('4d5793b9e42d91b5', '4d5793b9e42d91b5'),
    'primary:jsonschema/mediawiki/revision/tags-change/1.0.0.yaml': ('56ea54bc08bca4ab', '56ea54bc08bca4ab'),
    'primary:jsonschema/mediawiki/revision/visibility-change/1.0.0.yaml': ('7b630933b1a2c62f', '7b630933b1a2c62f'),
    'primary:jsonschema/mediawiki/user/blocks-change/1.0.0.yaml': ('68f7b0569d3bf000', 'b5f7f06014f2b350'),
    'primary:jsonschema/mediawiki/user/blocks-change/1.1.0.yaml': ('07888b4a9ca86366', '07888b4a9ca86366'),
    'primary:jsonschema/resource_change/1.0.0.yaml': ('0f644d3eca2a88d4', '0f644d3eca2a88d4'),
    'primary:jsonschema/test/event/0.0.2.yaml': ('25b277895bbee94c', '9100046d5a2530bd'),
    'primary:jsonschema/test/event/0.0.3.yaml': ('6edf75fd0df3f687', '67ee0585004df848'),
    'primary:jsonschema/test/event/1.0.0.yaml': ('01ec81b7ebde9a36', '01ec81b7ebde9a36'),
    'primary:jsonschema/w3c/reportingapi/network_error/1.0.0.yaml': ('1c1aea2103e76ee5', '1c1aea2103e76ee5'),
    'mediawiki:jsonschema/change-prop/continue/1.0.0.json': ('9c948349d206fe26', '9d54a3124b2211a0'),
    'mediawiki:jsonschema/change-prop/continue/1.0.0.yaml': ('05ebc1b2929dd752', '9d54a3124b2211a0'),
    'mediawiki:jsonschema/change-prop/retry/1.0.0.json': ('6c6c8e2d4ae792f5', 'a7cabe52e8d573e5'),
    'mediawiki:jsonschema/change-prop/retry/1.0.0.yaml': ('ef3e74d4d6199f19', 'a7cabe52e8d573e5'),
    'mediawiki:jsonschema/client/error/1.0.0.json': ('e3b70172c65c433a', '62c1f6b74edf1b45'),
    'mediawiki:jsonschema/client/error/1.0.0.yaml': ('68765e53ced213c6', '62c1f6b74edf1b45'),
    'mediawiki:jsonschema/common/1.0.0.json': ('997a5f7a0904e312', '2edff187039fdbb8'),
    'mediawiki:jsonschema/common/1.0.0.yaml': ('0da75bf78fcbdea4', '2edff187039fdbb8'),
    'mediawiki:jsonschema/error/0.0.3.json': ('15c5140d6797d25b', 'bfb5c75247a150f2'),
    'mediawiki:jsonschema/error/0.0.3.yaml': ('ad647b9e5b017284', 'bfb5c75247a150f2'),
    'mediawiki:jsonschema/mediawiki/api/request/0.0.1.json': ('c1a0418af56efd40', '217d8909cfd7cb63'),
    'mediawiki:jsonschema/mediawiki/api/request/0.0.1.yaml': ('d0c66e26f0889a6b', '217d8909cfd7cb63'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/change/1.0.0.json': ('ea520ea6cf90bf5b', '1f41af821ab608af'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/change/1.0.0.yaml': ('2ae4bac2fad23767', '1f41af821ab608af'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/create/1.0.0.json': ('fce77ea205ced1d6', '2089b74c4eef42f8'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/create/1.0.0.yaml': ('cfda75af69f384fd', '2089b74c4eef42f8'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/delete/1.0.0.json': ('6c8f6f3d7b2b43a8', '249d2936dfd2353b'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/delete/1.0.0.yaml': ('eb2bd8776cf82b68', '249d2936dfd2353b'),
    'mediawiki:jsonschema/mediawiki/cirrussearch/request/0.0.1.json': ('54e57df4bc1ded26', '30c944551174d15a'),
    'mediawiki:jsonschema/mediawiki/cirrussearch/request/0.0.1.yaml': ('264506727da2c03c', '30c944551174d15a'),
    'mediawiki:jsonschema/mediawiki/common/1.0.0.json': ('ef08c59fa626b320', '3d20cb95138d7f10'),
    'mediawiki:jsonschema/mediawiki/common/1.0.0.yaml': ('a2a27a6d76d52ef9', '3d20cb95138d7f10'),
    'mediawiki:jsonschema/mediawiki/job/1.0.0.json': ('76eaccf64b40864e', 'bed11e7384272a1e'),
    'mediawiki:jsonschema/mediawiki/job/1.0.0.yaml': ('2262d35ceb4b8d33', 'bed11e7384272a1e'),
    'mediawiki:jsonschema/mediawiki/page/common/1.0.0.json': ('0bb4659e23d1e207', '9f81bb9b5a5dcf65'),
    'mediawiki:jsonschema/mediawiki/page/common/1.0.0.yaml': ('f975268a0ba0663a', '9f81bb9b5a5dcf65'),
    'mediawiki:jsonschema/mediawiki/page/delete/1.0.0.json': ('335d874d01358888', '65c93fa6e3142544'),
    'mediawiki:jsonschema/mediawiki/page/delete/1.0.0.yaml': ('b3d19c0e77729f6c', '65c93fa6e3142544'),
    'mediawiki:jsonschema/mediawiki/page/links-change/1.0.0.json': ('26c61ed899801e77', '6e34c41603821ff5'),
    'mediawiki:jsonschema/mediawiki/page/links-change/1.0.0.yaml': ('0d810eb8bdecc527', '6e34c41603821ff5'),
    'mediawiki:jsonschema/mediawiki/page/move/1.0.0.json': ('8c8cf0598c7ac945', '24153d2848a30e10'),
    'mediawiki:jsonschema/mediawiki/page/move/1.0.0.yaml': ('ac8e8eb37c907f29', '24153d2848a30e10'),
    'mediawiki:jsonschema/mediawiki/page/properties-change/1.0.0.json': ('797c71e9e3c08c25', 'f2a8558a69859bf7'),
    'mediawiki:jsonschema/mediawiki/page/properties-change/1.0.0.yaml': ('5d4d91eacb2e91dd', 'f2a8558a69859bf7'),
    'mediawiki:jsonschema/mediawiki/page/restrictions-change/1.0.0.json': ('141c264a9b189253', 'fbebe8e4416f8cae'),
    'mediawiki:jsonschema/mediawiki/page/restrictions-change/1.0.0.yaml': ('ba969bff3bab4be2', 'fbebe8e4416f8cae'),
    'mediawiki:jsonschema/mediawiki/page/undelete/1.0.0.json': ('ba662ea9955ce065', 'a887016c7cf160cb'),
    'mediawiki:jsonschema/mediawiki/page/undelete/1.0.0.yaml': ('066cc184f90eb1ce', 'a887016c7cf160cb'),
    'mediawiki:jsonschema/mediawiki/recentchange/1.0.0.json': ('a349a2e4335d6bdd', '7b095f524bb43a5c'),
    'mediawiki:jsonschema/mediawiki/recentchange/1.0.0.yaml': ('be1d8cb4b1f4298b', '7b095f524bb43a5c'),
    'mediawiki:jsonschema/mediawiki/revision/common/1.0.0.json': ('7e62c34d92281426', 'ae25c0712da2b3fa'),
    'mediawiki:jsonschema/mediawiki/revision/common/1.0.0.yaml': ('fe14584341599bf4', 'ae25c0712da2b3fa'),
    'mediawiki:jsonschema/mediawiki/revision/create/1.0.0.json': ('366780d385885907', '2d27e6250e9d9c86'),
    'mediawiki:jsonschema/mediawiki/revision/create/1.0.0.yaml': ('c0502d33e4206ae6', '2d27e6250e9d9c86'),
    'mediawiki:jsonschema/mediawiki/revision/score/1.0.0.json': ('74ad30ac33da6d38', 'bca399b5b28f6d8b'),
    'mediawiki:jsonschema/mediawiki/revision/score/1.0.0.yaml': ('b03c70b3c59bcde5', 'bca399b5b28f6d8b'),
    'mediawiki:jsonschema/mediawiki/revision/score/2.0.0.json': ('e2537d9af10409ff', 'fc84f2baa16b5b68'),
    'mediawiki:jsonschema/mediawiki/revision/score/2.0.0.yaml': ('4070dc1ce8b83558', 'fc84f2baa16b5b68'),
    'mediawiki:jsonschema/mediawiki/revision/tags-change/1.0.0.json': ('b829c6cb776b0b36', '93ffb41136c002c4'),
    'mediawiki:jsonschema/mediawiki/revision/tags-change/1.0.0.yaml': ('6fcb76cd8028a668', '93ffb41136c002c4'),
    'mediawiki:jsonschema/mediawiki/revision/visibility-change/1.0.0.json': ('fadc4261f4a66fa6', '0e140ef9a17bd7bf'),
    'mediawiki:jsonschema/mediawiki/revision/visibility-change/1.0.0.yaml': ('e4d0b6e888642ac8', '0e140ef9a17bd7bf'),
    'mediawiki:jsonschema/mediawiki/user/blocks-change/1.0.0.json': ('20fb3d35cef71dc8', '8787aec5def092e7'),
    'mediawiki:jsonschema/mediawiki/user/blocks-change/1.0.0.yaml': ('f41eb2137672b2d1', '8787aec5def092e7'),
    'mediawiki:jsonschema/resource_change/1.0.0.json': ('c7c0f60ba4479240', 'd3019f13fee1ad4b'),
    'mediawiki:jsonschema/resource_change/1.0.0.yaml': ('9113b7a0b3ed5da7', 'd3019f13fee1ad4b'),
    'mediawiki:jsonschema/sparql/query/1.0.0.json': ('388c50d1cc35fe5f', '5e3f6d1ada81d24c'),
    'mediawiki:jsonschema/sparql/query/1.0.0.yaml': ('29f9a4c8a191d735', '5e3f6d1ada81d24c'),
    'mediawiki:jsonschema/swift/upload/complete/1.0.0.json': ('2a06a5a076b288db', 'c51e4b205d70b51c'),
    'mediawiki:jsonschema/swift/upload/complete/1.0.0.yaml': ('f2f36ae7eab5d039', 'c51e4b205d70b51c'),
    'mediawiki:jsonschema/test/event/0.0.2.json': ('a715228878763a40', '9100046d5a2530bd'),
    'mediawiki:jsonschema/test/event/0.0.2.yaml': ('25b277895bbee94c', '9100046d5a2530bd'),
    'mediawiki:jsonschema/test/event/0.0.3.json': ('f60b91dd0cd05106', '67ee0585004df848'),
    'mediawiki:jsonschema/test/event/0.0.3.yaml': ('6edf75fd0df3f687', '67ee0585004df848'),
    'mediawiki:jsonschema/test/event/1.0.0.json': ('6353d7bfc705fdc2', '135ef140a3c6da81'),
    'mediawiki:jsonschema/test/event/1.0.0.yaml': ('97e705fb07a2041a', '135ef140a3c6da81'),
}
# fmt: on


def shared_cases() -> dict[str, Any]:
    """Structures with objects reached twice (the same Python object), as a YAML alias would load them."""
    meta = {"domain": "example.org", "stream": "s"}
    items = [1, 2]
    empty: dict[str, Any] = {}
    date = dt.date(2020, 1, 1)
    m2 = {"q": 1}
    first, second = {"one": 1}, {"two": 2}
    cycle: dict[str, Any] = {"name": "loop"}
    cycle["self"] = cycle
    return {
        "anchor-examples-meta": {
            "examples": [{"$schema": "/x/1.0.0", "meta": meta}, {"meta": meta}, {"meta": meta}]
        },
        "anchor-list": {"a": items, "b": {"c": items}},
        "anchor-empty": {"x": empty, "y": empty, "z": [empty]},
        "anchor-in-sequence": {"list": [meta, meta]},
        # A shared date takes anchor number 0 without being written with it (JS Dates are objects).
        "anchor-date-numbering": {"a": date, "b": date, "c": m2, "d": m2},
        # Numbers follow JS key order (insertion), not the sorted output order.
        "anchor-js-order": {"z": second, "y": first, "x": second, "a": first},
        "anchor-cycle": cycle,
        # ... and JS key order lists integer-like keys first.
        "anchor-int-keys": {"b": second, "10": first, "2": second, "a": first},
        "anchor-nested": {"outer": {"inner": meta}, "again": {"outer2": meta}, "list": [[meta]]},
    }


@pytest.mark.parametrize(
    ("value", "expected"), [c[1:] for c in SCALAR_CASES], ids=[c[0] for c in SCALAR_CASES]
)
def test_scalar_styles(value: dict[str, str], expected: str) -> None:
    """Quoting, escaping, block styles, chomping and folding of a string value match js-yaml."""
    assert dump_yaml(value) == expected


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in VALUE_CASES], ids=[c[0] for c in VALUE_CASES])
def test_documents(value: Any, expected: str) -> None:
    """Key order and quoting, numbers, dates, containers, folding by depth match js-yaml."""
    assert dump_yaml(value) == expected


@pytest.mark.parametrize("name", sorted(SHARED_EXPECTED))
def test_anchors_for_shared_objects(name: str) -> None:
    """Objects reached twice get `&ref_N` / `*ref_N` numbered like js-yaml's pre-pass."""
    assert dump_yaml(shared_cases()[name]) == SHARED_EXPECTED[name]


def test_fold_width_follows_depth() -> None:
    """Folded lines of content at level L are at most max(40, 80 - 2L) wide and indented 2L."""
    for name, value, expected in VALUE_CASES:
        if not name.startswith("root-fold-level-"):
            continue
        level = int(name.rsplit("-", 1)[1])
        width = max(40, 80 - 2 * level)
        body = expected.split(">-\n", 1)[1].splitlines()
        assert all(line.startswith(" " * 2 * level) for line in body)
        assert all(len(line) - 2 * level <= width for line in body)
        assert " ".join(line.strip() for line in body) == SENTENCE
        assert dump_yaml(value) == expected


def test_unsupported_value_is_an_error() -> None:
    """Values js-yaml's schema cannot represent raise TypeError, as js-yaml throws."""
    with pytest.raises(TypeError):
        dump_yaml({"a": {1, 2}})


def test_sort_keys_false_keeps_js_key_order() -> None:
    """Without sorting, keys come in JS order: integer-like keys first, then as inserted."""
    assert dump_yaml({"b": 1, "2": 2, "a": 3}, sort_keys=False) == "'2': 2\nb: 1\na: 3\n"


# --- the real repositories ---------------------------------------------------------------------------

# Committed versions of schemas-event-primary that the sorting serializer does not reproduce, and why.
# All were last written in 2020 or by the bulk rematerialization 10669b2 (2021-07-05), by tool versions
# that did not sort keys yet.
PRIMARY_UNSORTED = {
    # plain `yaml.dump(obj)` output: identical once keys keep the file's own order
    "error/0.0.3.yaml",
    "fragment/common/1.0.0.yaml",
    "fragment/http/1.0.0.yaml",
    "fragment/http/1.1.0.yaml",
    "fragment/mediawiki/common/1.0.0.yaml",
    "fragment/mediawiki/revision/common/1.0.0.yaml",
    "mediawiki/api/request/0.0.1.yaml",
    "mediawiki/client/error/1.0.0.yaml",
    "mediawiki/revision/create/1.0.0.yaml",
    "mediawiki/revision/score/1.0.0.yaml",
}
PRIMARY_UNSORTED_EDITED_EOF = {
    # the same, then edited by hand at the end of the file: final newline removed / blank line added
    "fragment/mediawiki/page/common/1.0.0.yaml",
    "mediawiki/user/blocks-change/1.0.0.yaml",
}
HAND_WRITTEN = {
    # never tool output: comments, a flow-style example, other folding (same files in both repos)
    "test/event/0.0.2.yaml",
    "test/event/0.0.3.yaml",
}


def _version_files(root: Path, ext: str) -> list[Path]:
    return sorted(
        p
        for p in root.rglob(f"*.{ext}")
        if VERSION_FILE.fullmatch(p.name) and p.is_file() and not p.is_symlink()
    )


def _keys_sorted(value: Any) -> bool:
    """True when every mapping's keys are already in the serializer's order."""
    if isinstance(value, dict):
        keys = js_key_order(value)
        return keys == schema_sorted_keys(keys) and all(_keys_sorted(v) for v in value.values())
    if isinstance(value, list):
        return all(_keys_sorted(v) for v in value)
    return True


def test_primary_versions_reemit_byte_for_byte(primary_pristine: Path) -> None:
    """Every materialized version re-emits identically, except the listed pre-sorting files."""
    root = primary_pristine / "jsonschema"
    files = _version_files(root, "yaml")
    assert len(files) == 83
    identical, unsorted, edited, hand = [], [], [], []
    for path in files:
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        data = load_file(path)
        out = dump_yaml(data)
        assert load_text(out) == data, name
        if out == text:
            identical.append(name)
            continue
        assert not _keys_sorted(data), f"{name}: keys are in order, yet the output differs"
        plain = dump_yaml(data, sort_keys=False)
        if plain == text:
            unsorted.append(name)
        elif plain.rstrip("\n") == text.rstrip("\n"):
            edited.append(name)
        else:
            hand.append(name)
    assert set(unsorted) == PRIMARY_UNSORTED
    assert set(edited) == PRIMARY_UNSORTED_EDITED_EOF
    assert set(hand) == HAND_WRITTEN
    assert len(identical) == 69


def test_shared_examples_meta_keeps_its_anchor(primary_pristine: Path) -> None:
    """The one file with anchors loads its alias as the same object and re-emits `&ref_0`/`*ref_0`."""
    path = primary_pristine / "jsonschema/w3c/reportingapi/network_error/1.0.0.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("&ref_0") == 1 and text.count("*ref_0") == 3
    data = load_file(path)
    metas = [example["meta"] for example in data["examples"]]
    assert len(metas) == 4 and all(meta is metas[0] for meta in metas)
    assert dump_yaml(data) == text
    assert dump_yaml(copy.deepcopy(data)) == text  # deepcopy keeps the sharing
    # Identity is what makes the anchors: equal but distinct objects are written out in full.
    unshared = copy.deepcopy(data)
    for example in unshared["examples"]:
        example["meta"] = copy.deepcopy(example["meta"])
    out = dump_yaml(unshared)
    assert "ref_0" not in out and load_text(out) == data


def test_mediawiki_yaml_versions_are_unsorted_dumps(mediawiki_pristine: Path) -> None:
    """mediawiki-event-schemas (tool 0.5, no sorting): each version is js-yaml's unsorted dump."""
    root = mediawiki_pristine / "jsonschema"
    files = _version_files(root, "yaml")
    assert len(files) == 33
    hand = []
    for path in files:
        name = path.relative_to(root).as_posix()
        data = load_file(path)
        assert not _keys_sorted(data), name
        if dump_yaml(data, sort_keys=False) != path.read_text(encoding="utf-8"):
            hand.append(name)
    assert set(hand) == HAND_WRITTEN


@pytest.mark.parametrize("corpus", ["primary", "mediawiki"])
def test_corpus_output_matches_node_hashes(corpus: str, request: pytest.FixtureRequest) -> None:
    """For every versioned file of both repositories, the output hashes to what the real js-yaml wrote."""
    root: Path = request.getfixturevalue(f"{corpus}_pristine")
    checked = 0
    for path in _version_files(root / "jsonschema", "yaml") + _version_files(root / "jsonschema", "json"):
        name = f"{corpus}:{path.relative_to(root).as_posix()}"
        source_hash, expected = NODE_YAML_SHA256[name]
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == source_hash, f"{name} changed"
        assert hashlib.sha256(dump_yaml(load_file(path)).encode()).hexdigest()[:16] == expected, name
        checked += 1
    assert checked == sum(key.startswith(f"{corpus}:") for key in NODE_YAML_SHA256)


def test_numbers_unaffected_by_float_repr() -> None:
    """A float that is an integer is written as JS would (`1`), a tiny one with js-yaml's dot (`1.e-7`)."""
    assert dump_yaml([1.0, 1e-7, -0.0, math.inf]) == "- 1\n- 1.e-7\n- -0.0\n- .inf\n"
