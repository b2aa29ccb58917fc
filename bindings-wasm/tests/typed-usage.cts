// The CommonJS view of the declarations (index.d.cts and ids.d.cts, via the "require"
// condition): the same types for `require("kotacerdas")` and `require("kotacerdas/ids")`
// consumers. Checked by `tsc --noEmit` with typed-usage.ts.
import kc = require("kotacerdas");
import ids = require("kotacerdas/ids");

const nik: kc.NikInfo = kc.parseNik("3527014501900001", { referenceDate: "2026-11-29" });
const amount: kc.Rupiah = kc.calculatePbjt({
  region: "35.27",
  input: { date: "2025-05-01", sub_type: "makanan_minuman", price: 100000 },
}).amount;
const days: kc.CalendarAddWorkingDaysOutput = kc.addWorkingDays({ date: "2026-12-24", n: 3 });

const light: kc.NikInfo = ids.parseNik("3527014501900001", { referenceDate: "2026-11-29" });

try {
  ids.parseNik("1234");
} catch (error) {
  if (error instanceof kc.KotaCerdasError) console.log(error.code);
  if (error instanceof ids.KotaCerdasError) console.log(error.messages.en);
}

// @ts-expect-error: the result is typed, not any
const wrong: number = nik.birthDate;

console.log(nik, amount, days, wrong, light);
