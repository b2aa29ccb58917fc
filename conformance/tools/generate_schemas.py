#!/usr/bin/env python3
"""Writes the JSON Schemas of conformance/schema/: one for the vector file format and, per
function of the suite, one for its input and one for its output.

The schemas use a small subset of JSON Schema 2020-12 that every validator understands and that
the repository's own test validator implements completely (it refuses any other keyword):
type, properties, required, additionalProperties, items, enum, const, pattern, minimum,
minLength, minItems, oneOf, anyOf, $ref (to #/$defs/...), $defs, and the annotations $schema,
$id, title, description.

    python3 conformance/tools/generate_schemas.py          # (re)write the files
    python3 conformance/tools/generate_schemas.py --check  # fail if a file is stale
"""

import json
import os
import sys

from common import ROOT

SCHEMA_DIR = os.path.join(ROOT, "conformance", "schema")
DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://kotacerdas.example.invalid/conformance/schema/"

DATE = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "YYYY-MM-DD"}
BOOL = {"type": "boolean"}
STR = {"type": "string"}
MONEY = {"type": "integer", "description": "whole rupiah"}
OPT_MONEY = {"type": ["integer", "null"], "description": "whole rupiah"}
DECIMAL = {"type": ["integer", "string", "null"], "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
           "description": "an integer or a decimal string such as \"2.5\"; never a JSON float"}
