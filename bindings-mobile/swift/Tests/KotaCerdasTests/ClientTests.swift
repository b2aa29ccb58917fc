import Foundation
import XCTest
@testable import KotaCerdas

/// The API client and the outbox (async) without a server: a draft is stored first, a sync with
/// no server keeps it pending with a typed NETWORK reason. (The server scenarios run in Kotlin
/// and Python on every CI run; this machine class has no Swift.)
final class ClientTests: XCTestCase {
    let draft = """
        {"kind": "pengaduan", "category": "INFRA.DRAINASE", "title": "Saluran tersumbat",
         "description": "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan",
         "location": {"lat": -7.19, "lon": 113.24}, "reporter": {"phone": "081234567890"}}
        """

    func testOutboxKeepsTheDraftWhenThereIsNoServer() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outbox = try ReportOutbox.open(path: folder.appendingPathComponent("outbox.db").path)
        let item = try await outbox.add(draftJson: draft)
        XCTAssertEqual(item.status, .pending)
        XCTAssertEqual(item.title, "Saluran tersumbat")
        let client = try ApiClient(
            baseUrl: "http://127.0.0.1:9",
            options: ClientOptions(timeoutMs: 2000, retryAttempts: 1)
        )
        let report = try await outbox.sync(client: client)
        XCTAssertEqual(report.stoppedBy?.code, "NETWORK")
        XCTAssertEqual(report.remaining, 1)
        let pending = try await outbox.pendingCount()
        XCTAssertEqual(pending, 1)
        do {
            _ = try await client.rules()
            XCTFail("expected a network error")
        } catch let ClientError.Network(code, status, _, messageId, _, _) {
            XCTAssertEqual(code, "NETWORK")
            XCTAssertEqual(status, 0)
            XCTAssertFalse(messageId.isEmpty)
        }
        do {
            _ = try await outbox.add(draftJson: "[1]")
            XCTFail("expected an argument error")
        } catch let ClientError.InvalidArgument(code, _, _, _, _, _) {
            XCTAssertEqual(code, "COMPLAINT_DRAFT_MALFORMED")
        }
    }
}
