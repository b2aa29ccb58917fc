#!/usr/bin/env python3
"""Generates the per-tax vectors of tax.calculate and the due-date vectors of tax.due.

Expected amounts are computed here with exact fractions from the formulas and values of
spec/local-tax.md (UU 1/2022, PP 35/2023, the Kabupaten Sampang rule set and the HKPD
limits), rounded once per document half-up to Rp1. Working-day due dates are counted over the
holiday CSV core/data/holidays/id_holidays.csv (national holidays and cuti bersama are days
off; Saturday and Sunday too). Nothing here calls the SDK.

    python3 conformance/tools/generate_tax.py          # (re)write the files
    python3 conformance/tools/generate_tax.py --check  # fail if a file is stale
"""

import copy
import csv
import datetime
import json
import os
import sys
from fractions import Fraction as F

from common import ROOT, case, render, write_all

GENERATOR = "conformance/tools/generate_tax.py"

# Kabupaten Sampang rule set (spec/local-tax.md, "Kabupaten Sampang rule set"): Perda 3/2025
# for PBB-P2 (0.1%, food-production land 0.09%), HKPD placeholders for the rest.
SAMPANG = {
    "pbb_rate": F(1, 1000), "pbb_food_rate": F(9, 10000), "njoptkp": 10_000_000, "p": F(1),
    "bphtb_rate": F(5, 100), "npoptkp_first": 80_000_000, "npoptkp_inheritance": 300_000_000,
    "mbr_single": 7_500_000, "mbr_married": 10_000_000,
    "pbjt": F(10, 100), "electricity_industry": F(3, 100), "electricity_self": F(15, 1000),
    "entertainment_special": F(40, 100),
    "reklame": F(25, 100), "air_tanah": F(20, 100), "mblb": F(20, 100), "opsen_mblb": F(25, 100),
    "walet": F(10, 100), "opsen": F(66, 100), "pkb_rate": F(12, 1000), "bbnkb_rate": F(12, 100),
}
# The HKPD limits: every rate at its maximum, every threshold at its minimum (UU 1/2022).
HKPD = dict(SAMPANG, pbb_rate=F(5, 1000), entertainment_special=F(75, 100))

SANCTION_RATES = {  # PP 35/2023, per month
    "late_payment": F(1, 100), "own_correction": F(1, 100), "decision_unpaid": F(6, 1000),
    "retribusi": F(1, 100), "deferment": F(6, 1000),
}
MAX_MONTHS = 24

BASIS = {
    "pbb_p2": ["UU 1/2022 Pasal 38-43", "Perda Kab. Sampang 3/2025 (tarif PBB-P2)"],
    "bphtb": ["UU 1/2022 Pasal 44-49", "Perbup Sampang 40/2024 (MBR)"],
    "pbjt": ["UU 1/2022 Pasal 50-59"],
    "reklame": ["UU 1/2022 Pasal 60-64"],
    "air_tanah": ["UU 1/2022 Pasal 65-69"],
    "mblb": ["UU 1/2022 Pasal 70-74", "PP 35/2023 Penjelasan Pasal 107(4) (opsen MBLB)"],
    "walet": ["UU 1/2022 Pasal 75-79"],
    "opsen": ["UU 1/2022 Pasal 83(1)", "UU 1/2022 Pasal 191 (in force 5 January 2025)"],
    "sanctions": ["PP 35/2023 Pasal 59(7), 71(4)-(5), 72(4), 77, 78, 91(3), 96, 103(9), 65(5)"],
    "due": ["UU 1/2022", "PP 35/2023 (due dates)", "SKB libur nasional dan cuti bersama 2024-2027"],
}


def exact(x):
    """An exact decimal as the shortest string ('1.5', '8400', '0.0009')."""
    assert x >= 0
    scale = 0
    while (x * 10 ** scale).denominator != 1:
        scale += 1
        assert scale < 30, x
    units = int(x * 10 ** scale)
    if scale == 0:
        return str(units)
    digits = str(units).rjust(scale + 1, "0")
    text = digits[:-scale] + "." + digits[-scale:]
    return text.rstrip("0").rstrip(".")


