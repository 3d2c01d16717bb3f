"""The JSON serializer against json-stable-stringify 1.0.1 `(obj, {cmp: schemaKeyCompare on keys, space: 2})`.

Every expected text below was produced by the real module under Node 20 and pasted as a literal; the
corpus test compares with hashes of what the real modules wrote for each versioned file. No test needs Node.
"""

# ruff: noqa: E501 - the tables hold long literal outputs

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from schema_tools.documents.collation import js_key_order, schema_sorted_keys
from schema_tools.documents.json_emit import dump_json, js_iso_string
from schema_tools.documents.load import load_file

UTC = dt.UTC
VERSION_FILE = re.compile(r"\d+\.\d+\.\d+\.(yaml|json)")

# Literal tables pasted from Node's output: kept as generated.
# fmt: off
JSON_CASES = [
    ('empty-map', {}, '{\n}'),
    ('empty-list', [], '[\n]'),
    ('nested-empty', {'a': {}, 'b': [], 'c': [[], {}], 'd': {'e': {'f': []}}}, '{\n  "a": {\n  },\n  "b": [\n  ],\n  "c": [\n    [\n    ],\n    {\n    }\n  ],\n  "d": {\n    "e": {\n      "f": [\n      ]\n    }\n  }\n}'),
    ('strings', {'plain': 'x', 'quote': 'a"b', 'backslash': 'a\\b', 'slash': 'a/b', 'nl': 'a\nb', 'tab': 'a\tb', 'ctl': '\x00\x01\x1f\x7f', 'bs-ff': '\x08\x0c\r', 'ls': 'a\u2028b\u2029c', 'nonascii': 'caf\xe9 \u4e2d\u6587 \U0001f600', 'lone-high': 'a\ud800b', 'lone-low': '\udc00', 'pair-as-two': '\ud83d\ude00', 'nel': '\x85', 'bom': '\ufeff', 'fffe': '\ufffe'}, '{\n  "backslash": "a\\\\b",\n  "bom": "\ufeff",\n  "bs-ff": "\\b\\f\\r",\n  "ctl": "\\u0000\\u0001\\u001f\x7f",\n  "fffe": "\ufffe",\n  "lone-high": "a\\ud800b",\n  "lone-low": "\\udc00",\n  "ls": "a\u2028b\u2029c",\n  "nel": "\x85",\n  "nl": "a\\nb",\n  "nonascii": "caf\xe9 \u4e2d\u6587 \U0001f600",\n  "pair-as-two": "\U0001f600",\n  "plain": "x",\n  "quote": "a\\"b",\n  "slash": "a/b",\n  "tab": "a\\tb"\n}'),
    ('numbers', {'zero': 0, 'neg-zero': -0.0, 'one': 1.0, 'half': 0.5, 'big': 1e+21, 'tiny': 1e-07, 'nan': math.nan, 'inf': math.inf, 'ninf': -math.inf, 'huge-int': 123456789012345678901234567890, 'unsafe': 9007199254740993, 'sum': 0.30000000000000004, 'neg': -3}, '{\n  "big": 1e+21,\n  "half": 0.5,\n  "huge-int": 1.2345678901234568e+29,\n  "inf": null,\n  "nan": null,\n  "neg": -3,\n  "neg-zero": 0,\n  "ninf": null,\n  "one": 1,\n  "sum": 0.30000000000000004,\n  "tiny": 1e-7,\n  "unsafe": 9007199254740992,\n  "zero": 0\n}'),
    ('others', {'t': True, 'f': False, 'n': None, 'date': dt.date(2020, 9, 1), 'dt': dt.datetime(2020, 9, 1, 12, 0, 0, 999999, tzinfo=UTC)}, '{\n  "date": "2020-09-01T00:00:00.000Z",\n  "dt": "2020-09-01T12:00:00.999Z",\n  "f": false,\n  "n": null,\n  "t": true\n}'),
    ('order', {'zeta': 1, 'examples': [], 'type': 'object', '$schema': 's', 'b_c': 1, 'bC': 2, 'b-c': 3, '10': 4, '2': 5}, '{\n  "$schema": "s",\n  "type": "object",\n  "examples": [\n  ],\n  "10": 4,\n  "2": 5,\n  "b_c": 1,\n  "b-c": 3,\n  "bC": 2,\n  "zeta": 1\n}'),
    ('key-escapes', {'a"b': 1, 'a\nb': 2, '\u2028': 3}, '{\n  "\u2028": 3,\n  "a\\nb": 2,\n  "a\\"b": 1\n}'),
    ('deep-list', [[[1, [2]], {'a': [3]}]], '[\n  [\n    [\n      1,\n      [\n        2\n      ]\n    ],\n    {\n      "a": [\n        3\n      ]\n    }\n  ]\n]'),
    ('root-string', 'x\u2028y', '"x\u2028y"'),
    ('root-number', 1.5, '1.5'),
    ('root-null', None, 'null'),
]