RATE = {"type": ["string", "null"], "pattern": r"^[0-9]+(\.[0-9]+)?%$", "description": "a percentage such as \"12.5%\""}
CODE = {"type": "string", "pattern": r"^[A-Z][A-Z0-9_]+$"}
DOTTED = {"type": "string", "pattern": r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$"}


def obj(properties, required=(), additional=False, **extra):
    schema = {"type": "object", "properties": properties, "required": list(required), "additionalProperties": additional}
    schema.update(extra)
    return schema


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def warnings(codes):
    return {"type": "array", "items": {"enum": codes}, "description": "warning codes, in any order"}


REGION_REF = obj({"code": DOTTED, "name": {"type": ["string", "null"]}, "retired": BOOL}, ["code", "name", "retired"],
                 description="a region part of an identifier: the code as encoded, its name (null if unknown), retired or not")
REGION = obj({
    "code": DOTTED, "name": STR, "level": {"enum": ["province", "regency", "district", "village"]},
    "parent": {"type": ["string", "null"]},
    "retired": nullable(obj({"successor": DOTTED, "successor_name": {"type": ["string", "null"]}, "successor_match": STR},
                            ["successor", "successor_name", "successor_match"])),
}, ["code", "name", "level", "parent", "retired"])


def sourced(value=None):
    return obj({"value": value or {}, "reference": STR, "confidence": {"enum": ["high", "medium", "placeholder"]}, "note": STR},
               ["value", "reference", "confidence"])


SECTION = {"type": ["object", "null"], "additionalProperties": {"$ref": "#/$defs/sourced"}}
RULE_SET = obj({
    "id": STR, "name": STR, "region": STR, "effective_from": DATE, "effective_until": {"type": ["string", "null"]},
    "legal_basis": {"$ref": "#/$defs/sourced"}, "rounding": {"$ref": "#/$defs/sourced"},
    "pbb_p2": nullable(obj({
        "njoptkp": {"$ref": "#/$defs/sourced"},
        "tiers": {"type": "array", "minItems": 1, "items": obj({
            "njop_up_to": {"type": ["integer", "null"]}, "rate": {"$ref": "#/$defs/sourced"},
            "food_livestock_rate": {"$ref": "#/$defs/sourced"}, "assessment_ratio": {"$ref": "#/$defs/sourced"}},
            ["njop_up_to", "rate", "food_livestock_rate", "assessment_ratio"])},
        "minimum_bill": nullable({"$ref": "#/$defs/sourced"})}, ["njoptkp", "tiers"])),
    "bphtb": nullable(obj({
        "rate": {"$ref": "#/$defs/sourced"}, "npoptkp_first_acquisition": {"$ref": "#/$defs/sourced"},
        "npoptkp_inheritance": {"$ref": "#/$defs/sourced"},
        "mbr_exemption": nullable(obj({"income_limit_single": {"$ref": "#/$defs/sourced"},
                                       "income_limit_married": {"$ref": "#/$defs/sourced"}},
                                      ["income_limit_single", "income_limit_married"]))},
        ["rate", "npoptkp_first_acquisition", "npoptkp_inheritance"])),
    "pbjt": {"type": ["object", "null"], "additionalProperties": nullable({"$ref": "#/$defs/sourced"})},
    "reklame": SECTION, "air_tanah": SECTION, "mblb": SECTION, "walet": SECTION,
    "opsen": nullable(obj({
        "in_force_from": {"$ref": "#/$defs/sourced"}, "pkb_rate": {"$ref": "#/$defs/sourced"}, "bbnkb_rate": {"$ref": "#/$defs/sourced"},
        "province": {"type": "object", "properties": {"province": STR}, "required": ["province"],
                     "additionalProperties": {"$ref": "#/$defs/sourced"}}},
        ["in_force_from", "pkb_rate", "bbnkb_rate", "province"])),
    "sanctions": {"type": "object", "additionalProperties": {"$ref": "#/$defs/sourced"}},
    "due_dates": {"type": "object", "additionalProperties": {"$ref": "#/$defs/sourced"}},
}, ["id", "name", "region", "effective_from", "effective_until", "legal_basis", "rounding", "sanctions", "due_dates"],
    description="a rule set (docs/tax.md): every legal value with its reference and confidence")

TAX_INPUTS = {
    "pbb_p2": obj({"tax_year": {"type": "integer"}, "land_area_m2": OPT_MONEY, "land_njop_per_m2": OPT_MONEY, "land_njop": OPT_MONEY,
                   "building_area_m2": OPT_MONEY, "building_njop_per_m2": OPT_MONEY, "building_njop": OPT_MONEY,
                   "food_or_livestock_land": BOOL, "njoptkp_applies": BOOL}, ["tax_year"]),
    "bphtb": obj({"acquisition_date": DATE, "acquisition": {"enum": ["sale", "auction", "inheritance", "hibah_wasiat", "other"]},
                  "acquisition_value": OPT_MONEY, "njop": MONEY, "first_acquisition_in_region": BOOL, "direct_line_family": BOOL,
                  "mbr_first_home": nullable(obj({"monthly_income": MONEY, "married": BOOL}, ["monthly_income", "married"]))},
                 ["acquisition_date", "acquisition", "njop", "first_acquisition_in_region"]),
    "pbjt": obj({"date": DATE, "sub_type": {"enum": ["makanan_minuman", "tenaga_listrik", "jasa_perhotelan", "jasa_parkir", "kesenian_hiburan"]},
                 "price": MONEY, "discount": RATE, "service_charge": RATE, "service_charge_on": {"enum": ["discounted", "undiscounted"]},
                 "electricity_use": {"enum": ["general", "industry_from_other_source", "self_generated"]},
                 "special_entertainment": BOOL, "monthly_turnover": OPT_MONEY}, ["date", "sub_type", "price"]),
    "reklame": obj({"date": DATE, "width_m": DECIMAL, "height_m": DECIMAL, "duration_days": {"type": ["integer", "null"]},
                    "nsr_per_m2_per_day": OPT_MONEY, "contract_value": OPT_MONEY}, ["date"]),
    "air_tanah": obj({"date": DATE, "volume_m3": DECIMAL, "price_per_m3": OPT_MONEY, "nilai_perolehan_air": OPT_MONEY}, ["date"]),
    "mblb": obj({"date": DATE, "volume": DECIMAL, "harga_patokan": OPT_MONEY, "value": OPT_MONEY}, ["date"]),
    "walet": obj({"date": DATE, "volume_kg": DECIMAL, "market_price_per_kg": OPT_MONEY, "market_value": OPT_MONEY}, ["date"]),
    "opsen_pkb": obj({"date": DATE, "base": OPT_MONEY, "provincial_rate": RATE, "provincial_tax_owed": OPT_MONEY}, ["date"]),
    "opsen_bbnkb": obj({"date": DATE, "base": OPT_MONEY, "provincial_rate": RATE, "provincial_tax_owed": OPT_MONEY}, ["date"]),
    "late_interest": obj({"principal": MONEY, "due_date": DATE, "payment_date": DATE,
                          "basis": {"enum": ["late_payment", "own_correction", "decision_unpaid", "retribusi", "deferment"]}},
                         ["principal", "due_date", "payment_date"]),
    "skpdkb": obj({"basis": {"enum": ["audit", "ex_officio"]}, "tax_is_pbjt": BOOL, "tax_owed": MONEY, "tax_paid": MONEY,
                   "interest_from": DATE, "assessment_date": DATE},
                  ["basis", "tax_is_pbjt", "tax_owed", "tax_paid", "interest_from", "assessment_date"]),
    "skpdkbt": obj({"tax_owed": MONEY, "tax_paid": MONEY, "assessment_date": DATE}, ["tax_owed", "tax_paid", "assessment_date"]),
    "dispute_fine": obj({"stage": {"enum": ["objection", "appeal"]}, "outcome": {"enum": ["rejected", "partly_granted", "granted"]},
                         "tax_per_decision": MONEY, "paid_before_objection": MONEY, "decision_date": DATE},
                        ["stage", "outcome", "tax_per_decision", "paid_before_objection", "decision_date"]),
    "instalment": obj({"principal": MONEY, "instalments": {"type": "integer", "minimum": 0}, "decision_date": DATE},
                      ["principal", "instalments", "decision_date"]),
}

FUNCTIONS = {
    "nik.parse": (
        "Parse and check a NIK (16 digits PP RR KK DDMMYY SSSS) or NIT (prefix 99)",
        obj({"nik": STR, "reference_date": dict(DATE, description="'today' for the century inference"),
             "strict": dict(BOOL, description="an unknown district is an error (default false: a warning)"),
             "known_birth_date": dict(DATE, description="a recorded birth date: settles the century; a mismatch is a warning")},
            ["nik", "reference_date"]),
        obj({"kind": {"enum": ["nik", "nit"]}, "province": nullable({"$ref": "#/$defs/region_ref"}),
             "regency": nullable({"$ref": "#/$defs/region_ref"}), "district": nullable({"$ref": "#/$defs/region_ref"}),
             "nit_country_code": {"type": ["string", "null"], "pattern": "^[0-9]{3}$"},
             "nit_mission_code": {"type": ["string", "null"], "pattern": "^[0-9]$"},
             "birth_date": DATE, "century_inference": {"enum": ["current", "previous", "from_known_date"]},
             "sex": {"enum": ["male", "female"]}, "serial": {"type": "string", "pattern": "^[0-9]{4}$"},
             "masked": {"type": "string", "pattern": r"^[0-9]{6}\*{10}$"},
             "warnings": warnings(["NIK_RETIRED_DISTRICT", "NIK_UNKNOWN_DISTRICT", "NIK_BIRTH_DATE_MISMATCH"])},
            ["kind", "province", "regency", "district", "nit_country_code", "nit_mission_code", "birth_date",
             "century_inference", "sex", "serial", "masked", "warnings"]),
        {"region_ref": REGION_REF}),
    "kk.parse": (
        "Parse and check a KK number (district, recording date DDMMYY, family serial)",
        obj({"kk": STR, "reference_date": DATE, "strict": BOOL}, ["kk", "reference_date"]),
        obj({"district": {"$ref": "#/$defs/region_ref"}, "recorded_on": DATE, "century_inference": {"enum": ["current", "previous"]},
             "serial": {"type": "string", "pattern": "^[0-9]{4}$"}, "masked": {"type": "string", "pattern": r"^[0-9]{6}\*{10}$"},
             "warnings": warnings(["KK_RETIRED_DISTRICT", "KK_UNKNOWN_DISTRICT"])},
            ["district", "recorded_on", "century_inference", "serial", "masked", "warnings"]),
        {"region_ref": REGION_REF}),
    "nop.parse": (
        "Parse and check a NOP PBB-P2 (18 digits PP.RR.KKK.DDD.BBB-NNNN.J)",
        obj({"nop": STR, "strict": BOOL,
             "reference": nullable(obj({"regency": STR, "verified": BOOL,
                                        "csv": dict(STR, description="header kecamatan,kelurahan,name; 3-digit codes")},
                                       ["regency", "verified", "csv"]))}, ["nop"]),
        obj({"formatted": {"type": "string", "pattern": r"^[0-9]{2}\.[0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]{3}-[0-9]{4}\.[0-9]$"},
             "province": {"type": "string", "pattern": "^[0-9]{2}$"}, "regency": {"type": "string", "pattern": "^[0-9]{2}$"},
             "regency_name": {"type": ["string", "null"]}, "kecamatan": {"type": "string", "pattern": "^[0-9]{3}$"},
             "kecamatan_name": {"type": ["string", "null"]}, "kelurahan": {"type": "string", "pattern": "^[0-9]{3}$"},
             "kelurahan_name": {"type": ["string", "null"]}, "block": {"type": "string", "pattern": "^[0-9]{3}$"},
             "serial": {"type": "string", "pattern": "^[0-9]{4}$"}, "special_code": {"type": "string", "pattern": "^[0-9]$"},
             "warnings": warnings(["NOP_UNKNOWN_REGENCY", "NOP_NO_REFERENCE", "NOP_KECAMATAN_NOT_IN_REFERENCE",
                                   "NOP_REFERENCE_UNVERIFIED", "NOP_UNUSUAL_SPECIAL_CODE"])},
            ["formatted", "province", "regency", "regency_name", "kecamatan", "kecamatan_name", "kelurahan", "kelurahan_name",
             "block", "serial", "special_code", "warnings"]),
        {}),
    "npwp.parse": (
        "Parse and check an NPWP: legacy 15 digits (Luhn), NPWP16 (NIK or 0 + legacy), NITKU 22",
        obj({"npwp": STR, "reference_date": dict(DATE, description="for an NPWP that is a NIK")}, ["npwp", "reference_date"]),
        obj({"form": {"enum": ["legacy15", "nik16", "entity16", "nitku22"]}, "personal": BOOL,
             "npwp16": {"type": "string", "pattern": r"^([0-9]{16}|[0-9]{6}\*{10})$", "description": "masked when it is a NIK"},
             "legacy": {"type": ["string", "null"], "pattern": r"^[0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]-[0-9]{3}\.[0-9]{3}$"},
             "tax_office": {"type": ["string", "null"], "pattern": "^[0-9]{3}$"},
             "branch": {"type": ["string", "null"], "pattern": "^[0-9]{3}$"},
             "place_of_business": {"type": ["string", "null"], "pattern": "^[0-9]{6}$"},
             "nitku": {"type": ["string", "null"], "pattern": "^[0-9]{22}$"}},
            ["form", "personal", "npwp16", "legacy", "tax_office", "branch", "place_of_business", "nitku"]),
        {}),
    "nib.parse": (
        "Check a NIB (13 digits; no published structure)",
        obj({"nib": STR}, ["nib"]),
        obj({"nib": {"type": "string", "pattern": "^[0-9]{13}$"}}, ["nib"]),
        {}),
    "phone.normalize": (
        "Normalise an Indonesian mobile number to E.164",
        obj({"phone": STR}, ["phone"]),
        obj({"e164": {"type": "string", "pattern": r"^\+628[0-9]{8,11}$"}, "national": {"type": "string", "pattern": "^08[0-9]{8,11}$"},
             "masked": dict(STR, description="for display; informative, not compared by the vectors")},
            ["e164", "national", "masked"]),
        {}),
    "region.lookup": (
        "Look up a Kemendagri region code (current or retired)",
        obj({"code": dict(STR, description="35, 35.27, 35.27.01, 35.27.01.2001, with or without dots")}, ["code"]),
        {"$ref": "#/$defs/region"},
        {"region": REGION}),
    "region.search": (
        "Find regions by name",
        obj({"text": STR, "limit": {"type": "integer", "minimum": 0, "description": "default 20, at most 1000"}}, ["text"]),
        obj({"hits": {"type": "array", "items": {"allOf_region": True}}}, ["hits"]),
        {"region": REGION}),
    "tax.calculate": (
        "Calculate a local tax or sanction with the rule set in force (docs/tax.md)",
        {"type": "object", "required": ["kind", "region", "input"], "additionalProperties": False,
         "properties": {"kind": {"enum": sorted(TAX_INPUTS)}, "region": dict(STR, description="35.27, or HKPD for the legal limits"),
                        "input": {"type": "object"}, "rule_set": {"$ref": "#/$defs/rule_set"}},
         "oneOf": [{"properties": {"kind": {"const": kind}, "input": {"$ref": "#/$defs/input_" + kind}}} for kind in sorted(TAX_INPUTS)]},
        obj({"kind": STR, "rule_set": STR, "amount": {"type": "integer", "description": "rupiah, rounded once per document"},
             "exact_amount": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$", "description": "before the rounding"},
             "uses_placeholder": BOOL,
             "components": {"type": "array", "description": "the amounts that add up to the exact total, by stable code (docs/tax.md)",
                            "items": obj({"code": STR, "amount": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}}, ["code", "amount"])},
             "breakdown": {"type": "array", "items": obj({
                 "label_id": STR, "label_en": STR, "formula": STR, "inputs": {"type": "object", "additionalProperties": STR},
                 "result": {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}, "kind": {"enum": ["value", "component", "rounding"]},
                 "legal_reference": STR, "confidence": {"enum": ["high", "medium", "placeholder", None]},
                 "component": {"type": ["string", "null"], "description": "stable code of a component step"}},
                 ["label_id", "label_en", "formula", "inputs", "result", "kind", "legal_reference", "confidence", "component"])}},
            ["kind", "rule_set", "amount", "exact_amount", "uses_placeholder", "components", "breakdown"]),
        dict({"rule_set": RULE_SET, "sourced": sourced()}, **{"input_" + k: v for k, v in TAX_INPUTS.items()})),
    "tax.rules": (
        "The rule set in force for a region on a date",
        obj({"region": STR, "date": DATE, "rule_set": {"$ref": "#/$defs/rule_set"}}, ["region", "date"]),
        {"$ref": "#/$defs/rule_set"},
        {"rule_set": RULE_SET, "sourced": sourced()}),
    "tax.due": (
        "Due dates of a tax document",
        obj({"region": STR, "document": {"enum": ["sppt", "skpd", "objection", "self_assessed"]}, "from": DATE},
            ["region", "document", "from"]),
        {"type": "array", "items": obj({"name": {"enum": ["payment", "tax_return", "objection"]}, "date": DATE,
                                        "period": {"type": "integer", "minimum": 0}, "unit": {"enum": ["months", "working_days"]},
                                        "legal_reference": STR}, ["name", "date", "period", "unit", "legal_reference"])},
        {}),
}

