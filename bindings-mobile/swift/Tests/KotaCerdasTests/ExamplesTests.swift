import XCTest
@testable import KotaCerdas

/// Runs examples/swift/NikField.swift (linked into this target as NikFieldExample.swift).
final class ExamplesTests: XCTestCase {
    func testNikFieldExample() {
        let fixed = NikOptions(referenceDate: "2026-11-29")
        XCTAssertEqual(nikFieldState("  ", options: fixed), .empty)
        XCTAssertEqual(
            nikFieldState("3527.01.450190.0001", options: fixed),
            .valid(masked: "352701**********", district: "Sreseh", birthDate: "1990-01-05")
        )
        guard case let .invalid(code, _) = nikFieldState("3527014501900000", options: fixed) else {
            return XCTFail("a serial 0000 must be refused")
        }
        XCTAssertEqual(code, "NIK_INVALID_SERIAL")
    }
}
