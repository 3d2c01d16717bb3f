"""Key collation: `localeCompare` of Node 20 (ICU) and the reference's `schemaKeyCompare`.

Every expected order below was produced by the real thing (`Array.prototype.sort` with `localeCompare`
or with jsonschema-tools' `schemaKeyCompare` under Node 20.20, ICU 78) and pasted here as literals.
"""

# ruff: noqa: E501 - the tables hold long literal outputs

from __future__ import annotations

import pytest

from schema_tools.documents.collation import (
    SCHEMA_KEY_ORDER,
    has_js_array_index,
    js_key_order,
    locale_sort_key,
    schema_sorted_keys,
    v8_sort,
)

# Literal tables pasted from Node's output: kept as generated.
# fmt: off
CORPUS_KEYS_SORTED = [
    '/fragment/mediawiki/state/change/page/1.2.0', '/mediawiki/page/change/1.2.0',
    '/mediawiki/recentchange/.*', '/webrequest/1.0.0', '$id', '$ref', '$schema', 'accept',
    'accept_language', 'account_create', 'actual_bytes', 'add', 'added_links', 'added_properties',
    'additionalProperties', 'age', 'all_elasticsearch_requests_cached', 'allOf', 'api_error_codes',
    'archived', 'auxiliary_text', 'backend', 'backend_host', 'backend_time_ms', 'backend_user_tests',
    'banners', 'blocks', 'body', 'bot', 'cache_status', 'cached', 'campaign_name', 'category',
    'change_type', 'change-prop/continue/.*', 'change-prop/retry/.*', 'changelog_kind', 'changes',
    'chronology_id', 'cirrussearch_cluster_group', 'cirrussearch_fetched_at', 'cirrussearch_index_name',
    'cirrussearch_noop_fields', 'cirrussearch_noop_hints', 'clear', 'client_id', 'client_ip', 'code',
    'comment', 'content_body', 'content_format', 'content_model', 'content_sha1', 'content_size',
    'content_slots', 'content_type', 'contentTypes', 'continue', 'coord', 'coordinates', 'country',
    'create_timestamp', 'created_redirect_page', 'ctx', 'database', 'default', 'defaultsort', 'definitions',
    'delay_until', 'description', 'descriptions', 'dim', 'display_title', 'dns_time_ms', 'dolorb', 'domain',
    'dt', 'dt"', 'duration_ms', 'edit_count', 'editor', 'elapsed_time', 'elasticsearch_requests', 'email',
    'emitter_id', 'enabled', 'end_dt', 'entity', 'enum', 'error_class', 'error_context', 'error_type',
    'errored_schema_uri', 'errored_stream_name', 'errors', 'example_key', 'example_model', 'examples',
    'expiry_dt', 'external', 'external_link', 'extra_source', 'features', 'fields', 'file_bits',
    'file_height', 'file_media_type', 'file_mime', 'file_resolution', 'file_size', 'file_text', 'file_url',
    'file_width', 'format', 'fragment/http/1.2.0', 'globe', 'groups', 'haproxy_pid', 'hardly',
    'has_cookies', 'heading', 'hits', 'hits_offset', 'hits_returned', 'hits_total', 'hostname', 'http',
    'http_method', 'http_status', 'id', 'identity', 'ignoreSchemas', 'incoming_links', 'index', 'indices',
    'interwiki_prefix', 'ip', 'is_bot', 'is_comment_visible', 'is_content_visible', 'is_editor_visible',
    'is_minor_edit', 'is_redirect', 'is_system', 'is_temp', 'items', 'key1', 'key2', 'label_count',
    'labels', 'labels_all', 'langdetect', 'language', 'lemma', 'length', 'lexeme_forms', 'lexeme_language',
    'lexical_category', 'limit', 'link', 'local_sites_with_dupe', 'log_action', 'log_action_comment',
    'log_id', 'log_params', 'log_type', 'logLevel', 'main', 'max_score', 'max_size', 'maximum', 'maxLength',
    'maxProperties', 'mediainfo', 'mediawiki_host', 'mediawiki_signature', 'mediawiki/client/error/1.1.0',
    'mediawiki/job/.*', 'mediawiki/page/properties-change/.*', 'message', 'meta', 'method', 'minimum',
    'minLength', 'minor', 'minProperties', 'model_name', 'model_version', 'mostly', 'name', 'namespace',
    'namespace_id', 'namespace_text', 'namespaces', 'new', 'new_redirect_page', 'old', 'opening_text',
    'origin_rev_id', 'original_event', 'original_event_stream', 'original_event_time',
    'original_ingestion_time', 'outgoing_link', 'page', 'page_change_kind', 'page_id', 'page_is_redirect',
    'page_namespace', 'page_restrictions', 'page_title', 'params', 'parsedcomment', 'patrolled', 'pattern',
    'performer', 'phase', 'popularity_score', 'predicted_classification', 'prediction', 'predictions',
    'primary', 'prior_state', 'probabilities', 'probability', 'profile_name', 'properties', 'protocol',
    'pulse_identifier', 'pulse_number', 'pulses', 'query', 'query_time', 'query_type', 'range', 'raw_event',
    'reason', 'recipe_name', 'recipe_type', 'recommendation_type', 'redirect', 'redirect_array',
    'redirect_page_link', 'redirect_time_ms', 'referer', 'referrer', 'region', 'registration_dt', 'remove',
    'removed_links', 'removed_properties', 'reports', 'representation', 'request_headers', 'request_id',
    'request_time_ms', 'required', 'response_headers', 'response_size', 'response_time_ms', 'restrictions',
    'retries_left', 'rev_based', 'rev_content_changed', 'rev_content_format', 'rev_content_model',
    'rev_count', 'rev_dt', 'rev_id', 'rev_is_exact_revert', 'rev_is_revert', 'rev_len', 'rev_minor_edit',
    'rev_original_rev_id', 'rev_parent_id', 'rev_revert_details', 'rev_revert_method', 'rev_reverted_revs',
    'rev_sha1', 'rev_size', 'rev_slot_content_model', 'rev_slot_origin_rev_id', 'rev_slot_sha1',
    'rev_slot_size', 'rev_slots', 'rev_timestamp', 'revision', 'revision_count', 'root_event', 'route',
    'sampling_fraction', 'schemaBasePath', 'score', 'scores', 'search_id', 'search_time_ms', 'sequence',
    'sequence_num', 'server', 'server_ip', 'server_name', 'server_script_path', 'server_url', 'set', 'sha1',
    'shouldGenerateExample', 'sidetext', 'signature', 'sitelink_count', 'sitewide', 'skipSchemaTestCases',
    'slot_role', 'snapshot', 'source', 'source_text', 'stack', 'stack_trace', 'start_dt', 'state',
    'statement_count', 'statement_keywords', 'status_code', 'stream', 'suggestion', 'suggestion_requested',
    'summary', 'swift_container', 'swift_object_prefix', 'swift_prefix_uri', 'swift_user', 'syntax', 'tag',
    'tag.group.A', 'tag.group.B', 'tags', 'target_name', 'target_url', 'tcp_time_ms', 'template', 'test',
    'test_map', 'text', 'text_bytes', 'tile', 'time_firstbyte', 'timestamp', 'title', 'tls', 'tls_time_ms',
    'total_time_ms', 'transfer_bytes', 'triggered_by', 'ts', 'ttfb_ms', 'ttfb_time_ms', 'type', 'uid',
    'uniqueItems', 'upload_user', 'uri', 'uri_host', 'uri_path', 'uri_query', 'url', 'user', 'user_agent',
    'user_edit_count', 'user_groups', 'user_groups"', 'user_id', 'user_is_bot', 'user_registration_dt',
    'user_talk', 'user_text', 'user_text"', 'user-agent', 'value', 'version', 'visibility',
    'webrequest_source', 'weighted_tags', 'wiki', 'wiki_id', 'wikibase_item', 'x_analytics', 'x_cache',
    'yes',
]