TAX_RESULT = FUNCTIONS["tax.calculate"][2]
for _kind, _input in sorted(TAX_INPUTS.items()):
    FUNCTIONS["tax." + _kind] = (
        "Calculate %s with the rule set in force (docs/tax.md)" % _kind,
        obj({"region": dict(STR, description="35.27, or HKPD for the legal limits"), "input": {"$ref": "#/$defs/input"},
             "rule_set": {"$ref": "#/$defs/rule_set"}}, ["region", "input"]),
        TAX_RESULT,
        {"input": _input, "rule_set": RULE_SET, "sourced": sourced()})

WEEKDAY = {"enum": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}
CALENDAR = obj({
    "options": obj({"cuti_bersama_is_day_off": dict(BOOL, description="default true"),
                    "local_days_off": {"type": "array", "items": obj({"date": DATE, "name": STR, "legal_reference": {"type": ["string", "null"]}},
                                                                     ["date", "name"])}}),
    "holidays_csv": dict(STR, description="a holiday table (date,name_id,kind) replacing the shipped one"),
}, description="the working-day calendar: the shipped 2024-2027 holidays unless holidays_csv is given")
DATE_RESULT = obj({"date": DATE, "weekday": WEEKDAY}, ["date", "weekday"])
FUNCTIONS.update({
    "calendar.add_working_days": (
        "The date n working days after date (the starting day never counts)",
        obj({"date": DATE, "n": {"type": "integer", "minimum": 0}, "calendar": {"$ref": "#/$defs/calendar"}}, ["date", "n"]),
        DATE_RESULT, {"calendar": CALENDAR}),
    "calendar.working_days_between": (
        "Working days d with start < d <= end (negative when end is before start)",
        obj({"start": DATE, "end": DATE, "calendar": {"$ref": "#/$defs/calendar"}}, ["start", "end"]),
        obj({"working_days": {"type": "integer"}}, ["working_days"]), {"calendar": CALENDAR}),
    "calendar.is_working_day": (
        "Whether a date is a working day, and what kind of day it is",
        obj({"date": DATE, "calendar": {"$ref": "#/$defs/calendar"}}, ["date"]),
        obj({"working_day": BOOL, "kind": {"enum": ["working", "weekend", "libur_nasional", "cuti_bersama", "libur_lokal"]}},
            ["working_day", "kind"]), {"calendar": CALENDAR}),
    "calendar.next_working_day": (
        "The first working day after date",
        obj({"date": DATE, "calendar": {"$ref": "#/$defs/calendar"}}, ["date"]),
        DATE_RESULT, {"calendar": CALENDAR}),
})

