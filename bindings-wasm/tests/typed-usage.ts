// A typed program against the package's declarations: `tsc --noEmit` must accept it (the
// types test runs it), and the @ts-expect-error lines prove the types are not `any`.
import {
  init,
  parseNik,
  validateNik,
  validateNiks,
  lookupRegion,
  searchRegions,
  call,
  setLanguage,
  KotaCerdasError,
  type NikInfo,
  type NikBatchResult,
  type NikErrorCode,
  type RegionInfo,
} from "kotacerdas";

await init();
setLanguage("en");

const nik: NikInfo = parseNik("3527014501900001", { referenceDate: "2026-11-29" });
const sex: "male" | "female" = nik.sex;
const district: string | null = nik.district?.name ?? null;
const code: NikErrorCode | null = validateNik("1234");
const batch: NikBatchResult = validateNiks(["3527014501900001", "x"]);
const firstError: number = batch.error[0];
const sampang: RegionInfo = lookupRegion("35.27");
const hitName: string = searchRegions("sreseh", 3)[0].region.name;
const raw: unknown = call("nik.parse", { nik: "3527014501900001", reference_date: "2026-11-29" });

try {
  parseNik("1234");
} catch (error) {
  if (error instanceof KotaCerdasError) {
    const stable: string = error.code;
    const found: string | undefined = error.fields["found"];
    const english: string = error.messages.en;
    console.log(stable, found, english);
  }
}

// @ts-expect-error: the result is typed, not any
const wrong: number = nik.birthDate;
// @ts-expect-error: options are checked
parseNik("3527014501900001", { referenceDat: "2026-11-29" });
// @ts-expect-error: only "id" and "en"
setLanguage("fr");
// @ts-expect-error: function names are a union
call("nik.parze", {});
// @ts-expect-error: levels are a union
const level: "kecamatan" = sampang.level;

console.log(sex, district, code, firstError, hitName, raw, wrong, level);