MEASURED_WORDS = [
    '_page', '$page', 'eclair', 'Eclair', '\xe9clair', 'page', 'page id', 'page_id', 'page_Id', 'page_id_2',
    'page_namespace', 'page-id', 'page.id', 'page2', 'pageid', 'pageId', 'PageId', 'z_ebra', 'zebra',
    'Zebra', 'ZEBRA',
]

MEASURED_PUNCTUATION = [
    'a b', 'a_', 'a__b', 'a_b', 'a-b', 'a:b', 'a.b', 'a/b', 'a0', 'a1', 'ab', 'aB', 'Ab', 'AB',
]

ASCII_SORTED = [
    '\t', '\n', '\r', ' ', '_', '-', ',', ';', ':', '!', '?', '.', "'", '"', '(', ')', '[', ']', '{', '}',
    '@', '*', '/', '\\', '&', '#', '%', '`', '^', '+', '<', '=', '>', '|', '~', '$', '0', '1', '2', '3',
    '4', '5', '6', '7', '8', '9', 'a', 'A', 'b', 'B', 'c', 'C', 'd', 'D', 'e', 'E', 'f', 'F', 'g', 'G', 'h',
    'H', 'i', 'I', 'j', 'J', 'k', 'K', 'l', 'L', 'm', 'M', 'n', 'N', 'o', 'O', 'p', 'P', 'q', 'Q', 'r', 'R',
    's', 'S', 't', 'T', 'u', 'U', 'v', 'V', 'w', 'W', 'x', 'X', 'y', 'Y', 'z', 'Z',
]