INSTANT = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$",
           "description": "ISO 8601 with an offset; shown in +07:00 (WIB)"}
STATE = {"enum": ["draft", "diterima", "terverifikasi", "didisposisikan", "ditindaklanjuti", "selesai", "ditunda",
                  "bukan_wewenang", "duplikat", "ditolak", "diarsipkan"]}
ACTOR = {"enum": ["reporter", "verifier", "opd_officer", "system"]}
EVENT_KIND = obj({"type": {"enum": ["submit", "verify", "request_info", "provide_info", "assign", "not_authority", "mark_duplicate",
                                    "reject", "follow_up", "confirm", "dispute", "auto_close", "reopen", "archive"]},
                  "opd": STR, "forward_to": {"type": ["string", "null"]}, "original_id": STR}, ["type"],
                 description="assign needs opd, mark_duplicate original_id; not_authority may name forward_to")
EVENT = obj({"kind": {"$ref": "#/$defs/event_kind"}, "actor": ACTOR, "at": INSTANT, "note": {"type": ["string", "null"]}},
            ["kind", "actor", "at"])
POINT = obj({"lat": {"type": "number"}, "lon": {"type": "number"}}, ["lat", "lon"])
POLICY = {"anyOf": [dict(STR, description="a policy code of core/data/complaints/sla_policies.json"), {"type": "object"}]}
CALENDAR_OPTIONS = nullable(CALENDAR["properties"]["options"])
FUNCTIONS.update({
    "complaint.search": (
        "Suggest categories for what the citizen typed",
        obj({"text": STR, "limit": {"type": "integer", "minimum": 0, "description": "default 5, at most 100"}}, ["text"]),
        obj({"hits": {"type": "array", "items": obj({"code": STR, "name_id": STR, "name_en": STR, "score": {"type": "integer"}},
                                                     ["code", "name_id", "name_en", "score"])}}, ["hits"]), {}),
    "complaint.route": (
        "The OPD that handles a category (optionally in a kecamatan or desa), or the body it is forwarded to",
        obj({"category": STR, "region": {"type": ["string", "null"]}}, ["category"]),
        {"oneOf": [
            obj({"type": {"const": "opd"}, "opd": STR, "name": STR, "confirmed": BOOL, "rule": {"type": ["integer", "null"]}},
                ["type", "opd", "name", "confirmed", "rule"]),
            obj({"type": {"const": "forward"}, "body": STR, "name": STR, "reason_id": STR, "reason_en": STR, "rule": {"type": "integer"}},
                ["type", "body", "name", "reason_id", "reason_en", "rule"])]}, {}),
    "complaint.validate": (
        "Check a report draft (docs/complaints.md section 3): every problem at once",
        obj({"draft": {"description": "the draft JSON; anything else is a COMPLAINT_DRAFT_MALFORMED problem"}, "now": INSTANT},
            ["draft", "now"]),
        obj({"valid": BOOL, "report": {"type": "object", "description": "the cleaned report (valid only)"},
             "errors": {"type": "array", "items": obj({"field": STR, "code": CODE}, ["field", "code"])},
             "problems": {"type": "array", "description": "errors with messages and fields"}}, ["valid"]), {}),
    "complaint.transition": (
        "One step of the lifecycle table",
        obj({"state": STATE, "actor": ACTOR, "event": {"$ref": "#/$defs/event_kind"}}, ["state", "actor", "event"]),
        obj({"state": STATE}, ["state"]), {"event_kind": EVENT_KIND}),
    "complaint.apply": (
        "Replay a report's history and apply one more event with the guards (times, notes, agencies, windows)",
        obj({"history": {"type": "array", "items": {"$ref": "#/$defs/event"}}, "event": {"$ref": "#/$defs/event"}, "sla_policy": POLICY,
             "calendar_options": CALENDAR_OPTIONS}, ["event", "sla_policy"]),
        obj({"state": STATE, "history": {"type": "array", "items": {"$ref": "#/$defs/event"}}, "opd": {"type": ["string", "null"]},
             "duplicate_of": {"type": ["string", "null"]}, "forwarded_to": {"type": ["string", "null"]}},
            ["state", "history", "opd", "duplicate_of", "forwarded_to"]),
        {"event": EVENT, "event_kind": EVENT_KIND}),
    "complaint.sla": (
        "Deadlines and status of a report's service-level clocks at an instant",
        obj({"history": {"type": "array", "items": {"$ref": "#/$defs/event"}}, "sla_policy": POLICY, "at": INSTANT,
             "calendar_options": CALENDAR_OPTIONS}, ["history", "sla_policy", "at"]),
        obj({"state": STATE, "deadlines": {"type": "array", "items": obj({
                "kind": {"enum": ["verify", "follow_up", "auto_close", "resolution"]}, "started_at": INSTANT, "due": INSTANT,
                "stopped_at": nullable(INSTANT), "outcome": {"enum": ["pending", "overdue", "met", "missed"]}},
                ["kind", "started_at", "due", "stopped_at", "outcome"])},
             "status": {"enum": ["on_time", "due_soon", "overdue", "paused", "not_running"]}, "at": INSTANT},
            ["state", "deadlines", "status", "at"]),
        {"event": EVENT, "event_kind": EVENT_KIND}),
    "complaint.duplicates": (
        "Open reports of the same category nearby, nearest first",
        obj({"category": STR, "location": POINT, "existing": {"type": "array", "items": obj({
            "id": STR, "category": STR, "state": STATE, "location": nullable(POINT)}, ["id", "category", "state"])}},
            ["category", "location", "existing"]),
        obj({"suggestions": {"type": "array", "items": obj({"id": STR, "distance_m": {"type": "integer", "minimum": 0}},
                                                           ["id", "distance_m"])}}, ["suggestions"]), {}),
})

