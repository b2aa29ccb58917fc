#!/usr/bin/env python3
"""Generates the complaint vectors (complaint.transition, route, validate, apply, sla, search,
duplicates) from spec/complaints.md, the lifecycle table of docs/complaints.md and the data of
core/data/complaints (taxonomy, OPDs, routing rules, SLA policies, report limits). Deadlines
are counted with the working-day rules of generate_calendar.py over the holiday CSV. Nothing
here calls the SDK.

    python3 conformance/tools/generate_complaints.py          # (re)write the files
    python3 conformance/tools/generate_complaints.py --check  # fail if a file is stale
"""

import datetime
import json
import math
import os
import sys

from common import ROOT, case, render, write_all
from generate_calendar import add as add_working_days

GENERATOR = "conformance/tools/generate_complaints.py"
DATA = os.path.join(ROOT, "core", "data", "complaints")
BASIS = ["Perpres 76/2013 (pengelolaan pengaduan pelayanan publik)", "UU 25/2009 (pelayanan publik)",
         "SP4N-LAPOR! service levels and report kinds (spec/complaints.md)"]
WIB = datetime.timezone(datetime.timedelta(hours=7))


def load(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


TAXONOMY = load("taxonomy.json")
OPDS = {o["code"]: o for o in load("opds.json")["opds"]}
ROUTING = load("routing.json")["rules"]
POLICIES = {p["code"]: p for p in load("sla_policies.json")["policies"]}
RULES = load("report_rules.json")


def categories():
    """(code, inherited fields) for every category, parents first."""
    out = []

    def walk(node, inherited):
        fields = dict(inherited)
        for key in ("opd", "sla_policy", "required_fields", "allowed_kinds", "accepts_nik", "lapor_category"):
            if key in node:
                fields[key] = node[key]
        out.append((node["code"], fields))
        for child in node.get("children", []):
            walk(child, fields)

    for top in TAXONOMY["categories"]:
        walk(top, {"allowed_kinds": TAXONOMY["default_allowed_kinds"]})
    return out


CATEGORIES = dict(categories())

# ---------------------------------------------------------------- lifecycle (docs/complaints.md)

TABLE = {  # event: (actors, {from: to})
    "submit": (["reporter"], {"draft": "diterima"}),
    "verify": (["verifier"], {"diterima": "terverifikasi"}),
    "request_info": (["verifier"], {"diterima": "ditunda", "terverifikasi": "ditunda"}),
    "provide_info": (["reporter"], {"ditunda": "diterima"}),
    "assign": (["verifier"], {"terverifikasi": "didisposisikan", "didisposisikan": "didisposisikan"}),
    "not_authority": (["verifier", "opd_officer"], {"terverifikasi": "bukan_wewenang", "didisposisikan": "bukan_wewenang"}),
    "mark_duplicate": (["verifier"], {"diterima": "duplikat", "terverifikasi": "duplikat"}),
    "reject": (["verifier"], {"diterima": "ditolak", "terverifikasi": "ditolak", "ditunda": "ditolak"}),
    "follow_up": (["opd_officer"], {"didisposisikan": "ditindaklanjuti", "ditindaklanjuti": "ditindaklanjuti"}),
    "confirm": (["reporter"], {"ditindaklanjuti": "selesai"}),
    "dispute": (["reporter"], {"ditindaklanjuti": "didisposisikan"}),
    "auto_close": (["system"], {"ditindaklanjuti": "selesai"}),
    "reopen": (["reporter"], {"selesai": "didisposisikan"}),
    "archive": (["system", "verifier"], {"selesai": "diarsipkan", "ditolak": "diarsipkan", "duplikat": "diarsipkan",
                                         "bukan_wewenang": "diarsipkan"}),
}
STATES = ["draft", "diterima", "terverifikasi", "didisposisikan", "ditindaklanjuti", "selesai", "ditunda",
          "bukan_wewenang", "duplikat", "ditolak", "diarsipkan"]
ACTORS = ["reporter", "verifier", "opd_officer", "system"]
EVENT_FIELDS = {"assign": {"opd": "DPUPR"}, "not_authority": {"forward_to": "PLN"}, "mark_duplicate": {"original_id": "LAP-0001"}}


def event(kind):
    return dict({"type": kind}, **EVENT_FIELDS.get(kind, {}))


def transition_cases():
    cases = []
    for kind, (actors, moves) in TABLE.items():
        for state in STATES:
            if state in moves:
                for actor in ACTORS:
                    input_ = {"state": state, "actor": actor, "event": event(kind)}
                    if actor in actors:
                        cases.append(case("%s-%s-by-%s" % (kind, state, actor), "%s: %s -> %s" % (kind, state, moves[state]),
                                          input_, ok={"state": moves[state]}))
                    else:
                        cases.append(case("%s-%s-by-%s" % (kind, state, actor), "%s is not done by the %s" % (kind, actor),
                                          input_, error="COMPLAINT_ACTOR_NOT_ALLOWED"))
            else:
                cases.append(case("%s-from-%s" % (kind, state), "%s is not possible from %s" % (kind, state),
                                  {"state": state, "actor": actors[0], "event": event(kind)}, error="COMPLAINT_TRANSITION_NOT_ALLOWED"))
    for case_id, input_, what in [
        ("unknown-state", {"state": "closed", "actor": "reporter", "event": {"type": "submit"}}, "states are the canonical Indonesian names"),
        ("unknown-event", {"state": "draft", "actor": "reporter", "event": {"type": "send"}}, "an unknown event"),
        ("assign-without-opd", {"state": "terverifikasi", "actor": "verifier", "event": {"type": "assign"}}, "assign names the OPD"),
        ("unknown-actor", {"state": "draft", "actor": "camat", "event": {"type": "submit"}}, "an unknown actor"),
    ]:
        cases.append(case("transition-" + case_id, "Malformed request: " + what, input_, error="CALL_INVALID_INPUT"))
    return cases


# ---------------------------------------------------------------- routing

def route(code):
    """The most specific rule by category (the code or an ancestor); else the category's OPD."""
    matching = [r for r in ROUTING if "district" not in r and "village" not in r
                and (code == r["category"] or code.startswith(r["category"] + "."))]
    if matching:
        rule = max(matching, key=lambda r: len(r["category"]))
        outcome = rule["outcome"]
        return {"type": "forward", "body": outcome["body"], "reason_id": outcome["reason_id"], "reason_en": outcome["reason_en"]}
    opd = CATEGORIES[code]["opd"]
    return {"type": "opd", "opd": opd, "name": OPDS[opd]["name"], "confirmed": OPDS[opd]["confirmed"]}


def route_cases():
    cases = []
    for code in CATEGORIES:
        r = route(code)
        what = ("forwarded to %s (no wrong door)" % r["body"]) if r["type"] == "forward" else "handled by %s" % r["opd"]
        cases.append(case("route-" + code, "%s: %s" % (code, what), {"category": code}, ok=r))
    for code, region in [("INFRA.JALAN", "35.27.01"), ("LINGK", "35.27.03.1003"), ("LISTRIK.PADAM", "35.27.12")]:
        cases.append(case("route-%s-in-%s" % (code, region), "no area-specific rule is known for Sampang: the same outcome",
                          {"category": code, "region": region}, ok=route(code)))
    cases.append(case("route-unknown-category", "an unknown category", {"category": "INFRA.TIDAK_ADA"},
                      error="COMPLAINT_ROUTING_UNKNOWN_CATEGORY"))
    for region, what in [("35.26.01", "a kecamatan of Bangkalan"), ("35.27", "the regency itself is no kecamatan or desa"),
                         ("35.27.15", "no such kecamatan")]:
        cases.append(case("route-region-%s" % region, "routing needs a kecamatan or desa of Sampang: " + what,
                          {"category": "INFRA.JALAN", "region": region}, error="COMPLAINT_ROUTING_REGION_OUTSIDE"))
    return cases


# ---------------------------------------------------------------- validation

NOW = "2026-11-29T10:00:00+07:00"
ROAD = {"kind": "pengaduan", "category": "INFRA.JALAN", "title": "Jalan berlubang",
        "description": "Lubang besar di depan sekolah, sudah dua minggu.",
        "location": {"lat": -7.19, "lon": 113.24, "accuracy_m": 12},
        "attachments": [{"media_type": "image/jpeg", "size_bytes": 350000}],
        "reporter": {"phone": "0812-3456-7890"}, "idempotency_key": "8f14e45f-ceea-467f-a8f5-2d8b1b5c0a11",
        "created_at": "2026-11-29T08:15:00+07:00"}
HEALTH = {"kind": "pengaduan", "category": "KES", "title": "Antrean puskesmas", "description": "Antrean sangat panjang setiap pagi.",
          "reporter": {"phone": "081234567890"}, "idempotency_key": "abcdefgh", "created_at": "2026-11-29T08:15:00+07:00"}


def without(draft, *keys):
    return {k: v for k, v in draft.items() if k not in keys}


def validate_cases():
    cases = []

    def add(case_id, what, draft, errors=None):
        ok = {"valid": True} if not errors else {"valid": False, "errors": [
            {"field": field, "code": code} if field is not None else {"code": code} for field, code in errors]}
        cases.append(case("validate-" + case_id, what, {"now": NOW, "draft": draft}, ok=ok))

    title_max, desc_min, desc_max = RULES["title_max_chars"], RULES["description_min_chars"], RULES["description_max_chars"]
    max_att, max_bytes, max_acc = RULES["max_attachments"], RULES["attachment_max_bytes"], RULES["max_location_accuracy_m"]
    key_min, key_max, skew = RULES["idempotency_key_min_chars"], RULES["idempotency_key_max_chars"], RULES["max_clock_skew_seconds"]
    now = datetime.datetime.fromisoformat(NOW)
    add("road-valid", "a complete road report inside Sampang", ROAD)
    add("health-valid", "a health complaint needs no place", HEALTH)
    add("anonymous-without-contact", "an anonymous report needs no phone", dict(without(HEALTH, "reporter"), anonymous=True))
    for field in ("kind", "category", "title", "description", "created_at"):
        add("missing-" + field.replace("_", "-"), "%s is required" % field, without(HEALTH, field), [(field, "COMPLAINT_FIELD_REQUIRED")])
    add("kind-unknown", "the kinds are pengaduan, aspirasi, permintaan_informasi", dict(HEALTH, kind="keluhan"),
        [("kind", "COMPLAINT_KIND_UNKNOWN")])
    for kind in ("aspirasi", "permintaan_informasi"):
        add("kind-%s" % kind, "SP4N-LAPOR! kind %s" % kind, dict(HEALTH, kind=kind))
    add("kind-not-allowed", "extortion reports are complaints only", dict(HEALTH, category="LAYPUB.PUNGLI", kind="aspirasi"),
        [("kind", "COMPLAINT_KIND_NOT_ALLOWED")])
    add("category-unknown", "a category outside the taxonomy", dict(HEALTH, category="KES.TIDAK_ADA"), [("category", "COMPLAINT_CATEGORY_UNKNOWN")])
    add("title-max", "title of %d characters" % title_max, dict(HEALTH, title="a" * title_max))
    add("title-too-long", "title of %d characters" % (title_max + 1), dict(HEALTH, title="a" * (title_max + 1)),
        [("title", "COMPLAINT_TEXT_TOO_LONG")])
    add("title-whitespace", "a title of whitespace only", dict(HEALTH, title=" \t "), [("title", "COMPLAINT_TEXT_EMPTY")])
    add("title-control-characters", "control characters are removed: nothing left", dict(HEALTH, title="\u0007\u0008"),
        [("title", "COMPLAINT_TEXT_EMPTY")])
    add("description-min", "description of %d characters" % desc_min, dict(HEALTH, description="b" * desc_min))
    add("description-too-short", "description of %d characters" % (desc_min - 1), dict(HEALTH, description="b" * (desc_min - 1)),
        [("description", "COMPLAINT_TEXT_TOO_SHORT")])
    add("description-max", "description of %d characters" % desc_max, dict(HEALTH, description="c" * desc_max))
    add("description-too-long", "description of %d characters" % (desc_max + 1), dict(HEALTH, description="c" * (desc_max + 1)),
        [("description", "COMPLAINT_TEXT_TOO_LONG")])
    add("road-without-location", "a road report needs a GPS point", without(ROAD, "location"), [("location", "COMPLAINT_COORDINATES_REQUIRED")])
    add("road-desa-instead-of-gps", "a desa and landmark are not enough where GPS is required",
        dict(without(ROAD, "location"), village_code="35.27.01.2001", landmark="depan masjid"), [("location", "COMPLAINT_COORDINATES_REQUIRED")])
    place = dict(HEALTH, category="LINGK", kind="pengaduan")
    add("place-missing", "a rubbish report needs a GPS point or a desa with a landmark", place, [("location", "COMPLAINT_LOCATION_REQUIRED")])
    add("place-desa-landmark", "a desa code and a landmark", dict(place, village_code="35.27.03.1003", landmark="depan pasar"))
    add("place-desa-outside", "a desa code outside Sampang", dict(place, village_code="35.26.01.2001", landmark="depan pasar"),
        [(None, "COMPLAINT_VILLAGE_UNKNOWN")])
    for lat, lon, what in [(-91, 113.24, "latitude -91"), (-7.19, 181, "longitude 181")]:
        add("coordinates-%s-%s" % (lat, lon), "coordinates out of range: " + what, dict(ROAD, location={"lat": lat, "lon": lon, "accuracy_m": 10}),
            [(None, "COMPLAINT_COORDINATES_INVALID")])
    add("accuracy-max", "accuracy of %g m" % max_acc, dict(ROAD, location={"lat": -7.19, "lon": 113.24, "accuracy_m": max_acc}))
    add("accuracy-worse", "accuracy worse than %g m" % max_acc, dict(ROAD, location={"lat": -7.19, "lon": 113.24, "accuracy_m": max_acc + 0.5}),
        [(None, "COMPLAINT_LOCATION_INACCURATE")])
    add("accuracy-missing", "a GPS point without its accuracy", dict(ROAD, location={"lat": -7.19, "lon": 113.24}),
        [(None, "COMPLAINT_LOCATION_INACCURATE")])
    add("accuracy-zero", "accuracy must be positive", dict(ROAD, location={"lat": -7.19, "lon": 113.24, "accuracy_m": 0}),
        [(None, "COMPLAINT_LOCATION_INACCURATE")])
    for lat, lon, what in [(-7.25, 112.75, "Surabaya"), (-7.05, 112.75, "Bangkalan town"), (-6.2, 106.8, "Jakarta")]:
        add("outside-%s" % what.split()[0].lower(), "a point in %s is outside Sampang" % what,
            dict(ROAD, location={"lat": lat, "lon": lon, "accuracy_m": 10}), [("location", "COMPLAINT_LOCATION_OUTSIDE_REGION")])
    add("attachments-none", "a road report needs a photo", dict(ROAD, attachments=[]), [("attachments", "COMPLAINT_ATTACHMENT_REQUIRED")])
    photo = {"media_type": "image/png", "size_bytes": 1000}
    add("attachments-max", "%d photos" % max_att, dict(ROAD, attachments=[photo] * max_att))
    add("attachments-too-many", "%d photos" % (max_att + 1), dict(ROAD, attachments=[photo] * (max_att + 1)),
        [(None, "COMPLAINT_TOO_MANY_ATTACHMENTS")])
    for media_type in RULES["attachment_media_types"]:
        add("attachment-%s" % media_type.split("/")[1], "photo type %s" % media_type,
            dict(ROAD, attachments=[{"media_type": media_type, "size_bytes": 1}]))
    for media_type in ("image/gif", "application/pdf", "video/mp4"):
        add("attachment-%s" % media_type.split("/")[1], "type %s is not accepted" % media_type,
            dict(ROAD, attachments=[{"media_type": media_type, "size_bytes": 1000}]), [("attachments[0].media_type", "COMPLAINT_ATTACHMENT_TYPE")])
    add("attachment-size-max", "a photo of %d bytes" % max_bytes, dict(ROAD, attachments=[{"media_type": "image/jpeg", "size_bytes": max_bytes}]))
    add("attachment-size-over", "a photo of %d bytes" % (max_bytes + 1),
        dict(ROAD, attachments=[{"media_type": "image/jpeg", "size_bytes": max_bytes + 1}]), [(None, "COMPLAINT_ATTACHMENT_SIZE")])
    add("attachment-size-empty", "an empty photo", dict(ROAD, attachments=[{"media_type": "image/jpeg", "size_bytes": 0}]),
        [(None, "COMPLAINT_ATTACHMENT_SIZE")])
    add("contact-missing", "a named report needs a phone number", without(HEALTH, "reporter"), [("reporter.phone", "COMPLAINT_CONTACT_REQUIRED")])
    for phone, code in [("031 5678901", "PHONE_NOT_MOBILE"), ("+60 12 345 6789", "PHONE_NOT_INDONESIAN"), ("08123", "PHONE_INVALID_LENGTH")]:
        add("phone-%s" % code.lower().replace("_", "-"), "the phone is checked by the identifier rules (%s)" % code,
            dict(HEALTH, reporter={"phone": phone}), [("reporter.phone", code)])
    add("email-valid", "a plausible e-mail address", dict(HEALTH, reporter={"phone": "081234567890", "email": "warga@example.org"}))
    add("email-invalid", "not an e-mail address", dict(HEALTH, reporter={"phone": "081234567890", "email": "warga-at-example"}),
        [("reporter.email", "COMPLAINT_EMAIL_INVALID")])
    add("nik-valid", "a valid NIK (synthetic) may be given", dict(HEALTH, reporter={"phone": "081234567890", "nik": "3527014501900001"}))
    add("nik-invalid-day", "the NIK is checked by the identifier rules", dict(HEALTH, reporter={"phone": "081234567890", "nik": "3527018101900001"}),
        [("reporter.nik", "NIK_INVALID_DAY")])
    add("nik-refused-pungli", "extortion reports take no NIK, to protect the reporter",
        dict(HEALTH, category="LAYPUB.PUNGLI", reporter={"phone": "081234567890", "nik": "3527014501900001"}),
        [("reporter.nik", "COMPLAINT_NIK_NOT_ACCEPTED")])
    for key, ok in [("a" * (key_min - 1), False), ("a" * key_min, True), ("A-z_0" * 25 + "abc", True),
                    ("k" * (key_max + 1), False), ("abc def gh", False), ("abcdefgh!", False)]:
        add("idempotency-%d-%s" % (len(key), "ok" if ok else "bad"), "idempotency key of %d characters%s" % (len(key), "" if ok else ", refused"),
            dict(HEALTH, idempotency_key=key), None if ok else [("idempotency_key", "COMPLAINT_IDEMPOTENCY_KEY_INVALID")])
    add("idempotency-missing", "the idempotency key is required for offline retries", without(HEALTH, "idempotency_key"),
        [("idempotency_key", "COMPLAINT_IDEMPOTENCY_KEY_INVALID")])
    for text, what in [("2026-11-29 08:15", "no offset"), ("29/11/2026", "not ISO 8601"), ("2026-11-29T08:15:00", "no offset after the time")]:
        add("created-at-%s" % what.replace(" ", "-").replace("/", ""), "created_at without a time zone: " + what, dict(HEALTH, created_at=text),
            [("created_at", "COMPLAINT_TIME_INVALID")])
    limit = now + datetime.timedelta(seconds=skew)
    add("created-at-skew-limit", "created %d s after now (clock skew allowed)" % skew, dict(HEALTH, created_at=limit.isoformat()))
    add("created-at-future", "created %d s after now" % (skew + 1), dict(HEALTH, created_at=(limit + datetime.timedelta(seconds=1)).isoformat()),
        [("created_at", "COMPLAINT_TIME_IN_FUTURE")])
    add("created-at-utc", "a UTC time of a device is fine", dict(HEALTH, created_at="2026-11-29T01:15:00Z"))
    add("malformed-unknown-field", "an unknown field", dict(HEALTH, priority="high"), [("", "COMPLAINT_DRAFT_MALFORMED")])
    add("malformed-type", "a number where text is expected", dict(HEALTH, title=5), [("", "COMPLAINT_DRAFT_MALFORMED")])
    cases.append(case("validate-now-invalid", "Malformed request: now is ISO 8601 with an offset",
                      {"now": "2026-11-29 10:00", "draft": HEALTH}, error="CALL_INVALID_INPUT"))
    return cases


# ---------------------------------------------------------------- SLA

def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(WIB)


def due(start, days):
    day = add_working_days(instant(start).date(), days)
    return "%sT23:59:59+07:00" % day.isoformat()


def sla_cases():
    cases = []
    starts = [("2026-11-27T16:00:00+07:00", "Friday afternoon"), ("2026-11-28T09:00:00+07:00", "Saturday: counting starts Monday"),
              ("2026-11-27T17:30:00Z", "17:30 UTC on Friday is Saturday 00:30 WIB"), ("2026-11-27T16:59:59Z", "16:59:59 UTC is Friday 23:59:59 WIB"),
              ("2025-03-27T10:00:00+07:00", "before Idul Fitri 2025"), ("2026-12-23T08:00:00+07:00", "before Christmas and New Year"),
              ("2024-08-16T12:00:00+07:00", "before Independence Day")]
    for code, policy in POLICIES.items():
        for start, what in starts:
            history = [{"kind": {"type": "submit"}, "actor": "reporter", "at": start}]
            started = instant(start).isoformat()
            deadlines = [{"kind": "verify", "started_at": started, "due": due(start, policy["verify_days"]), "stopped_at": None, "outcome": "pending"},
                         {"kind": "resolution", "started_at": started, "due": due(start, policy["resolution_days"]), "stopped_at": None,
                          "outcome": "pending"}]
            cases.append(case("sla-%s-%s" % (code.lower().replace("_", "-"), start.replace(":", "").replace("+", "p")), "%s: verify within %d and resolve within %d working days; submitted %s" % (
                code, policy["verify_days"], policy["resolution_days"], what),
                {"history": history, "sla_policy": code, "at": start}, ok={"state": "diterima", "deadlines": deadlines}))
    cases.append(case("sla-unknown-policy", "Malformed request: an unknown SLA policy",
                      {"history": [], "sla_policy": "KILAT", "at": "2026-11-27T16:00:00+07:00"}, error="CALL_INVALID_INPUT"))
    cases.append(case("sla-beyond-calendar", "a deadline after 2027 cannot be counted",
                      {"history": [{"kind": {"type": "submit"}, "actor": "reporter", "at": "2027-12-30T10:00:00+07:00"}],
                       "sla_policy": "NORMATIF", "at": "2027-12-30T10:00:00+07:00"}, error="CALENDAR_RESULT_OUT_OF_RANGE"))
    return cases


# ---------------------------------------------------------------- apply (guards)

def ev(kind, actor, at, note=None, **fields):
    e = {"kind": dict({"type": kind}, **fields), "actor": actor, "at": at}
    if note is not None:
        e["note"] = note
    return e


def apply_cases():
    submitted = [ev("submit", "reporter", "2026-11-02T09:00:00+07:00")]
    verified = submitted + [ev("verify", "verifier", "2026-11-02T10:00:00+07:00")]
    assigned = verified + [ev("assign", "verifier", "2026-11-02T11:00:00+07:00", opd="DPUPR")]
    followed = assigned + [ev("follow_up", "opd_officer", "2026-11-03T09:00:00+07:00", note="Sudah ditambal")]
    closed = followed + [ev("confirm", "reporter", "2026-11-04T09:00:00+07:00")]
    silence = POLICIES["NORMATIF"]["auto_close_days"]
    window = POLICIES["NORMATIF"]["reopen_window_days"]
    auto_close_from = add_working_days(datetime.date(2026, 11, 3), silence)
    reopen_until = add_working_days(datetime.date(2026, 11, 4), window)
    cases = []

    def add(case_id, what, history, e, ok=None, error=None):
        input_ = {"history": history, "event": e, "sla_policy": "NORMATIF"}
        cases.append(case("apply-" + case_id, what, input_, ok=ok, error=error))

    add("submit", "the first event", [], ev("submit", "reporter", "2026-11-02T09:00:00+07:00"), ok={"state": "diterima"})
    add("verify", "verification", submitted, ev("verify", "verifier", "2026-11-02T10:00:00+07:00"), ok={"state": "terverifikasi"})
    add("assign", "assignment records the OPD", verified, ev("assign", "verifier", "2026-11-02T11:00:00+07:00", opd="DPUPR"),
        ok={"state": "didisposisikan", "opd": "DPUPR"})
    add("reroute", "re-routing to another OPD keeps the history", assigned,
        ev("assign", "verifier", "2026-11-02T12:00:00+07:00", opd="DLH_PERKIM"), ok={"state": "didisposisikan", "opd": "DLH_PERKIM"})
    add("same-agency", "re-routing to the OPD that has it", assigned, ev("assign", "verifier", "2026-11-02T12:00:00+07:00", opd="DPUPR"),
        error="COMPLAINT_SAME_AGENCY")
    add("unknown-agency", "an agency outside the directory", verified, ev("assign", "verifier", "2026-11-02T11:00:00+07:00", opd="DINAS_X"),
        error="COMPLAINT_UNKNOWN_AGENCY")
    add("forward", "not this government's authority: forwarded, with who is responsible", assigned,
        ev("not_authority", "opd_officer", "2026-11-02T12:00:00+07:00", note="Jalan nasional", forward_to="BBPJN_JATIM"),
        ok={"state": "bukan_wewenang", "forwarded_to": "BBPJN_JATIM"})
    add("out-of-order", "an event earlier than the previous one", submitted, ev("verify", "verifier", "2026-11-02T08:59:59+07:00"),
        error="COMPLAINT_EVENT_OUT_OF_ORDER")
    for kind, history, actor, extra in [("request_info", submitted, "verifier", {}), ("reject", submitted, "verifier", {}),
                                        ("follow_up", assigned, "opd_officer", {}), ("dispute", followed, "reporter", {}),
                                        ("reopen", closed, "reporter", {}),
                                        ("not_authority", assigned, "verifier", {"forward_to": "PLN"})]:
        add("%s-without-note" % kind, "%s needs a note" % kind, history, ev(kind, actor, "2026-11-05T09:00:00+07:00", **extra),
            error="COMPLAINT_NOTE_REQUIRED")
    add("request-info", "asking the reporter for data", submitted, ev("request_info", "verifier", "2026-11-02T10:00:00+07:00", note="Mohon foto"),
        ok={"state": "ditunda"})
    add("note-max", "a note of 5000 characters", submitted, ev("request_info", "verifier", "2026-11-02T10:00:00+07:00", note="n" * 5000),
        ok={"state": "ditunda"})
    add("note-too-long", "a note of 5001 characters", submitted, ev("request_info", "verifier", "2026-11-02T10:00:00+07:00", note="n" * 5001),
        error="COMPLAINT_NOTE_TOO_LONG")
    add("auto-close-early", "auto-close the day after a follow-up", followed, ev("auto_close", "system", "2026-11-04T09:00:00+07:00"),
        error="COMPLAINT_AUTO_CLOSE_TOO_EARLY")
    late = (auto_close_from + datetime.timedelta(days=1)).isoformat() + "T00:00:01+07:00"
    add("auto-close-after-silence", "auto-close after %d working days of silence (from %s)" % (silence, auto_close_from), followed,
        ev("auto_close", "system", late), ok={"state": "selesai"})
    add("reopen-within-window", "reopen the next day", closed, ev("reopen", "reporter", "2026-11-05T09:00:00+07:00", note="Belum beres"),
        ok={"state": "didisposisikan"})
    too_late = (reopen_until + datetime.timedelta(days=1)).isoformat() + "T09:00:00+07:00"
    add("reopen-after-window", "reopen after the %d-working-day window (closed %s)" % (window, reopen_until), closed,
        ev("reopen", "reporter", too_late, note="Belum beres"), error="COMPLAINT_REOPEN_WINDOW_CLOSED")
    add("confirm-too-soon", "confirm is only possible after a follow-up", assigned, ev("confirm", "reporter", "2026-11-03T09:00:00+07:00"),
        error="COMPLAINT_TRANSITION_NOT_ALLOWED")
    add("wrong-actor", "the reporter cannot verify", submitted, ev("verify", "reporter", "2026-11-03T09:00:00+07:00"),
        error="COMPLAINT_ACTOR_NOT_ALLOWED")
    late_follow = [ev("submit", "reporter", "2027-12-20T09:00:00+07:00"), ev("verify", "verifier", "2027-12-20T10:00:00+07:00"),
                   ev("assign", "verifier", "2027-12-20T11:00:00+07:00", opd="DPUPR"),
                   ev("follow_up", "opd_officer", "2027-12-27T09:00:00+07:00", note="Dalam pengerjaan")]
    add("auto-close-beyond-calendar", "the silence period after 27 Dec 2027 runs past the loaded calendar", late_follow,
        ev("auto_close", "system", "2027-12-31T09:00:00+07:00"), error="COMPLAINT_CALENDAR_OUT_OF_RANGE")
    add("history-refused", "Malformed request: a history that the rules refuse", [ev("verify", "verifier", "2026-11-02T10:00:00+07:00")],
        ev("verify", "verifier", "2026-11-02T11:00:00+07:00"), error="CALL_INVALID_INPUT")
    return cases


# ---------------------------------------------------------------- search and duplicates

def search_cases():
    cases = []
    for text, code, what in [("Jalan berlubang depan pasar", "INFRA.JALAN", "docs/complaints.md example"),
                             ("mati lampu", "LISTRIK.PADAM", "docs/complaints.md example"),
                             ("air PDAM nggak ngalir", "AIR.MATI", "docs/complaints.md example (colloquial)")]:
        cases.append(case("search-" + code, "%s -> %s (%s)" % (text, code, what), {"text": text, "limit": 1}, ok={"hits": [{"code": code}]}))
    cases.append(case("search-nothing", "no keyword matches", {"text": "zzzz qqqq", "limit": 5}, ok={"hits": []}))
    cases.append(case("search-empty", "empty text", {"text": "", "limit": 5}, ok={"hits": []}))
    return cases


def metres_north(lat, metres):
    return lat + metres / 111_195.0


def duplicates_cases():
    lat, lon = -7.19, 113.24
    here = {"lat": lat, "lon": lon}
    radius = RULES["duplicate_radius_m"]
    existing = [
        {"id": "A-100m", "category": "INFRA.JALAN", "state": "didisposisikan", "location": {"lat": metres_north(lat, 100), "lon": lon}},
        {"id": "B-30m", "category": "INFRA.JALAN", "state": "diterima", "location": {"lat": metres_north(lat, -30), "lon": lon}},
        {"id": "C-400m", "category": "INFRA.JALAN", "state": "diterima", "location": {"lat": metres_north(lat, 400), "lon": lon}},
        {"id": "D-closed", "category": "INFRA.JALAN", "state": "selesai", "location": {"lat": metres_north(lat, 10), "lon": lon}},
        {"id": "E-other-category", "category": "INFRA.JEMBATAN", "state": "diterima", "location": here},
        {"id": "F-no-location", "category": "INFRA.JALAN", "state": "diterima"},
    ]
    cases = [case("duplicates-nearest-first", "same category, open, within %g m, nearest first" % radius,
                  {"category": "INFRA.JALAN", "location": here, "existing": existing},
                  ok={"suggestions": [{"id": "B-30m"}, {"id": "A-100m"}]}),
             case("duplicates-none", "nothing open nearby", {"category": "INFRA.JALAN", "location": here, "existing": existing[2:4]},
                  ok={"suggestions": []}),
             case("duplicates-other-category", "another category is no duplicate", {"category": "INFRA.JEMBATAN", "location": here,
                  "existing": existing[:4]}, ok={"suggestions": []})]
    many = [{"id": "N%02d" % i, "category": "LINGK", "state": "diterima", "location": {"lat": metres_north(lat, 10 * i + 5), "lon": lon}}
            for i in range(8)]
    cases.append(case("duplicates-at-most-5", "at most %d suggestions" % RULES["duplicate_max_results"],
                      {"category": "LINGK", "location": here, "existing": list(reversed(many))},
                      ok={"suggestions": [{"id": "N%02d" % i} for i in range(RULES["duplicate_max_results"])]}))
    cases.append(case("duplicates-closed-states", "closed reports (selesai, ditolak, duplikat, diarsipkan) are not suggested",
                      {"category": "LINGK", "location": here, "existing": [dict(many[0], id="X-" + s, state=s) for s in
                                                                           ("selesai", "ditolak", "duplikat", "diarsipkan")]},
                      ok={"suggestions": []}))
    return cases


def main():
    files = {
        "complaint/transition-table.json": render("complaint.lifecycle", "complaint.transition",
                                                  "Every state x event of the lifecycle table (docs/complaints.md): allowed moves, wrong actors, impossible events",
                                                  BASIS, transition_cases(), GENERATOR),
        "complaint/route.json": render("complaint.route", "complaint.route", "Every category of the Sampang taxonomy to its OPD, or forwarded (no wrong door)",
                                       BASIS + ["core/data/complaints/routing.json, opds.json"], route_cases(), GENERATOR),
        "complaint/validate-generated.json": render("complaint.draft", "complaint.validate",
                                                    "What a report must hold: one problem at a time at each limit of report_rules.json",
                                                    BASIS + ["core/data/complaints/report_rules.json"], validate_cases(), GENERATOR),
        "complaint/sla-generated.json": render("complaint.sla_deadlines", "complaint.sla",
                                               "Verify and resolution deadlines of every SLA policy: end of the n-th working day (WIB) after submission",
                                               BASIS + ["core/data/complaints/sla_policies.json"], sla_cases(), GENERATOR),
        "complaint/apply.json": render("complaint.apply", "complaint.apply",
                                       "The lifecycle guards: order of events, notes, agencies, auto-close and reopen windows",
                                       BASIS, apply_cases(), GENERATOR),
        "complaint/search.json": render("complaint.search", "complaint.search", "Suggesting a category from what the citizen types",
                                        BASIS, search_cases(), GENERATOR),
        "complaint/duplicates.json": render("complaint.duplicates", "complaint.duplicates",
                                            "Possible duplicates before submitting: same category, open, within 250 m, nearest first, at most 5",
                                            BASIS + ["mysociety/fixmystreet #1677, #1581, #2669"], duplicates_cases(), GENERATOR),
    }
    return write_all(files, "--check" in sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