REAL_KEYS_SORTED = [
    'arch', 'banner', 'banner_count', 'bannerCanceledReason', 'database', 'machine', 'MediaWiki',
    'notificationType', 'notifWiki', 'OS', 'PHP',
]

LATIN_SORTED = [
    '-', '\u2013', '\u2014', '...', '\u2026', "'", '\u2018', '"', '\u201c', '\xab', '\xa7', '\xb6', '\xb0',
    '\xa9', '\u2190', '\u2192', '\u2211', '$', '\xa3', '\xa5', '\u20ac', '\xbd', '2', '\xb2', '3', 'a', 'A',
    '\uff21', '\xaa', 'a\xadb', 'ab', 'ab\u0301', 'a\u0301b', 'ac', 'ae', '\xe6', '\xc6', 'af', 'b', 'd',
    '\u0111', '\xf0', 'd\u017e', '\u01c6', 'D\u017d', '\u01c5', '\u01c4', 'e', '\xe9', 'e\u0301', 'fi',
    '\ufb01', 'Fi', 'fj', 'i', 'ij', '\u0133', 'IJ', '\u0131', 'j', 'l', '\u0142', 'lz', 'm', 'n', '\xf1',
    'nz', 'o', '\xf6', 'o\u0308', '\xd6', '\xf8', 'oe', '\u0153', '\u0152', 'resume', 'Resume', 'RESUME',
    'resum\xe9', 'r\xe9sum\xe9', 'R\xe9sum\xe9', 'r\xe8sume', 'sr', 'ss', '\xdf', 'st', '\u2122', 'z',
    '\xfe', '\u02bcn', '\u0149', '\u03b1', '\u0391', '\u03b2', '\u0435', '\u0451', '\u0436', '\u0416',
    '\u0449', '\u044f',
]

