namespace Paddock.Web.Blueprints;

/// <summary>
/// The JSON Schema (draft 2020-12) of the paddock/v1 YAML format, served at /api/v1/schemas/blueprint.json so editors
/// (VS Code's YAML extension, for one) validate blueprints as people type. Paddock's own validator is the authority:
/// the schema checks shape, the validator also checks cross-references (dependencies, variables, cycles).
/// </summary>
internal static class BlueprintSchema
{
    public const string Json = """
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "/api/v1/schemas/blueprint.json",
      "title": "Paddock blueprint (paddock/v1)",
      "type": "object",
      "required": ["apiVersion", "kind", "services"],
      "additionalProperties": false,
      "properties": {
        "apiVersion": { "const": "paddock/v1" },
        "kind": { "const": "Blueprint" },
        "name": { "type": "string" },
        "description": { "type": "string" },
        "variables": {
          "type": "object",
          "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" },
          "additionalProperties": {
            "oneOf": [
              { "type": ["string", "number", "boolean"] },
              {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                  "type": { "enum": ["string", "int", "bool", "enum", "secret"] },
                  "default": { "type": ["string", "number", "boolean"] },
                  "required": { "type": "boolean" },
                  "description": { "type": "string" },
                  "allowed_values": { "type": "array", "items": { "type": ["string", "number", "boolean"] } }
                }
              }
            ]
          }
        },
        "services": {
          "type": "object",
          "minProperties": 1,
          "propertyNames": { "pattern": "^[a-z][a-z0-9-]{0,39}$" },
          "additionalProperties": { "$ref": "#/$defs/service" }
        },
        "environments": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
              "variables": { "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } },
              "services": {
                "type": "object",
                "additionalProperties": {
                  "type": "object",
                  "additionalProperties": false,
                  "properties": {
                    "replicas": { "type": "integer", "minimum": 0, "maximum": 100 },
                    "image": { "type": "string" },
                    "instance_type": { "type": "string" },
                    "environment": { "$ref": "#/$defs/stringMap" }
                  }
                }
              }
            }
          }
        },
        "actions": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "required": ["service", "command"],
            "additionalProperties": false,
            "properties": {
              "service": { "type": "string" },
              "command": { "$ref": "#/$defs/command" },
              "description": { "type": "string" }
            }
          }
        },
        "layout": {
          "type": "object",
          "additionalProperties": {
            "type": "object",
            "properties": { "x": { "type": "number" }, "y": { "type": "number" } }
          }
        }
      },
      "$defs": {
        "stringMap": { "type": "object", "additionalProperties": { "type": ["string", "number", "boolean"] } },
        "command": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": ["string", "number"] } }] },
        "duration": { "type": "string", "pattern": "^([0-9]+(ms|s|m|h))+$" },
        "service": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "kind": { "enum": ["container", "vm"] },
            "image": { "type": "string" },
            "machine_image": { "type": "string" },
            "instance_type": { "type": "string" },
            "build": { "type": "string" },
            "command": { "$ref": "#/$defs/command" },
            "entrypoint": { "$ref": "#/$defs/command" },
            "environment": { "$ref": "#/$defs/stringMap" },
            "labels": { "$ref": "#/$defs/stringMap" },
            "ports": {
              "type": "array",
              "items": {
                "oneOf": [
                  { "type": ["string", "integer"] },
                  {
                    "type": "object",
                    "required": ["container"],
                    "additionalProperties": false,
                    "properties": {
                      "container": { "type": "integer", "minimum": 1, "maximum": 65535 },
                      "host": { "type": "integer", "minimum": 1, "maximum": 65535 },
                      "protocol": { "enum": ["tcp", "udp"] },
                      "host_ip": { "type": "string" }
                    }
                  }
                ]
              }
            },
            "volumes": {
              "type": "array",
              "items": {
                "oneOf": [
                  { "type": "string" },
                  {
                    "type": "object",
                    "required": ["target"],
                    "additionalProperties": false,
                    "properties": {
                      "type": { "enum": ["volume", "bind"] },
                      "source": { "type": "string" },
                      "target": { "type": "string" },
                      "read_only": { "type": "boolean" }
                    }
                  }
                ]
              }
            },
            "depends_on": {
              "oneOf": [
                { "type": "array", "items": { "type": "string" } },
                {
                  "type": "object",
                  "additionalProperties": {
                    "oneOf": [
                      { "enum": ["started", "healthy"] },
                      { "type": "object", "properties": { "condition": { "enum": ["started", "healthy"] } } }
                    ]
                  }
                }
              ]
            },
            "healthcheck": {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "command": { "$ref": "#/$defs/command" },
                "http": {
                  "type": "object",
                  "required": ["port"],
                  "properties": { "path": { "type": "string" }, "port": { "type": "integer", "minimum": 1, "maximum": 65535 } }
                },
                "interval": { "$ref": "#/$defs/duration" },
                "timeout": { "$ref": "#/$defs/duration" },
                "retries": { "type": "integer", "minimum": 0 },
                "start_period": { "$ref": "#/$defs/duration" }
              }
            },
            "replicas": { "type": "integer", "minimum": 0, "maximum": 100 },
            "cpu": { "type": ["number", "string"] },
            "memory": { "type": ["string", "integer"] },
            "restart": { "enum": ["no", "on-failure", "always", "unless-stopped"] }
          }
        }
      }
    }
    """;
}
