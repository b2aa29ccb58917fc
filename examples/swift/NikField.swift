// Example for iOS apps: the check behind a NIK text field, with the same rules as every other
// kotacerdas channel. Show only the masked form: a NIK is personal data (UU 27/2022).
//
// Copy into an app that depends on the KotaCerdas package (see docs/ios.md). In this repository
// the file is compiled into the Swift test target (a symlink) and run by ExamplesTests where
// Swift exists (not on the Linux build machine, which has no Swift compiler).
import Foundation
import KotaCerdas

/// What the field shows under the text the citizen typed.
enum NikFieldState: Equatable {
    case empty
    case valid(masked: String, district: String?, birthDate: String)
    case invalid(code: String, message: String)
}

func nikFieldState(_ text: String, options: NikOptions = NikOptions()) -> NikFieldState {
    if text.trimmingCharacters(in: .whitespaces).isEmpty { return .empty }
    do {
        let details = try Nik.parse(nik: text, options: options).details()
        return .valid(masked: details.masked, district: details.district?.name, birthDate: details.birthDate)
    } catch let NikError.Invalid(code, _, messageId, _) {
        return .invalid(code: code, message: messageId) // Indonesian; messageEn for English
    } catch {
        return .invalid(code: "UNEXPECTED", message: "\(error)")
    }
}