SCHEMA_SORTS = [
    (['zeta', 'constructor', 'type', 'toString', 'alpha', 'title'], ['constructor', 'type', 'toString', 'title', 'alpha', 'zeta']),
    (['b', 'a', 'hasOwnProperty', '$id', '__proto__', 'description', 'required', 'x', 'isPrototypeOf'], ['hasOwnProperty', '$id', '__proto__', 'description', 'required', 'isPrototypeOf', 'a', 'b', 'x']),
    (['valueOf', 'examples', 'definitions', 'properties', 'toLocaleString', 'z', 'title'], ['valueOf', 'properties', 'examples', 'toLocaleString', 'title', 'definitions', 'z']),
    (['definitions', 'examples', 'type', 'properties', '$schema', 'title', 'description', '$id', 'additionalProperties', 'required', 'allOf', 'anyOf', '$ref'], ['title', 'description', '$id', '$schema', 'type', 'additionalProperties', 'required', 'properties', 'allOf', 'examples', '$ref', 'anyOf', 'definitions']),
    (['allOf', 'toString', 'b', 'title', '__proto__', 'valueOf', '$schema', 'constructor', 'Z', '$id', 'description', 'additionalProperties', 'properties'], ['allOf', 'toString', 'title', '__proto__', 'valueOf', 'description', '$schema', 'constructor', '$id', 'additionalProperties', 'properties', 'b', 'Z']),
    (['valueOf', 'Z', '$schema', 'properties', 'title', 'toString', '_x'], ['valueOf', 'title', '$schema', 'properties', 'toString', '_x', 'Z']),
    (['allOf', 'additionalProperties', 'valueOf', '_x', '$id', 'a', 'examples', 'hasOwnProperty', 'properties', '__proto__'], ['additionalProperties', 'allOf', 'valueOf', '$id', 'properties', 'examples', 'hasOwnProperty', '__proto__', '_x', 'a']),
    (['title', 'definitions', 'required', 'Z', 'additionalProperties', 'hasOwnProperty'], ['title', 'additionalProperties', 'required', 'hasOwnProperty', 'definitions', 'Z']),
    (['examples', 'constructor', 'required', 'Z', 'additionalProperties', 'toString'], ['examples', 'constructor', 'additionalProperties', 'required', 'toString', 'Z']),
    (['valueOf', 'examples', 'title', 'toString', 'hasOwnProperty', '$id', '__proto__'], ['valueOf', 'title', '$id', 'examples', 'toString', 'hasOwnProperty', '__proto__']),
    (['$id', 'constructor', 'examples', 'title', '_x', 'description', 'type', 'additionalProperties'], ['$id', 'constructor', 'title', 'description', 'type', 'additionalProperties', 'examples', '_x']),
    (['a', 'constructor', 'additionalProperties', 'definitions', 'b', 'toString', '$id', 'title'], ['constructor', '$id', 'additionalProperties', 'toString', 'title', 'a', 'b', 'definitions']),
    (['title', 'toString', 'valueOf', 'definitions', 'hasOwnProperty', 'additionalProperties', 'required', 'examples'], ['title', 'toString', 'valueOf', 'hasOwnProperty', 'additionalProperties', 'required', 'examples', 'definitions']),
    (['__proto__', 'description', 'additionalProperties', 'required'], ['__proto__', 'description', 'additionalProperties', 'required']),
    (['properties', '__proto__', 'toString', 'b', 'Z'], ['properties', '__proto__', 'toString', 'b', 'Z']),
    (['allOf', '__proto__', '$schema', 'toString', 'examples', 'title', 'required', 'description', 'Z', 'additionalProperties', 'definitions', 'constructor'], ['allOf', '__proto__', 'title', 'description', '$schema', 'toString', 'additionalProperties', 'required', 'examples', 'constructor', 'definitions', 'Z']),
]

