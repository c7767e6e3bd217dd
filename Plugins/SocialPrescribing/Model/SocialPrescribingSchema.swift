/// The JSON Schema (draft 2020-12) of the social prescribing section: the definitions this module owns and
/// which of them is the section. The module declares it (`PluginRegistrar.schema`); the plan
/// schema in docs/schema is the core's with every module's fragment laid in, and a test checks
/// the two agree. References to `#/$defs/Date` are the core's.
enum SocialPrescribingSchema {
    static let fragment = #"""
        {
          "$defs": {
            "ClinicalCode": {
              "additionalProperties": false,
              "description": "A SNOMED CT code.",
              "properties": {
                "code": {
                  "pattern": "^[0-9]{6,18}$",
                  "type": "string"
                },
                "display": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                },
                "system": {
                  "const": "http://snomed.info/sct"
                }
              },
              "required": [
                "system",
                "code",
                "display"
              ],
              "type": "object"
            },
            "Determinant": {
              "description": "Wider determinant addressed.",
              "enum": [
                "housing",
                "money-and-debt",
                "loneliness-and-isolation",
                "employment",
                "physical-activity",
                "mental-wellbeing",
                "carers",
                "transport",
                "language",
                "food-and-nutrition",
                "learning-and-skills",
                "other"
              ],
              "type": "string"
            },
            "LinkKind": {
              "description": "Signpost or referral.",
              "enum": [
                "signpost",
                "referral"
              ],
              "type": "string"
            },
            "LinkStatus": {
              "description": "Where a link stands.",
              "enum": [
                "suggested",
                "referred",
                "accepted",
                "declined",
                "attended",
                "did-not-attend",
                "completed"
              ],
              "type": "string"
            },
            "LinkStatusChange": {
              "additionalProperties": false,
              "description": "One step of a link.",
              "properties": {
                "on": {
                  "$ref": "#/$defs/Date"
                },
                "status": {
                  "$ref": "#/$defs/LinkStatus"
                }
              },
              "required": [
                "status",
                "on"
              ],
              "type": "object"
            },
            "ONS4": {
              "additionalProperties": false,
              "description": "ONS personal wellbeing, each 0-10; not summed; for anxiety lower is better.",
              "properties": {
                "anxiety": {
                  "description": "Anxious yesterday",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                },
                "happiness": {
                  "description": "Happy yesterday",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                },
                "lifeSatisfaction": {
                  "description": "Life satisfaction",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                },
                "worthwhile": {
                  "description": "Worthwhile",
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                }
              },
              "required": [
                "lifeSatisfaction",
                "worthwhile",
                "happiness",
                "anxiety"
              ],
              "type": "object"
            },
            "ServiceReference": {
              "additionalProperties": false,
              "description": "A service, by directory id where it has one.",
              "properties": {
                "directoryId": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "name": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                }
              },
              "required": [
                "name"
              ],
              "type": "object"
            },
            "SocialPrescribingSection": {
              "additionalProperties": false,
              "description": "extensions[\"social-prescribing\"]: links to community services and wellbeing measures.",
              "properties": {
                "lastIssuedIds": {
                  "additionalProperties": {
                    "minimum": 0,
                    "type": "integer"
                  },
                  "description": "Last id number issued per prefix; ids are never reused.",
                  "type": "object"
                },
                "links": {
                  "items": {
                    "$ref": "#/$defs/SocialPrescriptionLink"
                  },
                  "type": "array"
                },
                "measures": {
                  "items": {
                    "$ref": "#/$defs/WellbeingMeasure"
                  },
                  "type": "array"
                }
              },
              "required": [
                "links",
                "measures",
                "lastIssuedIds"
              ],
              "type": "object"
            },
            "SocialPrescriptionLink": {
              "additionalProperties": false,
              "description": "A signpost or referral to a service.",
              "properties": {
                "codes": {
                  "items": {
                    "$ref": "#/$defs/ClinicalCode"
                  },
                  "type": "array"
                },
                "determinant": {
                  "$ref": "#/$defs/Determinant"
                },
                "followUpOn": {
                  "$ref": "#/$defs/Date"
                },
                "history": {
                  "items": {
                    "$ref": "#/$defs/LinkStatusChange"
                  },
                  "minItems": 1,
                  "type": "array"
                },
                "id": {
                  "description": "Link id: L1, L2...",
                  "pattern": "^L[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "kind": {
                  "$ref": "#/$defs/LinkKind"
                },
                "needIds": {
                  "items": {
                    "pattern": "^N[1-9][0-9]{0,8}$",
                    "type": "string"
                  },
                  "type": "array"
                },
                "outcome": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "service": {
                  "$ref": "#/$defs/ServiceReference"
                },
                "status": {
                  "$ref": "#/$defs/LinkStatus"
                }
              },
              "required": [
                "id",
                "service",
                "kind",
                "determinant",
                "needIds",
                "status",
                "history",
                "codes"
              ],
              "type": "object"
            },
            "Timepoint": {
              "description": "Baseline or follow-up.",
              "enum": [
                "baseline",
                "follow-up"
              ],
              "type": "string"
            },
            "WellbeingMeasure": {
              "additionalProperties": false,
              "description": "A wellbeing measure: ONS4 answers, or another measure as entered.",
              "properties": {
                "id": {
                  "description": "Measure id: W1, W2...",
                  "pattern": "^W[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "name": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "ons4": {
                  "$ref": "#/$defs/ONS4"
                },
                "rawScore": {
                  "maxLength": 20000,
                  "type": "string"
                },
                "takenOn": {
                  "$ref": "#/$defs/Date"
                },
                "timepoint": {
                  "$ref": "#/$defs/Timepoint"
                }
              },
              "required": [
                "id",
                "takenOn",
                "timepoint"
              ],
              "type": "object"
            }
          },
          "section": "SocialPrescribingSection"
        }
        """#
}