SHARED_EXPECTED = {
    'shared-written-twice': '{\n  "a": {\n    "m": 1\n  },\n  "b": [\n    {\n      "m": 1\n    }\n  ]\n}',
}

# path: (sha256 of the file, sha256 of json-stable-stringify's output), first 16 hex digits each
NODE_JSON_SHA256 = {
    'primary:jsonschema/api-gateway/request/1.0.0.yaml': ('69a45444fb263f58', 'ad532aeb809bf4f9'),
    'primary:jsonschema/change-prop/continue/1.0.0.yaml': ('649f10512050431d', 'a69e61952a31179e'),
    'primary:jsonschema/change-prop/retry/1.0.0.yaml': ('52f1b4156c46e876', '6198b1d0ee60f785'),
    'primary:jsonschema/development/cirrussearch/page_weighted_tags_change/1.0.0.yaml': ('9a205b186d5909fc', '9ecc4d47e80f7add'),
    'primary:jsonschema/development/cirrussearch/update_pipeline/fetch_error/1.0.0.yaml': ('c360ceb71ffeedda', 'c45def5acb455e59'),
    'primary:jsonschema/development/cirrussearch/update_pipeline/update/1.0.0.yaml': ('875a96e72cfb3604', 'f0c79efb87e3cef6'),
    'primary:jsonschema/development/network/probe/1.0.0.yaml': ('9a48acce37908069', 'cded9f2b2d3da39d'),
    'primary:jsonschema/development/webrequest/1.0.0.yaml': ('6cb663e1ecf1f7ea', '1010334425d54be2'),
    'primary:jsonschema/error/0.0.3.yaml': ('28b09411afb876ae', 'ec1a4a63248e1fd5'),
    'primary:jsonschema/error/1.0.0.yaml': ('71e238f5f954871b', '005efb4cc0e3e96d'),
    'primary:jsonschema/error/2.0.0.yaml': ('cd19447988231eda', 'da204ea59054491b'),
    'primary:jsonschema/error/2.1.0.yaml': ('9cc2baf2b07e6e1a', '3d15324c83f58d80'),
    'primary:jsonschema/fragment/cirrussearch/index/1.0.0.yaml': ('06a8731807f5cef3', '14fbfdb9b77a4ef9'),
    'primary:jsonschema/fragment/common/1.0.0.yaml': ('c9857eeea785c4b6', '0c8ce2a536445a5f'),
    'primary:jsonschema/fragment/common/1.1.0.yaml': ('257d706e289189da', 'e3f7e1e8cbd91fbd'),
    'primary:jsonschema/fragment/common/2.0.0.yaml': ('ccf8d4eabb44dd7f', 'a94a0f10a98f2c53'),
    'primary:jsonschema/fragment/http/1.0.0.yaml': ('b7100e2c4a0c5198', '5dba692ddf93a170'),
    'primary:jsonschema/fragment/http/1.1.0.yaml': ('9ca995dd7a599e05', '9d79e42bf98793c2'),
    'primary:jsonschema/fragment/http/1.2.0.yaml': ('88696f04a45cd68e', 'be9fa2174801b933'),
    'primary:jsonschema/fragment/http/client_ip/1.0.0.yaml': ('2717f093fac5fc37', '61e0ac2ccf2b2b04'),
    'primary:jsonschema/fragment/mediawiki/common/1.0.0.yaml': ('26c721e9c2755577', '76e735090832a768'),
    'primary:jsonschema/fragment/mediawiki/common/2.0.0.yaml': ('12580a7bec77f109', '5fc1e4b4880f5b35'),
    'primary:jsonschema/fragment/mediawiki/common/3.0.0.yaml': ('da7d4b784e6f8e9c', 'c5e293dc936fac32'),
    'primary:jsonschema/fragment/mediawiki/page/common/1.0.0.yaml': ('7da89d42d7c45843', '69403cc67fa825ce'),
    'primary:jsonschema/fragment/mediawiki/page/common/2.0.0.yaml': ('6686f1e3abe40815', '4b366fffd1fd8dd4'),
    'primary:jsonschema/fragment/mediawiki/revision/common/1.0.0.yaml': ('523b4754a1a06e61', 'f74cf23d11448424'),
    'primary:jsonschema/fragment/mediawiki/revision/common/2.0.0.yaml': ('667420e74703895e', 'ad787c5580dd2771'),
    'primary:jsonschema/fragment/mediawiki/revision/common/3.0.0.yaml': ('67876fd8883da92d', 'cd652ca2c57440c7'),
    'primary:jsonschema/fragment/mediawiki/revision/slot/1.0.0.yaml': ('6b953508fc8a9abc', '22e8eeebfb92d644'),
    'primary:jsonschema/fragment/mediawiki/state/change/page/1.0.0.yaml': ('0d26ef01af8e6dc6', '241603d4830f3dbb'),
    'primary:jsonschema/fragment/mediawiki/state/change/page/1.1.0.yaml': ('492c75a476a44092', 'bfb64300ba721568'),
    'primary:jsonschema/fragment/mediawiki/state/change/page/1.2.0.yaml': ('e3c0030420891dc9', '777cc621e34cecf5'),
    'primary:jsonschema/fragment/mediawiki/state/entity/content/1.0.0.yaml': ('0a6e2687c0e63d75', 'b91d97957df5059b'),
    'primary:jsonschema/fragment/mediawiki/state/entity/page/1.0.0.yaml': ('8b6c8af5c6f08b5d', '233f1e90f36a80d5'),
    'primary:jsonschema/fragment/mediawiki/state/entity/page/2.0.0.yaml': ('c2acc0933b5e9d2b', 'e77e40916f9db303'),
    'primary:jsonschema/fragment/mediawiki/state/entity/page_link/1.0.0.yaml': ('e3aab4c20db869e8', '1886967f1fe21c0a'),
    'primary:jsonschema/fragment/mediawiki/state/entity/revision/1.0.0.yaml': ('191e41f99df25458', '9d23fc2fcd333e51'),
    'primary:jsonschema/fragment/mediawiki/state/entity/revision_slots/1.0.0.yaml': ('3f33ae691f0d7109', 'd2751b526d3fbbdc'),
    'primary:jsonschema/fragment/mediawiki/state/entity/user/1.0.0.yaml': ('1c1e257f5c13d30c', '77debbd544b0eded'),
    'primary:jsonschema/fragment/w3c/reportingapi/report/1.0.0.yaml': ('ed85fd5cff2c272f', '1e7410fcffbdfb2b'),
    'primary:jsonschema/maps/tile_change/1.0.0.yaml': ('91f608dc3fea1e37', 'f7af193911695f06'),
    'primary:jsonschema/maps/tiles_change/1.0.0.yaml': ('049a02bb84c4fdc6', '27a0c91d1f4f185c'),
    'primary:jsonschema/mediawiki/api/request/0.0.1.yaml': ('6169dc3f31772f86', '2c319af8cf1e64e6'),
    'primary:jsonschema/mediawiki/api/request/1.0.0.yaml': ('f25b92830933626a', '22d7a763b2e2cf3a'),
    'primary:jsonschema/mediawiki/centralnotice/campaign/change/1.0.0.yaml': ('9c4d059bdd589006', '1f3bafda6b35bb13'),
    'primary:jsonschema/mediawiki/centralnotice/campaign/create/1.0.0.yaml': ('74da81d4bf61ce24', 'eb0f207169e0bd2d'),
    'primary:jsonschema/mediawiki/centralnotice/campaign/delete/1.0.0.yaml': ('adccb10da9b62808', '31980cf3b0d1bf5e'),
    'primary:jsonschema/mediawiki/cirrussearch/page_rerender/1.0.0.yaml': ('587a8bec7a285ab7', 'bddec21443a73e55'),
    'primary:jsonschema/mediawiki/cirrussearch/request/0.0.1.yaml': ('2bbb7de938dc6fed', 'ecd40d91e7cfc922'),
    'primary:jsonschema/mediawiki/client/error/1.0.0.yaml': ('bfbeb7b74d95b071', 'e461e4bba45b4774'),
    'primary:jsonschema/mediawiki/client/error/1.1.0.yaml': ('065b6f70f25a55ac', '52641210b5482291'),
    'primary:jsonschema/mediawiki/client/error/2.0.0.yaml': ('1870730bfbd1e67a', '3375855519b7b890'),
    'primary:jsonschema/mediawiki/job/1.0.0.yaml': ('e49acff0ff417d7f', '699a1d00a6cf94b2'),
    'primary:jsonschema/mediawiki/page/change/1.0.0.yaml': ('b7c6c83e428a4f13', '4c85d788b0c8b898'),
    'primary:jsonschema/mediawiki/page/change/1.1.0.yaml': ('4dee196578db5447', '320bb7641e0b2818'),
    'primary:jsonschema/mediawiki/page/change/1.2.0.yaml': ('bc22817628323d59', '649d558e55ed9141'),
    'primary:jsonschema/mediawiki/page/delete/1.0.0.yaml': ('1d29f8e0bd221a4f', '8e52f88f5c21cda2'),
    'primary:jsonschema/mediawiki/page/links-change/1.0.0.yaml': ('690c90bcca82c638', 'ed2e64fa565f7930'),
    'primary:jsonschema/mediawiki/page/move/1.0.0.yaml': ('2cf2284dc3fc0774', 'b74f9d25e1bbee54'),
    'primary:jsonschema/mediawiki/page/prediction_classification_change/1.0.0.yaml': ('da26909b3cb7614f', 'd12b785e814bdd84'),
    'primary:jsonschema/mediawiki/page/prediction_classification_change/1.1.0.yaml': ('6c392c57157fefaa', 'd769bca5c56f537f'),
    'primary:jsonschema/mediawiki/page/properties-change/1.0.0.yaml': ('c9a9bce03b3b3b84', '9a990650c167a28c'),
    'primary:jsonschema/mediawiki/page/restrictions-change/1.0.0.yaml': ('cbfdace6d8e8f156', 'f5ced4402665a622'),
    'primary:jsonschema/mediawiki/page/undelete/1.0.0.yaml': ('c926782e9818062a', 'fc449204f13ebaec'),
    'primary:jsonschema/mediawiki/recentchange/1.0.0.yaml': ('01b054789770c91f', 'ce6121776f239a33'),
    'primary:jsonschema/mediawiki/recentchange/1.0.1.yaml': ('137d5c52d6ca8f32', 'fc5f892b4814afc6'),
    'primary:jsonschema/mediawiki/revision/create/1.0.0.yaml': ('9b20d6b0ca7cb95c', 'addac17f9c8b31b3'),
    'primary:jsonschema/mediawiki/revision/create/1.1.0.yaml': ('b8949ca02165bedc', '58bc5ec427700532'),
    'primary:jsonschema/mediawiki/revision/create/1.2.0.yaml': ('1c54a0d36056d940', 'e42f88f6e38bc012'),
    'primary:jsonschema/mediawiki/revision/create/2.0.0.yaml': ('5a1339110ec843c1', 'eb6220deb5cefff0'),
    'primary:jsonschema/mediawiki/revision/recommendation-create/1.0.0.yaml': ('ecc68cb82a069fa2', '8834ad392be19ca7'),
    'primary:jsonschema/mediawiki/revision/score/1.0.0.yaml': ('4dc9189b75f7f281', '0235acbd7d57a4c9'),
    'primary:jsonschema/mediawiki/revision/score/2.0.0.yaml': ('b2e938335b9bd507', '493b88d43f5dc5fc'),
    'primary:jsonschema/mediawiki/revision/score/3.0.0.yaml': ('4d5793b9e42d91b5', 'ba9c0b6774c53c50'),
    'primary:jsonschema/mediawiki/revision/tags-change/1.0.0.yaml': ('56ea54bc08bca4ab', 'a7a830f6c45f9952'),
    'primary:jsonschema/mediawiki/revision/visibility-change/1.0.0.yaml': ('7b630933b1a2c62f', '96a7845a72997e7e'),
    'primary:jsonschema/mediawiki/user/blocks-change/1.0.0.yaml': ('68f7b0569d3bf000', 'b0f5dd440452448d'),
    'primary:jsonschema/mediawiki/user/blocks-change/1.1.0.yaml': ('07888b4a9ca86366', 'ac01ddaeb5f111b1'),
    'primary:jsonschema/resource_change/1.0.0.yaml': ('0f644d3eca2a88d4', '2cf9ca74757f4f82'),
    'primary:jsonschema/test/event/0.0.2.yaml': ('25b277895bbee94c', '187470c3326e967c'),
    'primary:jsonschema/test/event/0.0.3.yaml': ('6edf75fd0df3f687', 'a7fbd5b2d3f2e9b8'),
    'primary:jsonschema/test/event/1.0.0.yaml': ('01ec81b7ebde9a36', '424e4178e40db994'),
    'primary:jsonschema/w3c/reportingapi/network_error/1.0.0.yaml': ('1c1aea2103e76ee5', '67db8ac73602105d'),
    'mediawiki:jsonschema/change-prop/continue/1.0.0.json': ('9c948349d206fe26', 'af52fc420b51cd29'),
    'mediawiki:jsonschema/change-prop/continue/1.0.0.yaml': ('05ebc1b2929dd752', 'af52fc420b51cd29'),
    'mediawiki:jsonschema/change-prop/retry/1.0.0.json': ('6c6c8e2d4ae792f5', '150fe4986461c50e'),
    'mediawiki:jsonschema/change-prop/retry/1.0.0.yaml': ('ef3e74d4d6199f19', '150fe4986461c50e'),
    'mediawiki:jsonschema/client/error/1.0.0.json': ('e3b70172c65c433a', '9492ab702daf897b'),
    'mediawiki:jsonschema/client/error/1.0.0.yaml': ('68765e53ced213c6', '9492ab702daf897b'),
    'mediawiki:jsonschema/common/1.0.0.json': ('997a5f7a0904e312', 'a26ed510178ee85c'),
    'mediawiki:jsonschema/common/1.0.0.yaml': ('0da75bf78fcbdea4', 'a26ed510178ee85c'),
    'mediawiki:jsonschema/error/0.0.3.json': ('15c5140d6797d25b', '41191a98809d31c9'),
    'mediawiki:jsonschema/error/0.0.3.yaml': ('ad647b9e5b017284', '41191a98809d31c9'),
    'mediawiki:jsonschema/mediawiki/api/request/0.0.1.json': ('c1a0418af56efd40', '96027154d864380e'),
    'mediawiki:jsonschema/mediawiki/api/request/0.0.1.yaml': ('d0c66e26f0889a6b', '96027154d864380e'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/change/1.0.0.json': ('ea520ea6cf90bf5b', '9ddec5eeb017a2b9'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/change/1.0.0.yaml': ('2ae4bac2fad23767', '9ddec5eeb017a2b9'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/create/1.0.0.json': ('fce77ea205ced1d6', 'b2d1a1e3097702e0'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/create/1.0.0.yaml': ('cfda75af69f384fd', 'b2d1a1e3097702e0'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/delete/1.0.0.json': ('6c8f6f3d7b2b43a8', 'f282125222862bb1'),
    'mediawiki:jsonschema/mediawiki/centralnotice/campaign/delete/1.0.0.yaml': ('eb2bd8776cf82b68', 'f282125222862bb1'),
    'mediawiki:jsonschema/mediawiki/cirrussearch/request/0.0.1.json': ('54e57df4bc1ded26', 'ee6fe9b70f2c7dc4'),
    'mediawiki:jsonschema/mediawiki/cirrussearch/request/0.0.1.yaml': ('264506727da2c03c', 'ee6fe9b70f2c7dc4'),
    'mediawiki:jsonschema/mediawiki/common/1.0.0.json': ('ef08c59fa626b320', '869af0d24003dcdb'),
    'mediawiki:jsonschema/mediawiki/common/1.0.0.yaml': ('a2a27a6d76d52ef9', '869af0d24003dcdb'),
    'mediawiki:jsonschema/mediawiki/job/1.0.0.json': ('76eaccf64b40864e', 'ac440b9badc5443f'),
    'mediawiki:jsonschema/mediawiki/job/1.0.0.yaml': ('2262d35ceb4b8d33', 'ac440b9badc5443f'),
    'mediawiki:jsonschema/mediawiki/page/common/1.0.0.json': ('0bb4659e23d1e207', '212e64a138c807c1'),
    'mediawiki:jsonschema/mediawiki/page/common/1.0.0.yaml': ('f975268a0ba0663a', '212e64a138c807c1'),
    'mediawiki:jsonschema/mediawiki/page/delete/1.0.0.json': ('335d874d01358888', '3d1ec5441e19a52a'),
    'mediawiki:jsonschema/mediawiki/page/delete/1.0.0.yaml': ('b3d19c0e77729f6c', '3d1ec5441e19a52a'),
    'mediawiki:jsonschema/mediawiki/page/links-change/1.0.0.json': ('26c61ed899801e77', 'ff4071e899dcf2dd'),
    'mediawiki:jsonschema/mediawiki/page/links-change/1.0.0.yaml': ('0d810eb8bdecc527', 'ff4071e899dcf2dd'),
    'mediawiki:jsonschema/mediawiki/page/move/1.0.0.json': ('8c8cf0598c7ac945', '18f304f1a602234c'),
    'mediawiki:jsonschema/mediawiki/page/move/1.0.0.yaml': ('ac8e8eb37c907f29', '18f304f1a602234c'),
    'mediawiki:jsonschema/mediawiki/page/properties-change/1.0.0.json': ('797c71e9e3c08c25', '6a74fdd1b8a507c8'),
    'mediawiki:jsonschema/mediawiki/page/properties-change/1.0.0.yaml': ('5d4d91eacb2e91dd', '6a74fdd1b8a507c8'),
    'mediawiki:jsonschema/mediawiki/page/restrictions-change/1.0.0.json': ('141c264a9b189253', 'ab23e0888ebea15b'),
    'mediawiki:jsonschema/mediawiki/page/restrictions-change/1.0.0.yaml': ('ba969bff3bab4be2', 'ab23e0888ebea15b'),
    'mediawiki:jsonschema/mediawiki/page/undelete/1.0.0.json': ('ba662ea9955ce065', 'd296650811b8ffab'),
    'mediawiki:jsonschema/mediawiki/page/undelete/1.0.0.yaml': ('066cc184f90eb1ce', 'd296650811b8ffab'),
    'mediawiki:jsonschema/mediawiki/recentchange/1.0.0.json': ('a349a2e4335d6bdd', 'a89de5e9036fae46'),
    'mediawiki:jsonschema/mediawiki/recentchange/1.0.0.yaml': ('be1d8cb4b1f4298b', 'a89de5e9036fae46'),
    'mediawiki:jsonschema/mediawiki/revision/common/1.0.0.json': ('7e62c34d92281426', '6b15a4d6c6294039'),
    'mediawiki:jsonschema/mediawiki/revision/common/1.0.0.yaml': ('fe14584341599bf4', '6b15a4d6c6294039'),
    'mediawiki:jsonschema/mediawiki/revision/create/1.0.0.json': ('366780d385885907', '3af8cc1d75eb069b'),
    'mediawiki:jsonschema/mediawiki/revision/create/1.0.0.yaml': ('c0502d33e4206ae6', '3af8cc1d75eb069b'),
    'mediawiki:jsonschema/mediawiki/revision/score/1.0.0.json': ('74ad30ac33da6d38', '8253fd745f11b8cb'),
    'mediawiki:jsonschema/mediawiki/revision/score/1.0.0.yaml': ('b03c70b3c59bcde5', '8253fd745f11b8cb'),
    'mediawiki:jsonschema/mediawiki/revision/score/2.0.0.json': ('e2537d9af10409ff', 'c104af61eb3ade83'),
    'mediawiki:jsonschema/mediawiki/revision/score/2.0.0.yaml': ('4070dc1ce8b83558', 'c104af61eb3ade83'),
    'mediawiki:jsonschema/mediawiki/revision/tags-change/1.0.0.json': ('b829c6cb776b0b36', '4910d69d468a1217'),
    'mediawiki:jsonschema/mediawiki/revision/tags-change/1.0.0.yaml': ('6fcb76cd8028a668', '4910d69d468a1217'),
    'mediawiki:jsonschema/mediawiki/revision/visibility-change/1.0.0.json': ('fadc4261f4a66fa6', '4dda676ba6ba1d8e'),
    'mediawiki:jsonschema/mediawiki/revision/visibility-change/1.0.0.yaml': ('e4d0b6e888642ac8', '4dda676ba6ba1d8e'),
    'mediawiki:jsonschema/mediawiki/user/blocks-change/1.0.0.json': ('20fb3d35cef71dc8', 'a7ea6d39641b82c8'),
    'mediawiki:jsonschema/mediawiki/user/blocks-change/1.0.0.yaml': ('f41eb2137672b2d1', 'a7ea6d39641b82c8'),
    'mediawiki:jsonschema/resource_change/1.0.0.json': ('c7c0f60ba4479240', '5936fcc5bf50049a'),
    'mediawiki:jsonschema/resource_change/1.0.0.yaml': ('9113b7a0b3ed5da7', '5936fcc5bf50049a'),
    'mediawiki:jsonschema/sparql/query/1.0.0.json': ('388c50d1cc35fe5f', 'ed09113ae4edcd7a'),
    'mediawiki:jsonschema/sparql/query/1.0.0.yaml': ('29f9a4c8a191d735', 'ed09113ae4edcd7a'),
    'mediawiki:jsonschema/swift/upload/complete/1.0.0.json': ('2a06a5a076b288db', '8047e596d748cec4'),
    'mediawiki:jsonschema/swift/upload/complete/1.0.0.yaml': ('f2f36ae7eab5d039', '8047e596d748cec4'),
    'mediawiki:jsonschema/test/event/0.0.2.json': ('a715228878763a40', '187470c3326e967c'),
    'mediawiki:jsonschema/test/event/0.0.2.yaml': ('25b277895bbee94c', '187470c3326e967c'),
    'mediawiki:jsonschema/test/event/0.0.3.json': ('f60b91dd0cd05106', 'a7fbd5b2d3f2e9b8'),
    'mediawiki:jsonschema/test/event/0.0.3.yaml': ('6edf75fd0df3f687', 'a7fbd5b2d3f2e9b8'),
    'mediawiki:jsonschema/test/event/1.0.0.json': ('6353d7bfc705fdc2', 'a14351bd2cf47207'),
    'mediawiki:jsonschema/test/event/1.0.0.yaml': ('97e705fb07a2041a', 'a14351bd2cf47207'),
}
# fmt: on


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in JSON_CASES], ids=[c[0] for c in JSON_CASES])
def test_json_matches_node(value: Any, expected: str) -> None:
    """Empty containers, escaping, numbers, dates and key order match json-stable-stringify."""
    assert dump_json(value) == expected


def test_empty_containers_keep_the_closing_indent() -> None:
    """`{}` and `[]` are written with a line break and the indent of their level, as the module does."""
    assert dump_json({}) == "{\n}"
    assert dump_json({"a": {"b": []}}) == '{\n  "a": {\n    "b": [\n    ]\n  }\n}'


def test_no_trailing_newline_and_raw_non_ascii() -> None:
    """The text ends at the closing brace; non-ASCII, U+2028 included, is written as is."""
    out = dump_json({"k": "caf\u00e9 \u2028"})
    assert out == '{\n  "k": "caf\u00e9 \u2028"\n}'


def test_shared_object_written_twice() -> None:
    """A shared object is simply repeated (no anchors in JSON)."""
    meta = {"m": 1}
    assert dump_json({"a": meta, "b": [meta]}) == SHARED_EXPECTED["shared-written-twice"]


def test_cycle_is_an_error() -> None:
    """An object inside itself raises, like the module's 'Converting circular structure to JSON'."""
    cycle: dict[str, Any] = {}
    cycle["self"] = cycle
    with pytest.raises(ValueError, match="circular"):
        dump_json(cycle)


def test_unsupported_value_is_an_error() -> None:
    """A value JSON cannot hold raises TypeError."""
    with pytest.raises(TypeError):
        dump_json({"a": b"bytes"})


def test_special_floats() -> None:
    """NaN and the infinities are `null`, negative zero is `0`, as JSON.stringify writes them."""
    assert dump_json([math.nan, math.inf, -math.inf, -0.0]) == "[\n  null,\n  null,\n  null,\n  0\n]"


def test_iso_strings_of_dates() -> None:
    """Dates are written as JS `toISOString()`: UTC, milliseconds truncated, dates at midnight."""
    assert js_iso_string(dt.date(2020, 9, 1)) == "2020-09-01T00:00:00.000Z"
    assert js_iso_string(dt.datetime(2020, 9, 1, 1, 2, 3, 456789)) == "2020-09-01T01:02:03.456Z"
    offset = dt.timezone(dt.timedelta(hours=-2))
    assert js_iso_string(dt.datetime(2020, 12, 31, 23, 0, tzinfo=offset)) == "2021-01-01T01:00:00.000Z"
    assert js_iso_string(dt.date(999, 1, 2)) == "0999-01-02T00:00:00.000Z"


def _version_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if VERSION_FILE.fullmatch(p.name) and p.is_file() and not p.is_symlink()
    )


