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
  calculatePbbP2,
  calculatePbjt,
  calculateTax,
  taxRules,
  taxDue,
  addWorkingDays,
  workingDaysBetween,
  isWorkingDay,
  nextWorkingDay,
  searchComplaintCategories,
  routeComplaint,
  validateComplaint,
  complaintTransition,
  applyComplaintEvents,
  complaintSla,
  findDuplicateComplaints,
  open311Services,
  open311ServiceDefinition,
  type TaxPbjtOutput,
  type TaxPbbP2Input,
  type Rupiah,
  type CalendarAddWorkingDaysOutput,
  type ComplaintValidateOutput,
  type Open311Service,
} from "kotacerdas";

await init();
setLanguage("en");

const nik: NikInfo = parseNik("3527014501900001", { referenceDate: "2026-11-29" });
const sex: "male" | "female" = nik.sex;
const district: string | null = nik.district?.name ?? null;
const code: NikErrorCode | null = validateNik("1234");
const batch: NikBatchResult = validateNiks(["3527014501900001", "x"]);
const firstError: number = batch.error[0];
const fromBytes: NikBatchResult = validateNiks(new TextEncoder().encode("3527014501900001\n"));
const sampang: RegionInfo = lookupRegion("35.27");
const hitName: string = searchRegions("sreseh", 3)[0].region.name;
const raw: unknown = call("nik.parse", { nik: "3527014501900001", reference_date: "2026-11-29" });

// Taxes: rupiah amounts are exact (bigint in, and out beyond Number.MAX_SAFE_INTEGER).
const pbjt: TaxPbjtOutput = calculatePbjt({
  region: "35.27",
  input: { date: "2025-05-01", sub_type: "makanan_minuman", price: 100000n, discount: "20%" },
});
const amount: Rupiah = pbjt.amount;
const exact: string = pbjt.exact_amount;
const stepResult: string = pbjt.breakdown[0].result;
const pbbInput: TaxPbbP2Input = { region: "35.27", input: { tax_year: 2025, land_area_m2: 120, land_njop_per_m2: 150000 } };
const pbbAmount: Rupiah = calculatePbbP2(pbbInput).amount;
const anyKind = calculateTax({ kind: "pbjt", region: "35.27", input: { date: "2025-05-01", sub_type: "jasa_parkir", price: 5000 } });
const rules = taxRules({ region: "35.27", date: "2025-06-01" });
const due = taxDue({ region: "35.27", document: "sppt", from: "2025-06-01" });
// Calendar and complaints.
const deadline: CalendarAddWorkingDaysOutput = addWorkingDays({ date: "2026-12-24", n: 3 });
const between = workingDaysBetween({ start: "2026-12-01", end: "2026-12-31" });
const working = isWorkingDay({ date: "2026-12-25" });
const next = nextWorkingDay({ date: "2026-12-25" });
const hits = searchComplaintCategories({ text: "jalan rusak", limit: 3 });
const route = routeComplaint({ category: "infrastruktur.jalan" });
const validation: ComplaintValidateOutput = validateComplaint({ draft: {}, now: "2026-11-29T09:00:00+07:00" });
const services: Open311Service[] = open311Services();
const definition = open311ServiceDefinition(services[0].service_code);
console.log(amount, exact, stepResult, pbbAmount, anyKind, rules, due, deadline, between, working, next, hits, route, validation, definition);
console.log(complaintTransition, applyComplaintEvents, complaintSla, findDuplicateComplaints);

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

// @ts-expect-error: tax inputs are checked (unknown field)
calculatePbjt({ region: "35.27", input: { date: "2025-05-01", sub_type: "jasa_parkir", prise: 1 } });
// @ts-expect-error: a rupiah amount is not a string
const wrongAmount: string = pbjt.amount;
console.log(wrongAmount);

console.log(fromBytes);
console.log(sex, district, code, firstError, hitName, raw, wrong, level);
