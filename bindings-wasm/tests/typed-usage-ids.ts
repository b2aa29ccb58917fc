// A typed program against the declarations of `kotacerdas/ids` (checked by `tsc --noEmit` with
// typed-usage.ts): the same types as the main entry, one KotaCerdasError type for both, and no
// rules in this entry.
import * as ids from "kotacerdas/ids";
import {
  init,
  parseNik,
  validateNik,
  validateNiks,
  lookupRegion,
  regionChildren,
  searchRegions,
  regionDecree,
  parseKk,
  parseNop,
  parseNpwp,
  parseNib,
  normalizePhone,
  setLanguage,
  getLanguage,
  errorCodes,
  KotaCerdasError,
  type NikInfo,
  type NikBatchResult,
  type NikErrorCode,
  type RegionInfo,
  type Language,
} from "kotacerdas/ids";
import * as main from "kotacerdas";

await init();
setLanguage("en");
const language: Language = getLanguage();
const nik: NikInfo = parseNik("3527014501900001", { referenceDate: "2026-11-29" });
// The records are the main entry's types.
const same: main.NikInfo = nik;
const code: NikErrorCode | null = validateNik("1234");
const batch: NikBatchResult = validateNiks("3527014501900001\nx\n");
const sampang: RegionInfo = lookupRegion("35.27");
const districts: RegionInfo[] = regionChildren("35.27");
const hitName: string = searchRegions("sreseh", 3)[0].region.name;
const decree: string = regionDecree().name;
const kk: string = parseKk("3527010101200001").masked;
const nop: string = parseNop("352701000100100100").formatted;
const npwp: boolean = parseNpwp("01.451.869.0-054.000").personal;
const nib: string = parseNib("1234567890123").nib;
const phone: string = normalizePhone("0812-3456-7890").e164;
const codes: Record<string, string[]> = errorCodes();

try {
  parseNik("1234");
} catch (error) {
  if (error instanceof KotaCerdasError) {
    // One class for the whole package: an error of this entry is the main entry's type.
    const fromMain: main.KotaCerdasError = error;
    console.log(fromMain.code, error.messages.id);
  }
}

// @ts-expect-error: no `call` in kotacerdas/ids (the JSON API and its rules are in kotacerdas)
ids.call("nik.parse", {});
// @ts-expect-error: no tax rules in kotacerdas/ids
ids.calculatePbjt({ region: "35.27", input: { date: "2025-05-01", sub_type: "jasa_parkir", price: 1 } });
// @ts-expect-error: options are checked
parseNik("3527014501900001", { referenceDat: "2026-11-29" });
// @ts-expect-error: the result is typed, not any
const wrong: number = nik.birthDate;

console.log(language, same, code, batch, sampang, districts, hitName, decree, kk, nop, npwp, nib, phone, codes, wrong);
