import Foundation
import Testing

/// docs/core.md shows a whole kind file as the example of a trajectory kind: it must be the file in the tree.
@Suite("docs/core.md: the trajectory-kind example is the kind file as it stands")
struct CoreDocumentationTests {
    @Test("The Swift block of \"Adding a trajectory kind\" is DLNGFLossMonotoneKind.swift, with its line count (≤ 80)")
    func exampleIsTheFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("docs/core.md"), encoding: .utf8)
        let file = try String(contentsOf: root.appendingPathComponent(
            "Sources/Claims/Kinds/DeepLinear/DLNGFLossMonotoneKind.swift"), encoding: .utf8)
        let lines = file.filter { $0 == "\n" }.count
        #expect(page.contains("```swift\n" + file + "```"))
        #expect(page.contains("DLNGFLossMonotoneKind.swift` as it stands in the tree (\(lines) lines)"))
        #expect(lines <= 80)
    }
}