VECTOR_FILE = {
    "$schema": DIALECT, "$id": BASE + "vector-file.schema.json",
    "title": "A kotacerdas conformance vector file",
    "description": "conformance/SCHEMA.md. expected.ok is a subset of the output; expected.error.code a stable error code.",
    "type": "object", "required": ["suite", "function", "description", "cases"], "additionalProperties": False,
    "properties": {
        "suite": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_.-]*$"},
        "function": {"enum": sorted(FUNCTIONS)},
        "description": {"type": "string", "minLength": 1},
        "legal_basis": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "generated_by": {"type": "string", "minLength": 1},
        "cases": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/case"}},
    },
    "$defs": {
        "case": {
            "type": "object", "required": ["id", "description", "input", "expected"], "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"},
                "description": {"type": "string", "minLength": 1},
                "input": {"description": "the function's input (its own schema)"},
                "expected": {"oneOf": [
                    {"type": "object", "required": ["ok"], "additionalProperties": False,
                     "properties": {"ok": {"description": "fields that must be equal (a subset of the output)"}}},
                    {"type": "object", "required": ["error"], "additionalProperties": False,
                     "properties": {"error": {"type": "object", "required": ["code"], "additionalProperties": False,
                                              "properties": {"code": CODE}}}},
                ]},
                "source": {"type": "string", "minLength": 1, "description": "the legal worked example the case encodes"},
            },
        },
    },
}