PAIRS = [
    ('resume', 'r\xe9sum\xe9', -1),
    ('r\xe9sum\xe9', 'R\xe9sum\xe9', -1),
    ('R\xe9sum\xe9', 'resum\xe9', 1),
    ('resum\xe9', 'r\xe8sume', -1),
    ('r\xe8sume', 'Resume', 1),
    ('Resume', 'RESUME', -1),
    ('RESUME', '\xf8', 1),
    ('\xf8', 'o', 1),
    ('o', '\xf6', -1),
    ('\xf6', '\xd6', -1),
    ('\xd6', 'oe', -1),
    ('oe', '\u0153', -1),
    ('\u0153', '\u0152', -1),
    ('\u0152', 'ae', 1),
    ('ae', '\xe6', -1),
    ('\xe6', '\xc6', -1),
    ('\xc6', 'af', -1),
    ('af', 'ss', -1),
    ('ss', '\xdf', -1),
    ('\xdf', 'st', -1),
    ('st', 'sr', 1),
    ('sr', '\u0142', 1),
    ('\u0142', 'l', 1),
    ('l', 'lz', -1),
    ('lz', 'm', -1),
    ('m', '\u0111', 1),
    ('\u0111', 'd', 1),
    ('d', '\xf0', -1),
    ('\xf0', 'e', -1),
    ('e', '\xfe', -1),
    ('\xfe', 'z', 1),
    ('z', '\u0131', 1),
    ('\u0131', 'i', 1),
    ('i', 'j', -1),
    ('j', '\ufb01', 1),
    ('\ufb01', 'fi', 1),
    ('fi', 'Fi', -1),
    ('Fi', 'fj', -1),
    ('fj', '\uff21', 1),
    ('\uff21', 'A', 1),
    ('A', 'a', 1),
    ('a', 'b', -1),
    ('b', '\xaa', 1),
    ('\xaa', '\xb2', 1),
    ('\xb2', '2', 1),
    ('2', '3', -1),
    ('3', '\xbd', 1),
    ('\xbd', '\u03b1', -1),
    ('\u03b1', '\u0391', -1),
    ('\u0391', '\u03b2', -1),
    ('\u03b2', '\u0436', -1),
    ('\u0436', '\u0416', -1),
    ('\u0416', '\u044f', -1),
    ('\u044f', '\u0451', 1),
    ('\u0451', '\u0435', 1),
    ('\u0435', '\u0449', -1),
    ('\u0449', '\u20ac', 1),
    ('\u20ac', '$', 1),
    ('$', '\xa3', -1),
    ('\xa3', '\xa5', -1),
    ('\xa5', '\xa7', 1),
    ('\xa7', '\xb6', -1),
    ('\xb6', '\xb0', -1),
    ('\xb0', '\u2192', -1),
    ('\u2192', '\u2190', 1),
    ('\u2190', '\u2211', -1),
    ('\u2211', '\u2122', -1),
    ('\u2122', '\xa9', 1),
    ('\xa9', '\u2026', 1),
    ('\u2026', '...', 1),
    ('...', '\u2014', 1),
    ('\u2014', '\u2013', 1),
    ('\u2013', '-', 1),
    ('-', '\u2018', -1),
    ('\u2018', "'", 1),
    ("'", '\u201c', -1),
    ('\u201c', '"', 1),
    ('"', '\xab', -1),
    ('\xab', 'ab\u0301', -1),
    ('ab\u0301', 'a\u0301b', -1),
    ('a\u0301b', '\xf1', -1),
    ('\xf1', 'n', 1),
    ('n', 'nz', -1),
    ('nz', 'o\u0308', -1),
    ('o\u0308', 'a\xadb', 1),
    ('a\xadb', 'ab', 0),
    ('ab', 'ac', -1),
    ('ac', '\xe9', -1),
    ('\xe9', 'e\u0301', 0),
    ('e\u0301', '\u01c4', 1),
    ('\u01c4', '\u01c5', 1),
    ('\u01c5', '\u01c6', 1),
    ('\u01c6', 'd\u017e', 1),
    ('d\u017e', 'D\u017d', -1),
    ('D\u017d', '\u0133', -1),
    ('\u0133', 'ij', 1),
    ('ij', 'IJ', -1),
    ('IJ', '\u0149', -1),
    ('\u0149', '\u02bcn', 1),
    ('resume', 'Resume', -1),
    ('\xf8', '\xf6', 1),
    ('\u0153', 'ae', 1),
    ('af', '\xdf', -1),
    ('m', 'd', 1),
    ('\xa5', '\u2192', 1),
    ('R\xe9sum\xe9', 'RESUME', 1),
]
# fmt: on


@pytest.mark.parametrize(
    "expected",
    [CORPUS_KEYS_SORTED, MEASURED_WORDS, MEASURED_PUNCTUATION, ASCII_SORTED, REAL_KEYS_SORTED, LATIN_SORTED],
    ids=["corpus-keys", "measured-words", "measured-punctuation", "ascii", "real-keys", "latin"],
)
def test_locale_order_matches_node(expected: list[str]) -> None:
    """Sorting by locale_sort_key gives Node's localeCompare order (up to strings ICU finds equal)."""
    assert sorted(expected, key=locale_sort_key) == expected
    expected_keys = [locale_sort_key(s) for s in expected]
    for permutation in (list(reversed(expected)), sorted(expected)):
        assert [locale_sort_key(s) for s in sorted(permutation, key=locale_sort_key)] == expected_keys


def test_measured_order_from_spec() -> None:
    """The orders measured in the behaviour spec §4.1 are what Node produced here too."""
    assert MEASURED_WORDS == [
        "_page", "$page", "eclair", "Eclair", "\u00e9clair", "page", "page id", "page_id", "page_Id",
        "page_id_2", "page_namespace", "page-id", "page.id", "page2", "pageid", "pageId", "PageId",
        "z_ebra", "zebra", "Zebra", "ZEBRA",
    ]  # fmt: skip
    assert MEASURED_PUNCTUATION == [
        "a b", "a_", "a__b", "a_b", "a-b", "a:b", "a.b", "a/b", "a0", "a1", "ab", "aB", "Ab", "AB",
    ]  # fmt: skip