@pytest.mark.parametrize("corpus", ["primary", "mediawiki"])
def test_corpus_output_matches_node_hashes(corpus: str, request: pytest.FixtureRequest) -> None:
    """For every versioned file of both repositories, the JSON hashes to what the real module wrote."""
    root: Path = request.getfixturevalue(f"{corpus}_pristine")
    checked = 0
    for path in _version_files(root / "jsonschema"):
        name = f"{corpus}:{path.relative_to(root).as_posix()}"
        source_hash, expected = NODE_JSON_SHA256[name]
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == source_hash, f"{name} changed"
        out = dump_json(load_file(path))
        assert hashlib.sha256(out.encode()).hexdigest()[:16] == expected, name
        checked += 1
    assert checked == sum(key.startswith(f"{corpus}:") for key in NODE_JSON_SHA256)


def test_mediawiki_json_versions(mediawiki_pristine: Path) -> None:
    """mediawiki's committed .json files (tool 0.5): equal data; byte-identical wherever keys are sorted."""
    files = [p for p in _version_files(mediawiki_pristine / "jsonschema") if p.suffix == ".json"]
    assert len(files) == 33
    in_sorted_order = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        data = load_file(path)
        out = dump_json(data)
        assert json.loads(out) == json.loads(text), path.name
        if _keys_sorted(data):
            in_sorted_order += 1
            assert out == text, path.name
    assert in_sorted_order == 0  # tool 0.5 did not sort keys: the hash test above covers the bytes


def _keys_sorted(value: Any) -> bool:
    """True when every mapping's keys are already in the serializer's order."""
    if isinstance(value, dict):
        keys = js_key_order(value)
        return keys == schema_sorted_keys(keys) and all(_keys_sorted(v) for v in value.values())
    if isinstance(value, list):
        return all(_keys_sorted(v) for v in value)
    return True
