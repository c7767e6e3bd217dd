/// The JSON Schema (draft 2020-12) of the health coaching section: the definitions this module owns and
/// which of them is the section. The module declares it (`PluginRegistrar.schema`); the plan
/// schema in docs/schema is the core's with every module's fragment laid in, and a test checks
/// the two agree. References to `#/$defs/Date` are the core's.
enum HealthCoachingSchema {
    static let fragment = #"""
        {
          "$defs": {
            "ActivationRecord": {
              "additionalProperties": false,
              "description": "Patient Activation Measure as entered.",
              "properties": {
                "id": {
                  "description": "Activation id: PA1, PA2...",
                  "pattern": "^PA[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "level": {
                  "description": "PAM level",
                  "maximum": 4,
                  "minimum": 1,
                  "type": "integer"
                },
                "score": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "takenOn": {
                  "$ref": "#/$defs/Date"
                }
              },
              "required": [
                "id",
                "takenOn",
                "level"
              ],
              "type": "object"
            },
            "CoachingGoal": {
              "additionalProperties": false,
              "description": "A SMART coaching goal.",
              "properties": {
                "byDate": {
                  "$ref": "#/$defs/Date"
                },
                "confidence": {
                  "description": "Confidence",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                },
                "id": {
                  "description": "Coaching goal id: CG1, CG2...",
                  "pattern": "^CG[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "importance": {
                  "description": "Importance",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                },
                "measure": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "needIds": {
                  "items": {
                    "pattern": "^N[1-9][0-9]{0,8}$",
                    "type": "string"
                  },
                  "type": "array"
                },
                "planGoalId": {
                  "pattern": "^G[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "stage": {
                  "$ref": "#/$defs/StageOfChange"
                },
                "target": {
                  "maxLength": 20000,
                  "type": "string"
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
                "needIds"
              ],
              "type": "object"
            },
            "CoachingSession": {
              "additionalProperties": false,
              "description": "A coaching session.",
              "properties": {
                "barriers": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "durationMinutes": {
                  "description": "Minutes",
                  "maximum": 600,
                  "minimum": 1,
                  "type": "integer"
                },
                "heldOn": {
                  "$ref": "#/$defs/Date"
                },
                "id": {
                  "description": "Session id: CS1, CS2...",
                  "pattern": "^CS[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "mode": {
                  "$ref": "#/$defs/SessionMode"
                },
                "nextSessionOn": {
                  "$ref": "#/$defs/Date"
                },
                "nextSteps": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "reviews": {
                  "items": {
                    "$ref": "#/$defs/GoalReview"
                  },
                  "type": "array"
                },
                "wins": {
                  "maxLength": 20000,
                  "type": "string"
                }
              },
              "required": [
                "id",
                "heldOn",
                "mode",
                "reviews"
              ],
              "type": "object"
            },
            "GoalReview": {
              "additionalProperties": false,
              "description": "Progress on a coaching goal at a session.",
              "properties": {
                "gas": {
                  "description": "Goal Attainment Scaling",
                  "maximum": 2,
                  "minimum": -2,
                  "type": "integer"
                },
                "goalId": {
                  "description": "Coaching goal id: CG1, CG2...",
                  "pattern": "^CG[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "progress": {
                  "description": "Progress",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                }
              },
              "required": [
                "goalId"
              ],
              "type": "object"
            },
            "HealthCoachingSection": {
              "additionalProperties": false,
              "description": "extensions[\"health-coaching\"]: coaching goals, sessions, activation.",
              "properties": {
                "activation": {
                  "items": {
                    "$ref": "#/$defs/ActivationRecord"
                  },
                  "type": "array"
                },
                "goals": {
                  "items": {
                    "$ref": "#/$defs/CoachingGoal"
                  },
                  "type": "array"
                },
                "lastIssuedIds": {
                  "additionalProperties": {
                    "minimum": 0,
                    "type": "integer"
                  },
                  "description": "Last id number issued per prefix; ids are never reused.",
                  "type": "object"
                },
                "sessions": {
                  "items": {
                    "$ref": "#/$defs/CoachingSession"
                  },
                  "type": "array"
                }
              },
              "required": [
                "goals",
                "sessions",
                "activation",
                "lastIssuedIds"
              ],
              "type": "object"
            },
            "SessionMode": {
              "description": "How the session was held.",
              "enum": [
                "in-person",
                "phone",
                "video",
                "group"
              ],
              "type": "string"
            },
            "StageOfChange": {
              "description": "Stage of change.",
              "enum": [
                "precontemplation",
                "contemplation",
                "preparation",
                "action",
                "maintenance"
              ],
              "type": "string"
            }
          },
          "section": "HealthCoachingSection"
        }
        """#
}
