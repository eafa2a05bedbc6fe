import Foundation
import Testing

@testable import Reporting

@Suite struct SampleReportTests {
    @Test func sampleReportIsWellFormedAndInert() throws {
        let page = SampleReport.page()
        let inspector = MarkupInspector(page)

        #expect(inspector.isWellFormed, "\(String(describing: inspector.parseError))")
        #expect(inspector.activeContent.isEmpty)
        #expect(!page.contains("<script"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(inspector.elementNames.filter { $0 == "svg" }.count == 5)
        // A 20-year daily report with five charts stays well under a megabyte.
        #expect(page.utf8.count < 400_000)
    }

    /// Writes the page where `WALKFORWARD_SAMPLE_REPORT` points, for a look in a browser:
    /// `WALKFORWARD_SAMPLE_REPORT=/tmp/sample.html swift test --filter SampleReportTests`.
    @Test func sampleReportIsWrittenWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["WALKFORWARD_SAMPLE_REPORT"] else {
            return
        }
        try SampleReport.page().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
