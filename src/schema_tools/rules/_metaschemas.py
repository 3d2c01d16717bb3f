# ruff: noqa: E501 - verbatim copies of AJV's files
"""The two metaschemas AJV 6.12.6 gave the reference's robustness tests, copied verbatim as data.

* `DRAFT_07`: ajv/lib/refs/json-schema-draft-07.json. It differs from json-schema.org's draft-07 in one
  place that matters: `enum` needs at least one value and no duplicates (`minItems: 1, uniqueItems: true`).
* `SECURE`: ajv/lib/refs/json-schema-secure.json, the "secure schema" rules that intake services such as
  EventGate apply before compiling a schema (`pattern`/`format` need `maxLength`, and so on).

Both are JSON text, parsed on first use, so importing the rule registry stays cheap.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

DRAFT_07_URIS = (
    "http://json-schema.org/draft-07/schema",
    "http://json-schema.org/draft-07/schema#",
    # The reference registers the local copy under the https URI too, so that form is never fetched.
    "https://json-schema.org/draft-07/schema",
    "https://json-schema.org/draft-07/schema#",
)

_DRAFT_07 = r"""{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "http://json-schema.org/draft-07/schema#",
  "title": "Core schema meta-schema",
  "definitions": {
    "schemaArray": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#"
      }
    },
    "nonNegativeInteger": {
      "type": "integer",
      "minimum": 0
    },
    "nonNegativeIntegerDefault0": {
      "allOf": [
        {
          "$ref": "#/definitions/nonNegativeInteger"
        },
        {
          "default": 0
        }
      ]
    },
    "simpleTypes": {
      "enum": [
        "array",
        "boolean",
        "integer",
        "null",
        "number",
        "object",
        "string"
      ]
    },
    "stringArray": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "uniqueItems": true,
      "default": []
    }
  },
  "type": [
    "object",
    "boolean"
  ],
  "properties": {
    "$id": {
      "type": "string",
      "format": "uri-reference"
    },
    "$schema": {
      "type": "string",
      "format": "uri"
    },
    "$ref": {
      "type": "string",
      "format": "uri-reference"
    },
    "$comment": {
      "type": "string"
    },
    "title": {
      "type": "string"
    },
    "description": {
      "type": "string"
    },
    "default": true,
    "readOnly": {
      "type": "boolean",
      "default": false
    },
    "examples": {
      "type": "array",
      "items": true
    },
    "multipleOf": {
      "type": "number",
      "exclusiveMinimum": 0
    },
    "maximum": {
      "type": "number"
    },
    "exclusiveMaximum": {
      "type": "number"
    },
    "minimum": {
      "type": "number"
    },
    "exclusiveMinimum": {
      "type": "number"
    },
    "maxLength": {
      "$ref": "#/definitions/nonNegativeInteger"
    },
    "minLength": {
      "$ref": "#/definitions/nonNegativeIntegerDefault0"
    },
    "pattern": {
      "type": "string",
      "format": "regex"
    },
    "additionalItems": {
      "$ref": "#"
    },
    "items": {
      "anyOf": [
        {
          "$ref": "#"
        },
        {
          "$ref": "#/definitions/schemaArray"
        }
      ],
      "default": true
    },
    "maxItems": {
      "$ref": "#/definitions/nonNegativeInteger"
    },
    "minItems": {
      "$ref": "#/definitions/nonNegativeIntegerDefault0"
    },
    "uniqueItems": {
      "type": "boolean",
      "default": false
    },
    "contains": {
      "$ref": "#"
    },
    "maxProperties": {
      "$ref": "#/definitions/nonNegativeInteger"
    },
    "minProperties": {
      "$ref": "#/definitions/nonNegativeIntegerDefault0"
    },
    "required": {
      "$ref": "#/definitions/stringArray"
    },
    "additionalProperties": {
      "$ref": "#"
    },
    "definitions": {
      "type": "object",
      "additionalProperties": {
        "$ref": "#"
      },
      "default": {}
    },
    "properties": {
      "type": "object",
      "additionalProperties": {
        "$ref": "#"
      },
      "default": {}
    },
    "patternProperties": {
      "type": "object",
      "additionalProperties": {
        "$ref": "#"
      },
      "propertyNames": {
        "format": "regex"
      },
      "default": {}
    },
    "dependencies": {
      "type": "object",
      "additionalProperties": {
        "anyOf": [
          {
            "$ref": "#"
          },
          {
            "$ref": "#/definitions/stringArray"
          }
        ]
      }
    },
    "propertyNames": {
      "$ref": "#"
    },
    "const": true,
    "enum": {
      "type": "array",
      "items": true,
      "minItems": 1,
      "uniqueItems": true
    },
    "type": {
      "anyOf": [
        {
          "$ref": "#/definitions/simpleTypes"
        },
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/simpleTypes"
          },
          "minItems": 1,
          "uniqueItems": true
        }
      ]
    },
    "format": {
      "type": "string"
    },
    "contentMediaType": {
      "type": "string"
    },
    "contentEncoding": {
      "type": "string"
    },
    "if": {
      "$ref": "#"
    },
    "then": {
      "$ref": "#"
    },
    "else": {
      "$ref": "#"
    },
    "allOf": {
      "$ref": "#/definitions/schemaArray"
    },
    "anyOf": {
      "$ref": "#/definitions/schemaArray"
    },
    "oneOf": {
      "$ref": "#/definitions/schemaArray"
    },
    "not": {
      "$ref": "#"
    }
  },
  "default": true
}"""

_SECURE = r"""{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/json-schema-secure.json#",
  "title": "Meta-schema for the security assessment of JSON Schemas",
  "description": "If a JSON Schema fails validation against this meta-schema, it may be unsafe to validate untrusted data",
  "definitions": {
    "schemaArray": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#"
      }
    }
  },
  "dependencies": {
    "patternProperties": {
      "description": "prevent slow validation of large property names",
      "required": [
        "propertyNames"
      ],
      "properties": {
        "propertyNames": {
          "required": [
            "maxLength"
          ]
        }
      }
    },
    "uniqueItems": {
      "description": "prevent slow validation of large non-scalar arrays",
      "if": {
        "properties": {
          "uniqueItems": {
            "const": true
          },
          "items": {
            "properties": {
              "type": {
                "anyOf": [
                  {
                    "enum": [
                      "object",
                      "array"
                    ]
                  },
                  {
                    "type": "array",
                    "contains": {
                      "enum": [
                        "object",
                        "array"
                      ]
                    }
                  }
                ]
              }
            }
          }
        }
      },
      "then": {
        "required": [
          "maxItems"
        ]
      }
    },
    "pattern": {
      "description": "prevent slow pattern matching of large strings",
      "required": [
        "maxLength"
      ]
    },
    "format": {
      "description": "prevent slow format validation of large strings",
      "required": [
        "maxLength"
      ]
    }
  },
  "properties": {
    "additionalItems": {
      "$ref": "#"
    },
    "additionalProperties": {
      "$ref": "#"
    },
    "dependencies": {
      "additionalProperties": {
        "anyOf": [
          {
            "type": "array"
          },
          {
            "$ref": "#"
          }
        ]
      }
    },
    "items": {
      "anyOf": [
        {
          "$ref": "#"
        },
        {
          "$ref": "#/definitions/schemaArray"
        }
      ]
    },
    "definitions": {
      "additionalProperties": {
        "$ref": "#"
      }
    },
    "patternProperties": {
      "additionalProperties": {
        "$ref": "#"
      }
    },
    "properties": {
      "additionalProperties": {
        "$ref": "#"
      }
    },
    "if": {
      "$ref": "#"
    },
    "then": {
      "$ref": "#"
    },
    "else": {
      "$ref": "#"
    },
    "allOf": {
      "$ref": "#/definitions/schemaArray"
    },
    "anyOf": {
      "$ref": "#/definitions/schemaArray"
    },
    "oneOf": {
      "$ref": "#/definitions/schemaArray"
    },
    "not": {
      "$ref": "#"
    },
    "contains": {
      "$ref": "#"
    },
    "propertyNames": {
      "$ref": "#"
    }
  }
}"""


@cache
def draft_07() -> dict[str, Any]:
    """AJV's draft-07 metaschema (a fresh parse once per process; callers must not change it)."""
    return json.loads(_DRAFT_07)  # type: ignore[no-any-return]


@cache
def secure() -> dict[str, Any]:
    """AJV's json-schema-secure metaschema."""
    return json.loads(_SECURE)  # type: ignore[no-any-return]