def fix_refs(schema, defs):
    """region.search's hits reuse the region record plus `match`."""
    if isinstance(schema, dict):
        if schema.get("allOf_region"):
            region = json.loads(json.dumps(defs["region"]))
            region["properties"]["match"] = {"enum": ["exact", "prefix", "substring"]}
            region["required"].append("match")
            return region
        return {k: fix_refs(v, defs) for k, v in schema.items()}
    if isinstance(schema, list):
        return [fix_refs(v, defs) for v in schema]
    return schema


def document(name, kind, title, body, defs):
    schema = {"$schema": DIALECT, "$id": BASE + "%s.%s.schema.json" % (name, kind), "title": "%s %s: %s" % (name, kind, title)}
    schema.update(fix_refs(body, defs))
    wanted, used = {}, json.dumps(schema)
    while True:  # definitions used by the schema or by other used definitions
        more = {k: v for k, v in defs.items() if k not in wanted and '"#/$defs/%s"' % k in used}
        if not more:
            break
        wanted.update(more)
        used += json.dumps(more)
    if wanted:
        schema["$defs"] = wanted
    return schema


def main():
    files = {"vector-file.schema.json": VECTOR_FILE}
    for name, (title, input_, output, defs) in FUNCTIONS.items():
        files["%s.input.schema.json" % name] = document(name, "input", title, input_, defs)
        files["%s.output.schema.json" % name] = document(name, "output", title, output, defs)
    check = "--check" in sys.argv[1:]
    stale = []
    for file_name, schema in sorted(files.items()):
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        path = os.path.join(SCHEMA_DIR, file_name)
        if check:
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                stale.append(file_name)
        else:
            os.makedirs(SCHEMA_DIR, exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    if stale:
        print("stale schema files (run the generator): " + ", ".join(stale), file=sys.stderr)
        return 1
    print("%s %d schema files" % ("checked" if check else "wrote", len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
