import XCTest
@testable import KotaCerdas

final class IdiomaticTests: XCTestCase {
    let fixed = NikOptions(referenceDate: "2026-11-29")

    func testNikIsMaskedWhenPrinted() throws {
        let nik = try Nik.parse(nik: "3527 01 450190 0001", options: fixed)
        XCTAssertEqual("\(nik)", "352701**********")
        XCTAssertEqual(nik.reveal(), "3527014501900001")
        let details = nik.details()
        XCTAssertEqual(details.kind, .nik)
        XCTAssertEqual(details.sex, .female)
        XCTAssertEqual(details.birthDate, "1990-01-05")
        XCTAssertEqual(details.district?.name, "Sreseh")
        XCTAssertEqual(nik, try Nik.parse(nik: "3527014501900001", options: fixed))
    }

    func testErrorsCarryCodeFieldsAndMessages() {
        XCTAssertThrowsError(try Nik.parse(nik: "1234", options: fixed)) { error in
            guard case let NikError.Invalid(code, fields, messageId, messageEn) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(code, "NIK_INVALID_LENGTH")
            XCTAssertEqual(fields, ["found": "4"])
            XCTAssertEqual(messageId, "NIK harus 16 digit, ditemukan 4 digit")
            XCTAssertEqual(messageEn, "A NIK has 16 digits, found 4")
        }
    }

    func testHostileInputsThrowTypedErrors() {
        XCTAssertThrowsError(try Nik.parse(nik: "", options: fixed)) { XCTAssertTrue($0 is NikError) }
        XCTAssertThrowsError(try Nik.parse(nik: String(repeating: "9", count: 1_000_000), options: fixed)) {
            XCTAssertTrue($0 is NikError)
        }
        XCTAssertThrowsError(try call(function: "nik.parse", inputJson: "{")) { XCTAssertTrue($0 is CallError) }
    }

    func testRegionsAndBatch() throws {
        XCTAssertEqual(try regionLookup(code: "35.27").name, "Kabupaten Sampang")
        XCTAssertEqual(try regionChildren(code: "35.27").count, 14)
        let batch = try validateNikLines(text: "3527014501900001\n1234\n", options: fixed)
        XCTAssertEqual(batch.valid, 1)
        XCTAssertEqual(batch.errorCodes[Int(batch.errors[1]) - 1], "NIK_INVALID_LENGTH")
    }
}
