/// The JSON Schema (draft 2020-12) of the cancer care section: the definitions this module owns and which
/// of them is the section. The module declares it (`PluginRegistrar.schema`); the plan schema in
/// docs/schema is the core's with every module's fragment laid in, and a test checks the two
/// agree. References to `#/$defs/Date` are the core's.
enum CancerCareSchema {
    static let fragment = #"""
        {
          "$defs": {
            "AppointmentBooking": {
              "additionalProperties": false,
              "description": "One booking: the appointment day, the day it was booked, and attendance once known.",
              "properties": {
                "attendance": {
                  "$ref": "#/$defs/Attendance"
                },
                "bookedOn": {
                  "$ref": "#/$defs/Date"
                },
                "on": {
                  "$ref": "#/$defs/Date"
                }
              },
              "required": [
                "on",
                "bookedOn"
              ],
              "type": "object"
            },
            "Attendance": {
              "description": "Whether the person went.",
              "enum": [
                "attended",
                "did-not-attend"
              ],
              "type": "string"
            },
            "CancerCareSection": {
              "additionalProperties": false,
              "description": "extensions[\"cancer-care\"]: suspected cancer referrals, their tests and appointments, holistic needs assessments.",
              "properties": {
                "appointments": {
                  "items": {
                    "$ref": "#/$defs/PathwayAppointment"
                  },
                  "type": "array"
                },
                "assessments": {
                  "items": {
                    "$ref": "#/$defs/NeedsAssessment"
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
                "referrals": {
                  "items": {
                    "$ref": "#/$defs/SuspectedCancerReferral"
                  },
                  "type": "array"
                }
              },
              "required": [
                "referrals",
                "appointments",
                "assessments",
                "lastIssuedIds"
              ],
              "type": "object"
            },
            "CancerOutcome": {
              "additionalProperties": false,
              "description": "Cancer diagnosed or ruled out, and the day the person was told (it stops the Faster Diagnosis clock).",
              "properties": {
                "communicatedOn": {
                  "$ref": "#/$defs/Date"
                },
                "result": {
                  "$ref": "#/$defs/CancerOutcomeResult"
                }
              },
              "required": [
                "result",
                "communicatedOn"
              ],
              "type": "object"
            },
            "CancerOutcomeResult": {
              "description": "What the referral found; not-recorded for a pathway migrated from careplan 0.1.",
              "enum": [
                "diagnosed",
                "ruled-out",
                "not-recorded"
              ],
              "type": "string"
            },
            "CancerReferralRoute": {
              "description": "How the person was referred.",
              "enum": [
                "urgent-suspected-cancer",
                "screening",
                "breast-symptomatic",
                "non-specific-symptoms"
              ],
              "type": "string"
            },
            "ConcernDomain": {
              "description": "Holistic needs assessment domain.",
              "enum": [
                "physical",
                "emotional",
                "practical",
                "family",
                "spiritual",
                "lifestyle",
                "information"
              ],
              "type": "string"
            },
            "NeedsAssessment": {
              "additionalProperties": false,
              "description": "A holistic needs assessment: concerns scored 0-10 by domain.",
              "properties": {
                "concerns": {
                  "items": {
                    "$ref": "#/$defs/NeedsConcern"
                  },
                  "type": "array"
                },
                "heldOn": {
                  "$ref": "#/$defs/Date"
                },
                "id": {
                  "description": "Assessment id: H1, H2...",
                  "pattern": "^H[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "referralId": {
                  "pattern": "^U[1-9][0-9]{0,8}$",
                  "type": "string"
                }
              },
              "required": [
                "id",
                "heldOn",
                "concerns"
              ],
              "type": "object"
            },
            "NeedsConcern": {
              "additionalProperties": false,
              "description": "One concern, scored 0 (none) to 10, with the plan action agreed for it.",
              "properties": {
                "actionId": {
                  "pattern": "^A[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "concern": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                },
                "domain": {
                  "$ref": "#/$defs/ConcernDomain"
                },
                "score": {
                  "maximum": 10,
                  "minimum": 0,
                  "type": "integer"
                }
              },
              "required": [
                "domain",
                "concern",
                "score"
              ],
              "type": "object"
            },
            "PathwayAppointment": {
              "additionalProperties": false,
              "description": "A test or appointment on a referral's pathway, every booking kept.",
              "properties": {
                "bookings": {
                  "items": {
                    "$ref": "#/$defs/AppointmentBooking"
                  },
                  "minItems": 1,
                  "type": "array"
                },
                "id": {
                  "description": "Test or appointment id: P1, P2...",
                  "pattern": "^P[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "place": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                },
                "referralId": {
                  "pattern": "^U[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "resultsCommunicatedOn": {
                  "$ref": "#/$defs/Date"
                },
                "what": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                }
              },
              "required": [
                "id",
                "referralId",
                "what",
                "bookings"
              ],
              "type": "object"
            },
            "SuspectedCancerReferral": {
              "additionalProperties": false,
              "description": "A suspected cancer referral and its pathway; timing against the 28, 31 and 62 day standards is computed, not stored.",
              "properties": {
                "careReviewOn": {
                  "$ref": "#/$defs/Date"
                },
                "decisionToTreatOn": {
                  "$ref": "#/$defs/Date"
                },
                "firstTreatmentOn": {
                  "$ref": "#/$defs/Date"
                },
                "id": {
                  "description": "Referral id: U1, U2...",
                  "pattern": "^U[1-9][0-9]{0,8}$",
                  "type": "string"
                },
                "outcome": {
                  "$ref": "#/$defs/CancerOutcome"
                },
                "referredOn": {
                  "$ref": "#/$defs/Date"
                },
                "referrer": {
                  "maxLength": 20000,
                  "minLength": 1,
                  "type": "string"
                },
                "route": {
                  "$ref": "#/$defs/CancerReferralRoute"
                },
                "site": {
                  "$ref": "#/$defs/TumourSiteGroup"
                },
                "supportConversationOn": {
                  "$ref": "#/$defs/Date"
                },
                "threeMonthContactOn": {
                  "$ref": "#/$defs/Date"
                }
              },
              "required": [
                "id",
                "referredOn"
              ],
              "type": "object"
            },
            "TumourSiteGroup": {
              "description": "Suspected tumour site group.",
              "enum": [
                "brain",
                "breast",
                "children",
                "gynaecological",
                "haematological",
                "head-and-neck",
                "lower-gastrointestinal",
                "lung",
                "sarcoma",
                "skin",
                "testicular",
                "upper-gastrointestinal",
                "urological",
                "other"
              ],
              "type": "string"
            }
          },
          "section": "CancerCareSection"
        }
        """#
}
