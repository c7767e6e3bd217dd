/// The JSON Schema (draft 2020-12) of the care coordination section: the definitions this module owns and
/// which of them is the section. The module declares it (`PluginRegistrar.schema`); the plan
/// schema in docs/schema is the core's with every module's fragment laid in, and a test checks
/// the two agree. References to `#/$defs/Date` are the core's.
enum CareCoordinationSchema {
    static let fragment = #"""
        {
          "$defs": {
            "CancerPathway": {
              "additionalProperties": false,
              "description": "Cancer pathway dates saved by careplan 0.1; careplan 0.2 moves them to extensions[\"cancer-care\"] on the next change and never writes them here.",
              "properties": {
                "decisionToTreatOn": {
                  "$ref": "#/$defs/Date"
                },
                "diagnosedOn": {
                  "$ref": "#/$defs/Date"
                },
                "referredOn": {
                  "$ref": "#/$defs/Date"
                },
                "treatmentStartedOn": {
                  "$ref": "#/$defs/Date"
                }
              },
              "required": [
                "referredOn"
              ],
              "type": "object"
            },
            "CareCoordinationSection": {
              "additionalProperties": false,
              "description": "extensions[\"care-coordination\"]: tasks, tracked appointments (and a cancer pathway saved by careplan 0.1).",
              "properties": {
                "cancerPathway": {
                  "$ref": "#/$defs/CancerPathway"
                },
                "lastIssuedIds": {
                  "additionalProperties": {
                    "minimum": 0,
                    "type": "integer"
                  },
                  "description": "Last id number issued per prefix; ids are never reused.",
                  "type": "object"
                },
                "tasks": {
                  "items": {
                    "$ref": "#/$defs/CoordinationTask"
                  },
                  "type": "array"
                },
                "tracked": {
                  "items": {
                    "$ref": "#/$defs/TrackedItem"
                  },
                  "type": "array"
                }
              },
              "required": [
                "tasks",
                "tracked",
                "lastIssuedIds"
              ],
              "type": "object"
            },
            "CoordinationTask": {
              "additionalProperties": false,
              "description": "A coordination task.",
              "properties": {
                "completionNote": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "dueOn": {
                  "$ref": "#/$defs/Date"
                },
                "goalId": {
                  "pattern": "^G[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "history": {
                  "items": {
                    "$ref": "#/$defs/TaskStatusChange"
                  },
                  "minItems": 1,
                  "type": "array"
                },
                "id": {
                  "description": "Task id: T1, T2...",
                  "pattern": "^T[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "owner": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                },
                "priority": {
                  "$ref": "#/$defs/TaskPriority"
                },
                "referralId": {
                  "pattern": "^R[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "status": {
                  "$ref": "#/$defs/TaskStatus"
                },
                "title": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                }
              },
              "required": [
                "id",
                "title",
                "owner",
                "priority",
                "status",
                "history"
              ],
              "type": "object"
            },
            "TaskPriority": {
              "description": "Priority.",
              "enum": [
                "low",
                "normal",
                "high",
                "urgent"
              ],
              "type": "string"
            },
            "TaskStatus": {
              "description": "Task status.",
              "enum": [
                "to-do",
                "in-progress",
                "waiting",
                "done",
                "cancelled"
              ],
              "type": "string"
            },
            "TaskStatusChange": {
              "additionalProperties": false,
              "description": "One step of a task.",
              "properties": {
                "note": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "on": {
                  "$ref": "#/$defs/Date"
                },
                "status": {
                  "$ref": "#/$defs/TaskStatus"
                }
              },
              "required": [
                "status",
                "on"
              ],
              "type": "object"
            },
            "TrackedItem": {
              "additionalProperties": false,
              "description": "An appointment or test being tracked.",
              "properties": {
                "history": {
                  "items": {
                    "$ref": "#/$defs/TrackedStatusChange"
                  },
                  "minItems": 1,
                  "type": "array"
                },
                "id": {
                  "description": "Tracked item id: K1, K2...",
                  "pattern": "^K[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "on": {
                  "$ref": "#/$defs/Date"
                },
                "place": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "status": {
                  "$ref": "#/$defs/TrackedStatus"
                },
                "what": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                }
              },
              "required": [
                "id",
                "what",
                "status",
                "history"
              ],
              "type": "object"
            },
            "TrackedStatus": {
              "description": "Tracked item status.",
              "enum": [
                "to-book",
                "booked",
                "attended",
                "did-not-attend",
                "rebooked",
                "result-received"
              ],
              "type": "string"
            },
            "TrackedStatusChange": {
              "additionalProperties": false,
              "description": "One step of a tracked item.",
              "properties": {
                "on": {
                  "$ref": "#/$defs/Date"
                },
                "status": {
                  "$ref": "#/$defs/TrackedStatus"
                }
              },
              "required": [
                "status",
                "on"
              ],
              "type": "object"
            }
          },
          "section": "CareCoordinationSection"
        }
        """#
}