def half_up(x):
    return int((x + F(1, 2)) // 1)


def result(kind, total, rule_set="35.27-2025"):
    return {"kind": kind, "rule_set": rule_set, "amount": half_up(total), "exact_amount": exact(total)}


def dec(text):
    return F(text) if isinstance(text, str) else F(text)


def tax_case(kind, case_id, what, input_, total=None, error=None, region="35.27", source=None):
    request = {"kind": kind, "region": region, "input": input_}
    rule_set = "35.27-2025" if region == "35.27" else "HKPD-2024"
    if error is not None:
        return case(case_id, what, request, error=error, source=source)
    return case(case_id, what, request, ok=result(kind, total, rule_set), source=source)


# ---------------------------------------------------------------- PBB-P2

def pbb(rules, njop, food=False, njoptkp_applies=True):
    taxable = max(0, njop - rules["njoptkp"]) if njoptkp_applies else njop
    rate = rules["pbb_food_rate"] if food else rules["pbb_rate"]
    return rate * rules["p"] * taxable


def pbb_cases():
    cases = []
    s = SAMPANG
    for njop, what in [
        (0, "NJOP 0"), (5_000_000, "below NJOPTKP"), (10_000_000, "NJOP equal to NJOPTKP owes nothing"),
        (10_000_001, "Rp1 above NJOPTKP: exact 0.001, rounds to 0"),
        (10_000_499, "exact 0.499 rounds down"), (10_000_500, "exact 0.5 rounds half up to 1"),
        (10_001_500, "exact 1.5 rounds to 2"), (11_000_000, "Rp1 jt above NJOPTKP"),
        (100_000_000, "NJOP Rp100 jt"), (200_000_000, "NJOP Rp200 jt"),
        (1_000_000_000, "NJOP Rp1 miliar (no tiers in Sampang)"), (1_000_000_001, "just above Rp1 miliar"),
        (25_000_000_000, "NJOP Rp25 miliar"), (123_456_789, "an uneven NJOP"),
    ]:
        cases.append(tax_case("pbb_p2", "pbb-njop-%d" % njop, "0.1% x (NJOP - NJOPTKP Rp10 jt): " + what,
                              {"tax_year": 2025, "land_njop": njop}, pbb(s, njop)))
    for njop, what in [(200_000_000, "food-production land at 0.09%"), (10_000_001, "food land, exact 0.0009"),
                       (15_555_556, "food land, exact 5000.0004")]:
        cases.append(tax_case("pbb_p2", "pbb-food-%d" % njop, what,
                              {"tax_year": 2025, "land_njop": njop, "food_or_livestock_land": True}, pbb(s, njop, food=True)))
    for njop in (1_500, 10_000_000, 50_000_000):
        cases.append(tax_case("pbb_p2", "pbb-no-njoptkp-%d" % njop,
                              "NJOPTKP once per taxpayer per year: another object of the taxpayer gets none",
                              {"tax_year": 2025, "land_njop": njop, "njoptkp_applies": False}, pbb(s, njop, njoptkp_applies=False)))
    for land_area, land_price, building_area, building_price in [
        (200, 500_000, 100, 1_000_000), (1234, 56_789, 0, 0), (90, 335_000, 36, 1_200_000), (5000, 14_000, None, None),
    ]:
        input_ = {"tax_year": 2026, "land_area_m2": land_area, "land_njop_per_m2": land_price}
        njop = land_area * land_price
        if building_area is not None:
            input_.update(building_area_m2=building_area, building_njop_per_m2=building_price)
            njop += building_area * building_price
        cases.append(tax_case("pbb_p2", "pbb-areas-%d-%d" % (land_area, building_area or 0),
                              "NJOP = land area x NJOP/m2 + building area x NJOP/m2 = %d" % njop, input_, pbb(s, njop)))
    cases.append(tax_case("pbb_p2", "pbb-land-and-building-totals", "NJOP given as land and building totals",
                          {"tax_year": 2025, "land_njop": 150_000_000, "building_njop": 75_000_000}, pbb(s, 225_000_000)))
    cases.append(tax_case("pbb_p2", "pbb-hkpd-maximum", "The HKPD maximum rate 0.5% (UU 1/2022 Pasal 41)",
                          {"tax_year": 2025, "land_njop": 200_000_000}, pbb(HKPD, 200_000_000), region="HKPD"))
    for case_id, input_, error, what in [
        ("pbb-tax-year-2024", {"tax_year": 2024, "land_njop": 100_000_000}, "TAX_RULESET_NOT_IN_FORCE",
         "the Sampang rule set starts 1 January 2025"),
        ("pbb-negative-njop", {"tax_year": 2025, "land_njop": -1}, "TAX_NEGATIVE_AMOUNT", "a negative NJOP"),
        ("pbb-negative-area", {"tax_year": 2025, "land_area_m2": -5, "land_njop_per_m2": 100_000}, "TAX_NEGATIVE_AREA", "a negative area"),
        ("pbb-total-and-area", {"tax_year": 2025, "land_njop": 1, "land_area_m2": 1, "land_njop_per_m2": 1}, "TAX_INVALID_INPUT",
         "both a land total and an area: contradictory"),
        ("pbb-float-njop", {"tax_year": 2025, "land_njop": 1.5}, "TAX_INVALID_INPUT", "money is whole rupiah, never a float"),
        ("pbb-unknown-field", {"tax_year": 2025, "land_njop": 1, "njop_total": 1}, "TAX_INVALID_INPUT", "an unknown field"),
    ]:
        cases.append(tax_case("pbb_p2", case_id, what, input_, error=error))
    return cases


# ---------------------------------------------------------------- BPHTB

def bphtb(rules, value, njop, acquisition, first, direct=False):
    npop = njop if value is None else max(value, njop)
    if acquisition in ("inheritance", "hibah_wasiat") and direct:
        npoptkp = rules["npoptkp_inheritance"]
    elif first:
        npoptkp = rules["npoptkp_first"]
    else:
        npoptkp = 0
    return rules["bphtb_rate"] * max(0, npop - npoptkp)


def bphtb_cases():
    cases = []
    s = SAMPANG
    for value, njop, acquisition, first, direct, what in [
        (500_000_000, 400_000_000, "sale", True, False, "sale, first acquisition: NPOPTKP Rp80 jt"),
        (500_000_000, 400_000_000, "sale", False, False, "not the first acquisition in the region: no NPOPTKP"),
        (200_000_000, 300_000_000, "sale", True, False, "price below the NJOP: the NJOP is used"),
        (None, 300_000_000, "other", True, False, "value unknown: the NJOP is used"),
        (500_000_000, 400_000_000, "inheritance", True, True, "inheritance to direct family: NPOPTKP Rp300 jt"),
        (500_000_000, 400_000_000, "hibah_wasiat", False, True, "hibah wasiat to direct family: Rp300 jt"),
        (500_000_000, 400_000_000, "inheritance", True, False, "inheritance outside direct family, first: Rp80 jt"),
        (500_000_000, 400_000_000, "inheritance", False, False, "inheritance outside direct family, not first: none"),
        (500_000_000, 400_000_000, "sale", True, True, "direct family does not matter for a sale: Rp80 jt"),
        (750_000_000, 700_000_000, "auction", True, False, "auction value"),
        (80_000_000, 50_000_000, "sale", True, False, "NPOP equal to NPOPTKP: nothing"),
        (80_000_001, 50_000_000, "sale", True, False, "Rp1 above NPOPTKP: exact 0.05"),
        (80_000_010, 50_000_000, "sale", True, False, "Rp10 above NPOPTKP: exact 0.5 rounds to 1"),
        (300_000_000, 100_000_000, "inheritance", False, True, "inheritance at exactly Rp300 jt: nothing"),
        (1_234_567_891, 1_000_000_000, "sale", True, False, "an uneven price"),
        (0, 0, "sale", True, False, "nothing acquired"),
    ]:
        input_ = {"acquisition_date": "2025-07-01", "acquisition": acquisition, "acquisition_value": value,
                  "njop": njop, "first_acquisition_in_region": first}
        if direct:
            input_["direct_line_family"] = True
        cases.append(tax_case("bphtb", "bphtb-%s-%s-%s%s%s" % (acquisition, value, njop, "-first" if first else "", "-family" if direct else ""),
                              "5% x (max(value, NJOP) - NPOPTKP): " + what, input_,
                              bphtb(s, value, njop, acquisition, first, direct)))
    base = {"acquisition_date": "2025-07-01", "acquisition": "sale", "acquisition_value": 150_000_000,
            "njop": 120_000_000, "first_acquisition_in_region": True}
    for income, married, what in [
        (7_500_000, False, "single at the limit Rp7.5 jt: exempt"),
        (7_500_001, False, "single Rp1 above the limit: normal BPHTB"),
        (10_000_000, True, "married at the limit Rp10 jt: exempt"),
        (10_000_001, True, "married above the limit"),
        (8_000_000, True, "Rp8 jt married: within the married limit"),
        (0, False, "no income"),
    ]:
        exempt = income <= (s["mbr_married"] if married else s["mbr_single"])
        total = F(0) if exempt else bphtb(s, 150_000_000, 120_000_000, "sale", True)
        cases.append(tax_case("bphtb", "bphtb-mbr-%d-%s" % (income, "married" if married else "single"),
                              "MBR first home (Perbup Sampang 40/2024): " + what,
                              dict(base, mbr_first_home={"monthly_income": income, "married": married}), total))
    cases.append(tax_case("bphtb", "bphtb-hkpd-2024", "HKPD limits, acquisition in 2024",
                          dict(base, acquisition_date="2024-06-01"), bphtb(HKPD, 150_000_000, 120_000_000, "sale", True), region="HKPD"))
    for case_id, input_, region, error, what in [
        ("bphtb-hkpd-mbr", dict(base, mbr_first_home={"monthly_income": 1, "married": False}), "HKPD", "TAX_NOT_IN_RULESET",
         "the HKPD limits have no MBR exemption"),
        ("bphtb-2024-sampang", dict(base, acquisition_date="2024-12-31"), "35.27", "TAX_RULESET_NOT_IN_FORCE",
         "acquired before the Sampang rule set"),
        ("bphtb-2024-hkpd-before-in-force", dict(base, acquisition_date="2024-01-04"), "HKPD", "TAX_RULESET_NOT_IN_FORCE",
         "before UU 1/2022's taxes took effect (5 January 2024)"),
        ("bphtb-negative-njop", dict(base, njop=-1), "35.27", "TAX_NEGATIVE_AMOUNT", "a negative NJOP"),
        ("bphtb-negative-value", dict(base, acquisition_value=-1), "35.27", "TAX_NEGATIVE_AMOUNT", "a negative value"),
        ("bphtb-negative-income", dict(base, mbr_first_home={"monthly_income": -1, "married": False}), "35.27",
         "TAX_NEGATIVE_AMOUNT", "a negative income"),
        ("bphtb-unknown-acquisition", dict(base, acquisition="gift"), "35.27", "TAX_INVALID_INPUT", "an unknown kind of acquisition"),
        ("bphtb-missing-njop", {k: v for k, v in base.items() if k != "njop"}, "35.27", "TAX_INVALID_INPUT", "the NJOP is required"),
    ]:
        cases.append(tax_case("bphtb", case_id, what, input_, region=region, error=error))
    return cases


# ---------------------------------------------------------------- PBJT

def pct(text):
    assert text.endswith("%")
    return F(text[:-1]) / 100


def pbjt(rules, sub_type, price, discount="0%", service="0%", on="discounted", use="general", special=False):
    discounted = price * (1 - pct(discount))
    base = discounted + pct(service) * (price if on == "undiscounted" else discounted)
    rate = rules["pbjt"]
    if sub_type == "tenaga_listrik" and use == "industry_from_other_source":
        rate = rules["electricity_industry"]
    elif sub_type == "tenaga_listrik" and use == "self_generated":
        rate = rules["electricity_self"]
    elif sub_type == "kesenian_hiburan" and special:
        rate = rules["entertainment_special"]
    return base * rate


def pbjt_cases():
    cases = []
    s = SAMPANG
    dki = {"date": "2025-05-01", "sub_type": "makanan_minuman", "price": 100_000, "discount": "20%", "service_charge": "5%"}
    cases.append(tax_case("pbjt", "pbjt-dki-discounted", "Bapenda DKI: 20% discount, 5% service on the discounted price: base 84,000",
                          dki, pbjt(s, "makanan_minuman", 100_000, "20%", "5%"), source="spec/local-tax.md PBJT makanan/minuman (Bapenda DKI worked example)"))
    cases.append(tax_case("pbjt", "pbjt-dki-undiscounted", "Bapenda DKI: service on the undiscounted price: base 85,000",
                          dict(dki, service_charge_on="undiscounted"), pbjt(s, "makanan_minuman", 100_000, "20%", "5%", "undiscounted"),
                          source="spec/local-tax.md PBJT makanan/minuman (Bapenda DKI worked example)"))
    for sub_type in ("makanan_minuman", "tenaga_listrik", "jasa_perhotelan", "jasa_parkir", "kesenian_hiburan"):
        for price in (100_000, 1_234_567, 2_005, 2_004, 0):
            cases.append(tax_case("pbjt", "pbjt-%s-%d" % (sub_type, price), "%s at 10%%, price %d" % (sub_type, price),
                                  {"date": "2025-05-01", "sub_type": sub_type, "price": price}, pbjt(s, sub_type, price)))
    for use, what in [("industry_from_other_source", "industry buying electricity: 3%"), ("self_generated", "self-generated electricity: 1.5%"),
                      ("general", "general use: 10%")]:
        for price in (1_000_000, 333_333):
            cases.append(tax_case("pbjt", "pbjt-listrik-%s-%d" % (use, price), what,
                                  {"date": "2025-05-01", "sub_type": "tenaga_listrik", "price": price, "electricity_use": use},
                                  pbjt(s, "tenaga_listrik", price, use=use)))
    for price in (250_000, 99_999):
        cases.append(tax_case("pbjt", "pbjt-hiburan-khusus-%d" % price, "discotheque/karaoke/spa: at least 40% (Sampang placeholder 40%)",
                              {"date": "2025-05-01", "sub_type": "kesenian_hiburan", "price": price, "special_entertainment": True},
                              pbjt(s, "kesenian_hiburan", price, special=True)))
    cases.append(tax_case("pbjt", "pbjt-hiburan-khusus-hkpd", "HKPD maximum for special entertainment: 75%",
                          {"date": "2025-05-01", "sub_type": "kesenian_hiburan", "price": 250_000, "special_entertainment": True},
                          pbjt(HKPD, "kesenian_hiburan", 250_000, special=True), region="HKPD"))
    for discount, service, on in [("100%", "0%", "discounted"), ("100%", "10%", "undiscounted"), ("12.5%", "7.5%", "discounted"),
                                  ("0%", "5%", "discounted"), ("33%", "0%", "discounted")]:
        cases.append(tax_case("pbjt", "pbjt-discount-%s-service-%s-%s" % (discount.replace("%", "pct"), service.replace("%", "pct"), on),
                              "discount %s, service %s on the %s price" % (discount, service, on),
                              {"date": "2025-05-01", "sub_type": "jasa_perhotelan", "price": 850_000, "discount": discount,
                               "service_charge": service, "service_charge_on": on},
                              pbjt(s, "jasa_perhotelan", 850_000, discount, service, on)))
    for case_id, input_, error, what in [
        ("pbjt-discount-above-100", {"discount": "101%"}, "TAX_RATE_ABOVE_MAXIMUM", "a discount above 100%"),
        ("pbjt-rate-without-percent", {"discount": "0.1"}, "TAX_INVALID_INPUT", "rates are written with %: '0.1' is ambiguous"),
        ("pbjt-float-price", {"price": 1.5}, "TAX_INVALID_INPUT", "money is whole rupiah"),
        ("pbjt-negative-price", {"price": -100}, "TAX_NEGATIVE_AMOUNT", "a negative price"),
        ("pbjt-unknown-sub-type", {"sub_type": "jasa_salon"}, "TAX_INVALID_INPUT", "an unknown PBJT type"),
        ("pbjt-2024", {"date": "2024-12-31"}, "TAX_RULESET_NOT_IN_FORCE", "before the Sampang rule set"),
    ]:
        cases.append(tax_case("pbjt", case_id, what, dict({"date": "2025-05-01", "sub_type": "makanan_minuman", "price": 100_000}, **input_),
                              error=error))
    return cases


# ---------------------------------------------------------------- reklame, air tanah, MBLB, walet

def simple_cases():
    s = SAMPANG
    out = {"reklame": [], "air_tanah": [], "mblb": [], "walet": []}
    r = out["reklame"]
    r.append(tax_case("reklame", "reklame-spec-2x4-30", "2 m x 4 m, 30 days, NSR Rp125,000/m2/day: NSR 30,000,000, tax 7,500,000",
                      {"date": "2025-06-01", "width_m": 2, "height_m": 4, "duration_days": 30, "nsr_per_m2_per_day": 125_000},
                      s["reklame"] * 2 * 4 * 30 * 125_000, source="spec/local-tax.md Pajak Reklame example"))
    for w, h, days, unit in [("2.5", 4, 30, 125_000), ("0.5", "0.75", 7, 10_000), (1, 1, 1, 1), (1, 1, 1, 2), ("3.3", "1.1", 365, 9_999)]:
        nsr = dec(w) * dec(h) * days * unit
        r.append(tax_case("reklame", "reklame-%s-%s-%d-%d" % (w, h, days, unit), "25%% x %s m x %s m x %d days x Rp%d" % (w, h, days, unit),
                          {"date": "2025-06-01", "width_m": w, "height_m": h, "duration_days": days, "nsr_per_m2_per_day": unit},
                          s["reklame"] * nsr))
    for value in (10_000_000, 3, 2, 1):
        r.append(tax_case("reklame", "reklame-contract-%d" % value, "NSR from the contract value %d" % value,
                          {"date": "2025-06-01", "contract_value": value}, s["reklame"] * value))
    r.append(tax_case("reklame", "reklame-float-width", "sizes are integers or decimal strings, never JSON floats",
                      {"date": "2025-06-01", "width_m": 2.5, "height_m": 4, "duration_days": 30, "nsr_per_m2_per_day": 125_000},
                      error="TAX_INVALID_INPUT"))
    r.append(tax_case("reklame", "reklame-negative-width", "a negative width",
                      {"date": "2025-06-01", "width_m": "-2", "height_m": 4, "duration_days": 30, "nsr_per_m2_per_day": 125_000},
                      error="TAX_NEGATIVE_AREA"))
    r.append(tax_case("reklame", "reklame-negative-contract", "a negative contract value",
                      {"date": "2025-06-01", "contract_value": -1}, error="TAX_NEGATIVE_AMOUNT"))

    a = out["air_tanah"]
    for volume, price in [("1234.5", 3_000), (100, 2_500), ("0.001", 1_000), (0, 5_000), ("2.5", 1)]:
        a.append(tax_case("air_tanah", "air-tanah-%s-%d" % (volume, price), "20%% x %s m3 x Rp%d/m3" % (volume, price),
                          {"date": "2025-06-01", "volume_m3": volume, "price_per_m3": price}, s["air_tanah"] * dec(volume) * price))
    for value in (1_000_003, 5_000_000, 12):
        a.append(tax_case("air_tanah", "air-tanah-npa-%d" % value, "20%% of the nilai perolehan air %d" % value,
                          {"date": "2025-06-01", "nilai_perolehan_air": value}, s["air_tanah"] * value))
    a.append(tax_case("air_tanah", "air-tanah-negative-volume", "a negative volume",
                      {"date": "2025-06-01", "volume_m3": "-1", "price_per_m3": 3_000}, error="TAX_NEGATIVE_AREA"))

    m = out["mblb"]
    m.append(tax_case("mblb", "mblb-spec-pp35-107-4", "Rp500 jt x 20% = 100 jt + opsen MBLB 25% = 25 jt: 125 jt",
                      {"date": "2025-03-31", "value": 500_000_000}, s["mblb"] * 500_000_000 * (1 + s["opsen_mblb"]),
                      source="PP 35/2023 Penjelasan Pasal 107(4)"))
    for value, what in [(1, "exact 0.25"), (2, "exact 0.5: rounded once for the document, to 1"),
                        (6, "tax 1.2 + opsen 0.3 = 1.5: rounded once, 2 (rounding each part would give 1)"),
                        (7, "1.4 + 0.35 = 1.75"), (1_000_001, "an uneven value")]:
        m.append(tax_case("mblb", "mblb-value-%d" % value, "MBLB + opsen, " + what,
                          {"date": "2025-06-01", "value": value}, s["mblb"] * value * (1 + s["opsen_mblb"])))
    for volume, price in [("12.5", 80_000), (1000, 45_000), ("0.3", 7)]:
        m.append(tax_case("mblb", "mblb-volume-%s-%d" % (volume, price), "volume %s x harga patokan %d, + opsen" % (volume, price),
                          {"date": "2025-06-01", "volume": volume, "harga_patokan": price},
                          s["mblb"] * dec(volume) * price * (1 + s["opsen_mblb"])))
    m.append(tax_case("mblb", "mblb-negative-value", "a negative value", {"date": "2025-06-01", "value": -5}, error="TAX_NEGATIVE_AMOUNT"))

    w = out["walet"]
    for volume, price in [("2.5", 10_000_000), (1, 15), ("0.125", 8_000_000)]:
        w.append(tax_case("walet", "walet-%s-%d" % (volume, price), "10%% x %s kg x Rp%d/kg" % (volume, price),
                          {"date": "2025-06-01", "volume_kg": volume, "market_price_per_kg": price}, s["walet"] * dec(volume) * price))
    for value in (15, 14, 25_000_000):
        w.append(tax_case("walet", "walet-value-%d" % value, "10%% of the market value %d" % value,
                          {"date": "2025-06-01", "market_value": value}, s["walet"] * value))
    w.append(tax_case("walet", "walet-negative-volume", "a negative volume",
                      {"date": "2025-06-01", "volume_kg": "-0.5", "market_price_per_kg": 1}, error="TAX_NEGATIVE_AREA"))
    return out


# ---------------------------------------------------------------- opsen PKB / BBNKB

def opsen_cases():
    s = SAMPANG
    cases = []
    for kind, base, rate, source, what in [
        ("opsen_bbnkb", 300_000_000, "8%", "PP 35/2023 opsen example (BBNKB)", "BBNKB 24,000,000 + opsen 15,840,000"),
        ("opsen_pkb", 300_000_000, "1%", "PP 35/2023 opsen example (PKB)", "PKB 3,000,000 + opsen 1,980,000"),
    ]:
        tax = base * pct(rate)
        cases.append(tax_case(kind, kind + "-pp35-example", what, {"date": "2025-02-01", "base": base, "provincial_rate": rate},
                              tax * (1 + s["opsen"]), source=source))
    for kind, default in [("opsen_pkb", s["pkb_rate"]), ("opsen_bbnkb", s["bbnkb_rate"])]:
        for base in (100_000_000, 12_345_678, 1):
            cases.append(tax_case(kind, "%s-default-rate-%d" % (kind, base), "Jawa Timur's rate (PKB 1.2%%, BBNKB 12%%) on base %d, + 66%% opsen" % base,
                                  {"date": "2025-06-01", "base": base}, base * default * (1 + s["opsen"])))
        for owed in (3_000_000, 1, 1_234_567):
            cases.append(tax_case(kind, "%s-owed-%d" % (kind, owed), "the province's tax owed %d + 66%% opsen" % owed,
                                  {"date": "2025-06-01", "provincial_tax_owed": owed}, owed * (1 + s["opsen"])))
        cases.append(tax_case(kind, kind + "-first-day", "in force from 5 January 2025",
                              {"date": "2025-01-05", "provincial_tax_owed": 1_000_000}, 1_000_000 * (1 + s["opsen"])))
        cases.append(tax_case(kind, kind + "-day-before", "4 January 2025: the opsen did not exist yet",
                              {"date": "2025-01-04", "provincial_tax_owed": 1_000_000}, error="TAX_NOT_YET_IN_FORCE", region="HKPD"))
        cases.append(tax_case(kind, kind + "-negative", "a negative tax owed",
                              {"date": "2025-06-01", "provincial_tax_owed": -1}, error="TAX_NEGATIVE_AMOUNT"))
    cases.append(tax_case("opsen_pkb", "opsen_pkb-rate-6", "PKB at the maximum 6% (progressive)",
                          {"date": "2025-06-01", "base": 200_000_000, "provincial_rate": "6%"}, 200_000_000 * pct("6%") * (1 + s["opsen"])))
    cases.append(tax_case("opsen_pkb", "opsen_pkb-rate-above-6", "PKB above 6%",
                          {"date": "2025-06-01", "base": 200_000_000, "provincial_rate": "6.01%"}, error="TAX_RATE_ABOVE_MAXIMUM"))
    cases.append(tax_case("opsen_bbnkb", "opsen_bbnkb-rate-above-12", "BBNKB above 12%",
                          {"date": "2025-06-01", "base": 200_000_000, "provincial_rate": "12.5%"}, error="TAX_RATE_ABOVE_MAXIMUM"))
    return cases


# ---------------------------------------------------------------- sanctions

def add_months(d, n):
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    month += 1
    last = (datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(d.day, last))


def months_started(start, end):
    """'Bagian dari bulan dihitung satu bulan': the smallest n with start + n months >= end."""
    n = 0
    while add_months(start, n) < end:
        n += 1
    return n


def sanction_cases():
    cases = []
    day = datetime.date.fromisoformat
    for principal, due, paid, basis, what in [
        (1_000_000, "2025-08-31", "2025-10-01", "late_payment", "due 31 Aug, paid 1 Oct: 2 months"),
        (1_000_000, "2025-01-10", "2025-01-10", "late_payment", "paid on the due date: nothing"),
        (1_000_000, "2025-01-10", "2025-01-05", "late_payment", "paid early: nothing"),
        (1_000_000, "2025-01-10", "2025-01-11", "late_payment", "one day late: a started month counts in full"),
        (1_000_000, "2025-01-10", "2025-02-10", "late_payment", "exactly one month"),
        (1_000_000, "2025-01-10", "2025-02-11", "late_payment", "one month and one day: 2 months"),
        (1_000_000, "2025-01-30", "2025-02-28", "late_payment", "30 Jan + 1 month ends on 28 Feb: 1 month"),
        (1_000_000, "2025-01-30", "2025-03-01", "late_payment", "paid 1 March: 2 months"),
        (1_000_000, "2025-01-10", "2027-01-10", "late_payment", "exactly 24 months"),
        (1_000_000, "2025-01-10", "2027-01-11", "late_payment", "24 months and a day: capped at 24"),
        (1_000_000, "2025-01-10", "2027-11-30", "late_payment", "far beyond: capped at 24"),
        (1_234_567, "2025-03-31", "2025-06-15", "late_payment", "an uneven principal: exact 37037.01"),
        (1_000_000, "2025-01-10", "2025-04-01", "own_correction", "own correction of an SPTPD: 1%"),
        (1_000_000, "2025-01-10", "2025-04-01", "decision_unpaid", "unpaid decision: 0.6%"),
        (1_000_000, "2025-01-10", "2025-04-01", "retribusi", "late retribusi: 1%"),
        (1_000_000, "2025-01-10", "2025-04-01", "deferment", "deferment: 0.6% like an instalment"),
        (999, "2025-01-10", "2025-03-01", "decision_unpaid", "0.6% x 999 x 2 = 11.988"),
        (1_750, "2025-01-10", "2025-02-01", "deferment", "0.6% x 1750 = 10.5: half up"),
    ]:
        months = min(months_started(day(due), day(paid)), MAX_MONTHS)
        input_ = {"principal": principal, "due_date": due, "payment_date": paid}
        if basis != "late_payment":
            input_["basis"] = basis
        cases.append(tax_case("late_interest", "interest-%s-%s-%s-%d" % (basis, due, paid, principal),
                              "%s x %s%% x %d months: %s" % (principal, exact(SANCTION_RATES[basis] * 100), months, what),
                              input_, principal * SANCTION_RATES[basis] * months))
    cases.append(tax_case("late_interest", "interest-negative-principal", "a negative principal",
                          {"principal": -1, "due_date": "2025-01-10", "payment_date": "2025-02-10"}, error="TAX_NEGATIVE_AMOUNT"))
    cases.append(tax_case("late_interest", "interest-unknown-basis", "an unknown basis",
                          {"principal": 1, "due_date": "2025-01-10", "payment_date": "2025-02-10", "basis": "late"}, error="TAX_INVALID_INPUT"))

    def skpdkb(basis, pbjt, owed, paid, start, end):
        shortfall = owed - paid
        months = min(months_started(day(start), day(end)), MAX_MONTHS)
        rate = F(18, 1000) if basis == "audit" else F(22, 1000)
        surcharge = 0 if basis == "audit" else (F(50, 100) if pbjt else F(25, 100)) * shortfall
        return shortfall + shortfall * rate * months + surcharge

    args = ("ex_officio", True, 250_000_000, 100_000_000, "2025-01-31", "2025-04-21")
    cases.append(tax_case("skpdkb", "skpdkb-pp35-77-2", "PBJT masa Januari 2025, ex officio: 150 jt + 3 x 2.2% = 9.9 jt + 50% = 75 jt",
                          dict(zip(["basis", "tax_is_pbjt", "tax_owed", "tax_paid", "interest_from", "assessment_date"], args)),
                          skpdkb(*args), source="PP 35/2023 Penjelasan Pasal 77(2)"))
    for args, what in [
        (("audit", False, 10_000_000, 0, "2025-01-31", "2025-03-15"), "after audit: 1.8% a month, no surcharge"),
        (("audit", True, 10_000_000, 2_500_000, "2025-01-31", "2025-01-31"), "assessed on the start date: no interest"),
        (("ex_officio", False, 10_000_000, 0, "2025-01-31", "2025-02-28"), "ex officio, not PBJT: surcharge 25%"),
        (("ex_officio", True, 10_000_000, 0, "2025-01-31", "2027-06-30"), "interest capped at 24 months"),
        (("audit", False, 1_234_567, 1, "2025-05-31", "2025-07-01"), "uneven amounts"),
    ]:
        cases.append(tax_case("skpdkb", "skpdkb-%s-%s-%d-%s" % (args[0], "pbjt" if args[1] else "other", args[2], args[5]), what,
                              dict(zip(["basis", "tax_is_pbjt", "tax_owed", "tax_paid", "interest_from", "assessment_date"], args)),
                              skpdkb(*args)))
    for owed, paid in [(20_000_000, 0), (20_000_000, 5_000_000), (1, 0), (10_000_000, 10_000_000), (1_234_567, 234_567)]:
        cases.append(tax_case("skpdkbt", "skpdkbt-%d-%d" % (owed, paid), "SKPDKBT: the new shortfall + 100% surcharge",
                              {"tax_owed": owed, "tax_paid": paid, "assessment_date": "2025-09-01"}, F(2) * (owed - paid)))
    cases.append(tax_case("skpdkbt", "skpdkbt-negative", "a negative amount owed",
                          {"tax_owed": -1, "tax_paid": 0, "assessment_date": "2025-09-01"}, error="TAX_NEGATIVE_AMOUNT"))
    cases.append(tax_case("skpdkbt", "skpdkbt-2024", "assessed before the Sampang rule set",
                          {"tax_owed": 1, "tax_paid": 0, "assessment_date": "2024-09-01"}, error="TAX_RULESET_NOT_IN_FORCE"))
    for stage, outcome, decided, paid in [
        ("objection", "rejected", 10_000_000, 4_000_000), ("appeal", "rejected", 10_000_000, 4_000_000),
        ("objection", "granted", 10_000_000, 4_000_000), ("appeal", "granted", 10_000_000, 0),
        ("objection", "rejected", 1_000_001, 0),
    ]:
        rate = F(0) if outcome == "granted" else (F(30, 100) if stage == "objection" else F(60, 100))
        cases.append(tax_case("dispute_fine", "dispute-%s-%s-%d-%d" % (stage, outcome, decided, paid),
                              "%s %s: fine %s%% x (tax per decision - paid before)" % (stage, outcome, exact(rate * 100)),
                              {"stage": stage, "outcome": outcome, "tax_per_decision": decided, "paid_before_objection": paid,
                               "decision_date": "2025-10-01"}, rate * (decided - paid)))
    for principal, n, source in [(100_000_000, 4, "PP 35/2023 Penjelasan Pasal 103"), (12_000_000, 3, None), (24_000_000, 24, None),
                                 (10_000_000, 1, None), (1_000_000, 8, None)]:
        # 0.6% a month on the unpaid balance before each equal instalment.
        total = sum(F(6, 1000) * F(principal) * (n - i) / n for i in range(n))
        cases.append(tax_case("instalment", "instalment-%d-x%d" % (principal, n), "%d in %d instalments: 0.6%% of the balance each month" % (principal, n),
                              {"principal": principal, "instalments": n, "decision_date": "2025-03-01"}, total, source=source))
    cases.append(tax_case("instalment", "instalment-25", "at most 24 instalments",
                          {"principal": 25_000_000, "instalments": 25, "decision_date": "2025-03-01"}, error="TAX_VALUE_ABOVE_MAXIMUM"))
    return cases


# ---------------------------------------------------------------- due dates

def holidays():
    with open(os.path.join(ROOT, "core", "data", "holidays", "id_holidays.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {datetime.date.fromisoformat(r["date"]) for r in rows}, {int(r["date"][:4]) for r in rows}


def working_days_after(start, n):
    days_off, years = holidays()
    d, counted = start, 0
    while counted < n:
        d += datetime.timedelta(days=1)
        if d.year not in years:
            return None
        if d.weekday() < 5 and d not in days_off:
            counted += 1
    return d


def due_cases():
    cases = []
    for document, start, months in [("sppt", "2025-08-31", 6), ("sppt", "2025-01-31", 6), ("sppt", "2025-03-31", 6),
                                    ("sppt", "2025-06-15", 6), ("skpd", "2025-01-31", 1), ("skpd", "2025-03-31", 1),
                                    ("skpd", "2027-12-31", 1), ("objection", "2025-11-30", 3), ("objection", "2025-05-31", 3)]:
        name = "objection" if document == "objection" else "payment"
        date = add_months(datetime.date.fromisoformat(start), months)
        cases.append(case("due-%s-%s" % (document, start), "%s from %s: %d months, a shorter month ends on its last day" % (document, start, months),
                          {"region": "35.27", "document": document, "from": start},
                          ok=[{"name": name, "date": date.isoformat(), "period": months, "unit": "months"}]))
    for year in (2025, 2026, 2027):
        for month in range(1, 13):
            end = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
            pay, file_ = working_days_after(end, 10), working_days_after(end, 15)
            what = "masa %02d/%d: pay within 10 and file within 15 working days" % (month, year)
            if pay is None or file_ is None:
                cases.append(case("due-self-assessed-%s" % end.isoformat(), what + "; the holidays after 2027 are not loaded",
                                  {"region": "35.27", "document": "self_assessed", "from": end.isoformat()},
                                  error="TAX_WORKING_DAYS_UNAVAILABLE"))
                continue
            source = "spec/local-tax.md due dates; docs/tax.md (masa Maret 2025, Idul Fitri)" if end == datetime.date(2025, 3, 31) else None
            cases.append(case("due-self-assessed-%s" % end.isoformat(), what,
                              {"region": "35.27", "document": "self_assessed", "from": end.isoformat()},
                              ok=[{"name": "payment", "date": pay.isoformat(), "period": 10, "unit": "working_days"},
                                  {"name": "tax_return", "date": file_.isoformat(), "period": 15, "unit": "working_days"}],
                              source=source))
    cases.append(case("due-2024-sampang", "the Sampang rule set starts in 2025", {"region": "35.27", "document": "sppt", "from": "2024-12-31"},
                      error="TAX_RULESET_NOT_IN_FORCE"))
    cases.append(case("due-unknown-document", "an unknown document", {"region": "35.27", "document": "stpd", "from": "2025-01-31"},
                      error="CALL_INVALID_INPUT"))
    return cases


# ---------------------------------------------------------------- a regency's own rule set

def sourced(value, reference):
    return {"value": value, "reference": reference, "confidence": "medium"}


def sampang_rule_set():
    """The shipped Sampang rule set (core/data/tax), used only as a template to edit."""
    with open(os.path.join(ROOT, "core", "data", "tax", "35.27-2025.json"), encoding="utf-8") as f:
        return json.load(f)


def bangkalan():
    """Bangkalan Perda 1/2024 (spec/local-tax.md, M): 0.1% up to NJOP Rp1 miliar, 0.2% above;
    productive land 0.05% / 0.075%. Other values: the HKPD placeholders of the template."""
    rules = copy.deepcopy(sampang_rule_set())
    rules.update(id="35.26-2025", name="Kabupaten Bangkalan, Perda 1/2024 (conformance vector)", region="35.26",
                 effective_from="2025-01-01", effective_until=None)
    reference = "Perda Kab. Bangkalan 1/2024"
    rules["pbb_p2"]["tiers"] = [
        {"njop_up_to": 1_000_000_000, "rate": sourced("0.1%", reference), "food_livestock_rate": sourced("0.05%", reference),
         "assessment_ratio": sourced("100%", reference)},
        {"njop_up_to": None, "rate": sourced("0.2%", reference), "food_livestock_rate": sourced("0.075%", reference),
         "assessment_ratio": sourced("100%", reference)},
    ]
    rules["bphtb"]["mbr_exemption"] = None
    return rules


BANGKALAN_TIERS = [(1_000_000_000, F(1, 1000), F(5, 10000)), (None, F(2, 1000), F(75, 100000))]


def tiered_pbb(njop, food=False, minimum=None):
    for up_to, rate, food_rate in BANGKALAN_TIERS:
        if up_to is None or njop <= up_to:
            taxable = max(0, njop - 10_000_000)
            amount = (food_rate if food else rate) * taxable
            if minimum is not None and amount > 0:
                amount = max(amount, minimum)
            return amount
    raise AssertionError


def edited(path, value, base=None):
    """The Bangkalan set with one value changed; path like 'pbb_p2.tiers.0.rate.value'."""
    rules = copy.deepcopy(base or bangkalan())
    target = rules
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = keys[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return rules


def rule_set_cases():
    cases = []
    rules = bangkalan()

    def calc(case_id, what, input_, rule_set, total=None, error=None, kind="pbb_p2", region="35.26"):
        request = {"kind": kind, "region": region, "input": input_, "rule_set": rule_set}
        if error:
            cases.append(case(case_id, what, request, error=error))
        else:
            cases.append(case(case_id, what, request, ok=result(kind, total, rule_set["id"])))

    for njop, food, what in [
        (200_000_000, False, "first tier 0.1%"), (1_000_000_000, False, "NJOP exactly Rp1 miliar: still the first tier (up to, inclusive)"),
        (1_000_000_001, False, "Rp1 above Rp1 miliar: the whole object at 0.2%"), (5_000_000_000, False, "second tier"),
        (200_000_000, True, "productive land, first tier 0.05%"), (2_000_000_000, True, "productive land, second tier 0.075%"),
        (10_000_000, False, "at NJOPTKP: nothing"),
    ]:
        input_ = {"tax_year": 2025, "land_njop": njop}
        if food:
            input_["food_or_livestock_land"] = True
        calc("bangkalan-pbb-%d%s" % (njop, "-food" if food else ""), "Bangkalan NJOP tiers (a regency's own rule set): " + what,
             input_, rules, tiered_pbb(njop, food))
    with_minimum = edited("pbb_p2.minimum_bill", sourced(10_000, "SISMIOP practice (minimum bill)"))
    for njop in (15_000_000, 20_000_000, 30_000_000):
        calc("bangkalan-minimum-bill-%d" % njop, "minimum bill max(PBB, Rp10,000) for a taxable object", {"tax_year": 2025, "land_njop": njop},
             with_minimum, tiered_pbb(njop, minimum=10_000))
    calc("bangkalan-bphtb", "other taxes of the caller's rule set", {"acquisition_date": "2025-07-01", "acquisition": "sale",
         "acquisition_value": 500_000_000, "njop": 400_000_000, "first_acquisition_in_region": True}, rules,
         bphtb(SAMPANG, 500_000_000, 400_000_000, "sale", True), kind="bphtb")
    calc("bangkalan-before-effective", "the caller's rule set starts 1 January 2025", {"tax_year": 2024, "land_njop": 200_000_000},
         rules, error="TAX_RULESET_NOT_IN_FORCE")

    pbb_input = {"tax_year": 2025, "land_njop": 200_000_000}
    for case_id, path, value, error, what in [
        ("limit-pbb-rate", "pbb_p2.tiers.1.rate.value", "0.6%", "TAX_RATE_ABOVE_MAXIMUM", "PBB-P2 above 0.5% (UU 1/2022 Pasal 41(1))"),
        ("limit-pbb-rate-max", "pbb_p2.tiers.1.rate.value", "0.5%", None, "PBB-P2 at exactly 0.5% is allowed"),
        ("limit-assessment-ratio-low", "pbb_p2.tiers.0.assessment_ratio.value", "19%", "TAX_RATE_BELOW_MINIMUM", "p below 20% (UU 1/2022 Pasal 40(5))"),
        ("limit-assessment-ratio-20", "pbb_p2.tiers.0.assessment_ratio.value", "20%", None, "p at exactly 20%"),
        ("limit-assessment-ratio-high", "pbb_p2.tiers.0.assessment_ratio.value", "101%", "TAX_RATE_ABOVE_MAXIMUM", "p above 100%"),
        ("limit-food-rate-not-lower", "pbb_p2.tiers.0.food_livestock_rate.value", "0.1%", "TAX_RULESET_INVALID",
         "food-production land must have a lower rate than the tier's (UU 1/2022 Pasal 41(2))"),
        ("limit-njoptkp", "pbb_p2.njoptkp.value", 9_999_999, "TAX_VALUE_BELOW_MINIMUM", "NJOPTKP below Rp10 jt (UU 1/2022 Pasal 40(4))"),
        ("limit-npoptkp-first", "bphtb.npoptkp_first_acquisition.value", 79_999_999, "TAX_VALUE_BELOW_MINIMUM", "NPOPTKP below Rp80 jt (UU 1/2022 Pasal 46(6))"),
        ("limit-npoptkp-inheritance", "bphtb.npoptkp_inheritance.value", 299_999_999, "TAX_VALUE_BELOW_MINIMUM", "inheritance NPOPTKP below Rp300 jt"),
        ("limit-bphtb-rate", "bphtb.rate.value", "5.01%", "TAX_RATE_ABOVE_MAXIMUM", "BPHTB above 5% (UU 1/2022 Pasal 47)"),
        ("limit-pbjt-food", "pbjt.food_beverage.value", "11%", "TAX_RATE_ABOVE_MAXIMUM", "PBJT above 10% (UU 1/2022 Pasal 58(1))"),
        ("limit-entertainment-special-low", "pbjt.entertainment_special.value", "39%", "TAX_RATE_BELOW_MINIMUM", "hiburan khusus below 40% (Pasal 58(2))"),
        ("limit-entertainment-special-high", "pbjt.entertainment_special.value", "76%", "TAX_RATE_ABOVE_MAXIMUM", "hiburan khusus above 75%"),
        ("limit-entertainment-special-75", "pbjt.entertainment_special.value", "75%", None, "hiburan khusus at 75%"),
        ("limit-electricity-industry", "pbjt.electricity_industry.value", "3.5%", "TAX_RATE_ABOVE_MAXIMUM", "industry electricity above 3% (Pasal 58(3))"),
        ("limit-electricity-self", "pbjt.electricity_self_generated.value", "2%", "TAX_RATE_ABOVE_MAXIMUM", "self-generated electricity above 1.5%"),
        ("limit-reklame", "reklame.rate.value", "26%", "TAX_RATE_ABOVE_MAXIMUM", "reklame above 25% (Pasal 64)"),
        ("limit-air-tanah", "air_tanah.rate.value", "21%", "TAX_RATE_ABOVE_MAXIMUM", "air tanah above 20% (Pasal 69)"),
        ("limit-mblb", "mblb.rate.value", "21%", "TAX_RATE_ABOVE_MAXIMUM", "MBLB above 20% (Pasal 74)"),
        ("limit-mblb-opsen", "mblb.opsen_rate.value", "26%", "TAX_RATE_ABOVE_MAXIMUM", "opsen MBLB is 25%"),
        ("limit-walet", "walet.rate.value", "11%", "TAX_RATE_ABOVE_MAXIMUM", "walet above 10% (Pasal 79)"),
        ("limit-opsen-pkb-low", "opsen.pkb_rate.value", "65%", "TAX_RATE_BELOW_MINIMUM", "opsen PKB is 66% (Pasal 83(1))"),
        ("limit-opsen-pkb-high", "opsen.pkb_rate.value", "67%", "TAX_RATE_ABOVE_MAXIMUM", "opsen PKB is 66%"),
        ("limit-opsen-bbnkb-low", "opsen.bbnkb_rate.value", "60%", "TAX_RATE_BELOW_MINIMUM", "opsen BBNKB is 66%"),
        ("limit-max-months", "sanctions.max_months.value", 25, "TAX_VALUE_ABOVE_MAXIMUM", "interest for at most 24 months (PP 35/2023)"),
        ("ruleset-tiers-out-of-order", "pbb_p2.tiers", list(reversed(bangkalan()["pbb_p2"]["tiers"])), "TAX_RULESET_INVALID",
         "NJOP tiers out of order"),
        ("ruleset-end-before-start", "effective_until", "2024-12-31", "TAX_RULESET_INVALID", "a rule set that ends before it starts"),
        ("ruleset-unknown-field", "pbb_p2.cluster", "A", "TAX_RULESET_INVALID", "an unknown field (the removed 'cluster' system)"),
        ("ruleset-rate-without-percent", "reklame.rate.value", "0.25", "TAX_RULESET_INVALID", "a rate without %"),
    ]:
        rule_set = edited(path, value)
        if error:
            calc("ruleset-" + case_id, "a rule set outside the HKPD limits is refused: " + what, pbb_input, rule_set, error=error)
        else:
            # NJOP Rp200 jt falls in the first tier (0.1%); only p of that tier changes it.
            ratio = pct(value) if path == "pbb_p2.tiers.0.assessment_ratio.value" else F(1)
            calc("ruleset-" + case_id, "a rule set at the HKPD limit is accepted: " + what, pbb_input, rule_set,
                 total=F(1, 1000) * ratio * (200_000_000 - 10_000_000))
    overlap = dict(edited("region", "35.27"), id="35.27-2025b", effective_from="2025-06-01")
    calc("ruleset-overlap", "a second Sampang rule set in force on the same days as the built-in one", pbb_input, overlap,
         error="TAX_RULESET_OVERLAP", region="35.27")
    calc("ruleset-not-json-object", "a rule set that is not an object", pbb_input, rules, error="TAX_RULESET_INVALID")
    cases[-1]["input"]["rule_set"] = "35.26-2025"
    return cases


def rules_cases():
    """tax.rules: which rule set is in force, with the spec's values."""
    def values(**sections):
        return {name: {k: {"value": v} for k, v in fields.items()} for name, fields in sections.items()}

    sampang = dict({"id": "35.27-2025", "region": "35.27", "effective_from": "2025-01-01", "effective_until": None,
                    "pbb_p2": {"njoptkp": {"value": 10_000_000}, "tiers": [
                        {"njop_up_to": None, "rate": {"value": "0.1%"}, "food_livestock_rate": {"value": "0.09%"},
                         "assessment_ratio": {"value": "100%"}}]}},
                   **values(
                       bphtb={"rate": "5%", "npoptkp_first_acquisition": 80_000_000, "npoptkp_inheritance": 300_000_000},
                       reklame={"rate": "25%"}, air_tanah={"rate": "20%"}, mblb={"rate": "20%", "opsen_rate": "25%"}, walet={"rate": "10%"},
                       sanctions={"late_payment_monthly": "1%", "own_correction_monthly": "1%", "decision_unpaid_monthly": "0.6%",
                                  "skpdkb_audit_monthly": "1.8%", "skpdkb_ex_officio_monthly": "2.2%", "ex_officio_surcharge_pbjt": "50%",
                                  "ex_officio_surcharge_other": "25%", "skpdkbt_surcharge": "100%", "objection_fine": "30%",
                                  "appeal_fine": "60%", "instalment_monthly": "0.6%", "retribusi_monthly": "1%", "max_months": 24},
                       due_dates={"sppt_months": 6, "skpd_months": 1, "objection_months": 3,
                                  "self_assessed_payment_working_days": 10, "self_assessed_return_working_days": 15}))
    sampang["bphtb"]["mbr_exemption"] = {"income_limit_single": {"value": 7_500_000}, "income_limit_married": {"value": 10_000_000}}
    sampang["opsen"] = {"in_force_from": {"value": "2025-01-05"}, "pkb_rate": {"value": "66%"}, "bbnkb_rate": {"value": "66%"}}
    hkpd = {"id": "HKPD-2024", "region": "HKPD", "effective_from": "2024-01-05",
            "pbb_p2": {"njoptkp": {"value": 10_000_000}, "tiers": [{"njop_up_to": None, "rate": {"value": "0.5%"}}]},
            "pbjt": {"food_beverage": {"value": "10%"}, "entertainment_special": {"value": "75%"},
                     "electricity_industry": {"value": "3%"}, "electricity_self_generated": {"value": "1.5%"}},
            "bphtb": {"rate": {"value": "5%"}, "npoptkp_first_acquisition": {"value": 80_000_000},
                      "npoptkp_inheritance": {"value": 300_000_000}}}
    cases = []
    for date in ("2025-01-01", "2025-06-30", "2026-11-29", "2027-12-31"):
        cases.append(case("rules-sampang-%s" % date, "Sampang's rule set in force on %s, with the spec's values" % date,
                          {"region": "35.27", "date": date}, ok=sampang))
    cases.append(case("rules-hkpd", "the HKPD limits: maximum rates, minimum thresholds", {"region": "HKPD", "date": "2024-01-05"}, ok=hkpd))
    for region, date, what in [("35.27", "2024-12-31", "before Sampang's rule set"), ("HKPD", "2024-01-04", "before UU 1/2022's taxes"),
                               ("35.26", "2025-06-01", "no built-in rule set for Bangkalan")]:
        cases.append(case("rules-none-%s-%s" % (region, date), what, {"region": region, "date": date}, error="TAX_RULESET_NOT_IN_FORCE"))
    cases.append(case("rules-caller-bangkalan", "the caller's own rule set with NJOP tiers",
                      {"region": "35.26", "date": "2025-06-01", "rule_set": bangkalan()},
                      ok={"id": "35.26-2025", "region": "35.26", "pbb_p2": {"tiers": [
                          {"njop_up_to": 1_000_000_000, "rate": {"value": "0.1%"}, "food_livestock_rate": {"value": "0.05%"}},
                          {"njop_up_to": None, "rate": {"value": "0.2%"}, "food_livestock_rate": {"value": "0.075%"}}]}}))
    cases.append(case("rules-caller-invalid", "a caller's rule set above the HKPD limits is refused",
                      {"region": "35.26", "date": "2025-06-01", "rule_set": edited("walet.rate.value", "10.5%")}, error="TAX_RATE_ABOVE_MAXIMUM"))
    cases.append(case("rules-bad-date", "the date is YYYY-MM-DD", {"region": "35.27", "date": "2025-13-01"}, error="CALL_INVALID_INPUT"))
    return cases


def extreme_cases():
    return [
        tax_case("reklame", "overflow-reklame", "overflow is an error, never a wrap (spec: money in integers)",
                 {"date": "2025-06-01", "width_m": "1000000", "height_m": "1000000", "duration_days": 1_000_000,
                  "nsr_per_m2_per_day": 1_000_000_000}, error="TAX_OVERFLOW"),
        tax_case("pbjt", "largest-price", "the largest price: 10% fits",
                 {"date": "2025-06-01", "sub_type": "jasa_parkir", "price": 9_223_372_036_854_775_807},
                 F(9_223_372_036_854_775_807) / 10),
        case("due-date-out-of-range", "a due date after the year 9999", {"region": "35.27", "document": "sppt", "from": "9999-12-01"},
             error="TAX_DATE_OUT_OF_RANGE"),
    ]


KIND_DESCRIPTIONS = {
    "opsen_pkb": "Opsen PKB: the province's PKB + 66%, from 5 January 2025",
    "opsen_bbnkb": "Opsen BBNKB: the province's BBNKB + 66%, from 5 January 2025",
    "late_interest": "Monthly interest for late payment, own correction, unpaid decisions, retribusi, deferment; a started month counts, at most 24",
    "skpdkb": "SKPDKB: shortfall + 1.8% (audit) or 2.2% (ex officio) a month + ex officio surcharge 50% PBJT / 25% others",
    "skpdkbt": "SKPDKBT: the new shortfall + 100% surcharge",
    "dispute_fine": "Fines when an objection (30%) or appeal (60%) is rejected",
    "instalment": "Instalments: 0.6% a month on the unpaid balance, at most 24",
}


def main():
    files = {}
    per_kind = {
        "pbb_p2": ("tax.pbb_p2", "PBB-P2: rate x p x max(0, NJOP - NJOPTKP), Sampang 0.1% / food land 0.09%", BASIS["pbb_p2"], pbb_cases()),
        "bphtb": ("tax.bphtb", "BPHTB: 5% x max(0, max(value, NJOP) - NPOPTKP), NPOPTKP 80 jt / 300 jt, MBR exemption", BASIS["bphtb"], bphtb_cases()),
        "pbjt": ("tax.pbjt", "PBJT: discounts, service charges and the rate of each type", BASIS["pbjt"], pbjt_cases()),
        "opsen": ("tax.opsen", "Opsen PKB and BBNKB: the province's tax + 66%, from 5 January 2025", BASIS["opsen"], opsen_cases()),
        "sanctions": ("tax.sanctions", "PP 35/2023 sanctions: monthly interest (a started month counts), SKPDKB, SKPDKBT, dispute fines, instalments",
                      BASIS["sanctions"], sanction_cases()),
    }
    for name, cases in simple_cases().items():
        per_kind[name] = ("tax." + name, "Pajak %s: base x rate, rounded once per document" % name.replace("_", " "), BASIS[name], cases)
    # One file per tax function `tax.<kind>`: the request without its `kind`.
    by_kind = {}
    for _, (_, description, basis, cases) in per_kind.items():
        for c in cases:
            kind = c["input"]["kind"]
            entry = by_kind.setdefault(kind, (description, basis, []))
            entry[2].append(dict(c, input={k: v for k, v in c["input"].items() if k != "kind"}))
    for kind, (description, basis, cases) in by_kind.items():
        if kind in KIND_DESCRIPTIONS:
            description = KIND_DESCRIPTIONS[kind]
        files["tax/%s.json" % kind.replace("_", "-")] = render("tax." + kind, "tax." + kind, description, basis, cases, GENERATOR)
    files["tax/due-dates.json"] = render("tax.due_dates", "tax.due",
                                         "Due dates: months after the SPPT/SKPD/assessment; working days after a self-assessed tax period (holiday calendar 2024-2027)",
                                         BASIS["due"], due_cases(), GENERATOR)
    files["tax/rule-sets.json"] = render("tax.rule_sets", "tax.calculate",
                                         "A regency's own rule set (NJOP tiers, minimum bill) and the HKPD limits every rule set must keep",
                                         ["UU 1/2022 Pasal 40-83 (maxima and minima)", "Perda Kab. Bangkalan 1/2024 (tiers)"],
                                         rule_set_cases(), GENERATOR)
    files["tax/rules.json"] = render("tax.rules", "tax.rules", "The rule set in force for a region and date, with the spec's values",
                                     ["Perda Kab. Sampang 1/2024 jo. 3/2025", "UU 1/2022", "PP 35/2023"], rules_cases(), GENERATOR)
    files["tax/extremes.json"] = render("tax.extremes", "tax.calculate", "Arithmetic limits: overflow is an error, large values stay exact",
                                        ["spec/local-tax.md (principles: overflow is an error)"],
                                        [c for c in extreme_cases() if not c["id"].startswith("due-")], GENERATOR)
    files["tax/due-extremes.json"] = render("tax.due_dates", "tax.due", "Due dates beyond the supported years",
                                            BASIS["due"], [c for c in extreme_cases() if c["id"].startswith("due-")], GENERATOR)
    return write_all(files, "--check" in sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