@pytest.mark.parametrize(("left", "right", "expected"), PAIRS)
def test_pairwise_sign_matches_node(left: str, right: str, expected: int) -> None:
    """The sign of the comparison equals the sign of Node's `left.localeCompare(right)`."""
    key_left, key_right = locale_sort_key(left), locale_sort_key(right)
    assert (key_left > key_right) - (key_left < key_right) == expected


def test_equal_keys_for_strings_icu_considers_equal() -> None:
    """Ignorable characters and canonical equivalents collate equal, so a stable sort keeps their order."""
    assert locale_sort_key("a\u00adb") == locale_sort_key("ab")
    assert locale_sort_key("a\x00b") == locale_sort_key("ab")
    assert locale_sort_key("\u00e9") == locale_sort_key("e\u0301")


@pytest.mark.parametrize(("keys", "expected"), SCHEMA_SORTS)
def test_schema_key_compare_matches_node(keys: list[str], expected: list[str]) -> None:
    """schema_sorted_keys reproduces `keys.sort(schemaKeyCompare)`, Object.prototype quirk included."""
    assert schema_sorted_keys(keys) == expected


def test_fixed_keys_first_and_definitions_after_examples() -> None:
    """The ten fixed keys lead in their order; every other key (definitions too) follows by collation."""
    keys = ["definitions", "zeta", "$ref", "anyOf", *reversed(SCHEMA_KEY_ORDER), "Alpha", "alpha", "_x"]
    assert schema_sorted_keys(keys) == [*SCHEMA_KEY_ORDER, "_x", "$ref", "alpha", "Alpha", "anyOf",
                                        "definitions", "zeta"]  # fmt: skip


def test_prototype_member_names_sort_before_other_keys() -> None:
    """`constructor` counts as a fixed key with NaN rank in JS: it lands before ordinary keys."""
    assert schema_sorted_keys(["zeta", "constructor", "alpha"]) == ["constructor", "alpha", "zeta"]


def test_v8_sort_matches_stable_sort_for_consistent_comparators() -> None:
    """The V8 TimSort port equals a stable sort when the comparator is consistent."""
    items = [f"{n % 7}-{n}" for n in range(50)]

    def by_first_char(a: str, b: str) -> int:
        return (a[0] > b[0]) - (a[0] < b[0])

    assert v8_sort(items, by_first_char) == sorted(items, key=lambda s: s[0])
    assert v8_sort(list(reversed(items)), by_first_char) == sorted(reversed(items), key=lambda s: s[0])


def test_js_key_order_lists_array_indexes_first() -> None:
    """Object.keys puts canonical array indexes (0 … 2**32-2) first, ascending; the rest keep insertion order."""
    keys = ["b", "10", "2", "01", "-1", "4294967295", "4294967294", "a", "0"]
    assert js_key_order(keys) == ["0", "2", "10", "4294967294", "b", "01", "-1", "4294967295", "a"]


def test_js_key_order_same_answer_from_its_cache_of_plain_keys() -> None:
    """Keys seen before are answered from the cache of non-index keys: the result must not change."""
    for _ in range(2):
        assert js_key_order({"b": 1, "a": 2}) == ["b", "a"]
        assert js_key_order({"b": 1, "1": 2, "a": 3, "0": 4}) == ["0", "1", "b", "a"]
        assert js_key_order(["b", "01", "a"]) == ["b", "01", "a"]
        assert js_key_order(["b", "01", "7"]) == ["7", "b", "01"]


def test_has_js_array_index() -> None:
    for _ in range(2):  # the second time from the cache of plain keys
        assert not has_js_array_index({})
        assert not has_js_array_index(["a", "01", "-1", "4294967295", "1.5", "²"])
        assert has_js_array_index(["a", "4294967294"])
        assert has_js_array_index({"x": 1, "0": 2})


def test_schema_sorted_keys_same_answer_from_its_cache() -> None:
    keys = ["zeta", "type", "alpha", "title"]
    assert schema_sorted_keys(keys) == schema_sorted_keys(list(keys)) == ["title", "type", "alpha", "zeta"]
    assert schema_sorted_keys(["zeta", "constructor", "alpha"]) == ["constructor", "alpha", "zeta"]
