import Foundation
import XCTest
@testable import KotaCerdas

/// Every case of every file in conformance/vectors through the generic `call`, with the rule
/// of `kotacerdas conformance run`: expected `ok` fields are a subset at any depth; a list of
/// plain values holds the same elements in any order; any other list has the same length and
/// is compared element by element; an expected error matches by code.
final class ConformanceTests: XCTestCase {
    static let vectors = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../../conformance/vectors").standardized

    func testEveryVector() throws {
        let files = FileManager.default.enumerator(at: Self.vectors, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        XCTAssertFalse(files.isEmpty, "no vector files under \(Self.vectors.path)")
        var checked = 0
        for file in files {
            let suite = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            let function = suite["function"] as! String
            for case let testCase as [String: Any] in suite["cases"] as! [Any] {
                let id = "\(file.lastPathComponent): \(testCase["id"]!)"
                let input = String(data: try JSONSerialization.data(withJSONObject: testCase["input"]!), encoding: .utf8)!
                let expected = testCase["expected"] as! [String: Any]
                do {
                    let output = try call(function: function, inputJson: input)
                    guard let want = expected["ok"] else {
                        XCTFail("\(id): expected error \(expected["error"]!), got \(output)"); continue
                    }
                    let have = try JSONSerialization.jsonObject(with: Data(output.utf8))
                    var differences: [String] = []
                    subset(want, have, "", &differences)
                    XCTAssert(differences.isEmpty, "\(id):\n" + differences.joined(separator: "\n"))
                } catch let error as CallError {
                    let want = (expected["error"] as? [String: Any])?["code"] as? String
                    XCTAssertEqual(want, code(of: error), id)
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 0)
    }

    private func code(of error: CallError) -> String {
        switch error {
        case let .UnknownFunction(code, _, _, _), let .InvalidInput(code, _, _, _), let .Rejected(code, _, _, _):
            return code
        }
    }

    private func subset(_ want: Any, _ have: Any, _ path: String, _ differences: inout [String]) {
        if let want = want as? [String: Any], let have = have as? [String: Any] {
            for (key, value) in want {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let actual = have[key] { subset(value, actual, child, &differences) }
                else { differences.append("\(child): expected \(value), missing") }
            }
        } else if let want = want as? [Any], let have = have as? [Any], want.allSatisfy({ !($0 is [Any] || $0 is [String: Any]) }) {
            var unused = have
            let all = want.allSatisfy { w in
                guard let i = unused.firstIndex(where: { same(w, $0) }) else { return false }
                unused.remove(at: i)
                return true
            }
            if !all || !unused.isEmpty { differences.append("\(path): expected \(want) (in any order), got \(have)") }
        } else if let want = want as? [Any], let have = have as? [Any], want.count == have.count {
            for (index, pair) in zip(want, have).enumerated() { subset(pair.0, pair.1, "\(path)[\(index)]", &differences) }
        } else if !same(want, have) {
            differences.append("\(path.isEmpty ? "(result)" : path): expected \(want), got \(have)")
        }
    }

    private func same(_ a: Any, _ b: Any) -> Bool {
        return (a as? NSObject)?.isEqual(b) ?? (a is NSNull && b is NSNull)
    }
}
