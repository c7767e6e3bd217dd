package import CarePlanCore
package import Foundation

/// The ways a plan is written out, shared by the shell's `export` and `careplan export`.
package enum PlanExportFormat: String, Vocabulary {
    case json, text, markdown, html, fhir

    /// The format a file name asks for: `.json`, `.txt`, `.md`, `.html`; nil for a name with
    /// no extension (the caller's default applies).
    /// - Throws: for any other extension, so `plan.pdf` is never silently written as JSON.
    package static func guess(fromFileName path: String) throws(ShellError) -> PlanExportFormat? {
        let ext = FilePathText.fileExtension(of: path).lowercased()
        switch ext {
        case "": return nil
        case "json": return .json
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        default:
            throw ShellError(
                "cannot write .\(TerminalSafe.sanitize(String(ext.prefix(12)))) files; "
                    + "name the file .json, .txt, .md or .html, or give --format (json, text, markdown, html, fhir)")
        }
    }

    /// What to tell the user before `plan` leaves careplan in this format, or nil. Plan JSON
    /// and FHIR go to other services: when the person declined or limited consent to share,
    /// the user is reminded of it (the person's own document is theirs, so it needs none).
    package func sharingCaution(for plan: Plan) -> String? {
        guard self == .json || self == .fhir, let consent = plan.consent else { return nil }
        switch consent.status {
        case .given:
            return nil
        case .declined:
            return "\(plan.id): the person declined consent to share (recorded \(consent.recordedOn)); "
                + "send this only on another lawful basis, and record it"
        case .limited:
            let scope = consent.scope.map { ": \(TerminalSafe.sanitize($0))" } ?? ""
            return "\(plan.id): consent to share is limited (recorded \(consent.recordedOn))\(scope)"
        }
    }

    /// Why a plan cannot be written in this format with these settings, or nil. FHIR is
    /// written only once the PCN has said where careplan's FHIR definitions are published:
    /// a receiving system resolves careplan's extension URLs there.
    package func refusal(plugins: PluginHost) -> String? {
        guard self == .fhir, plugins.settings.fhirBase == nil else { return nil }
        return "FHIR is written only once your PCN sets CAREPLAN_FHIR_BASE, the https address where it publishes "
            + "careplan's FHIR definitions (careplan fhir-definitions writes them; see docs/fhir.md)"
    }

    /// `plan` in this format. Text, Markdown and HTML are the person's own document.
    package func render(_ plan: Plan, plugins: PluginHost, today: CalendarDate, showIDs: Bool = false, largePrint: Bool = false) -> Data {
        switch self {
        case .json:
            return PlanJSON.encode(plan)
        case .fhir:
            return PlanJSON.encode(FHIRExporter(plugins: plugins).bundle(for: plan))
        case .text, .markdown, .html:
            let format: PlanDocument.Format = self == .text ? .text : self == .markdown ? .markdown : .html
            let document = PlanDocument(
                format: format, width: 80, showIDs: showIDs,
                contributions: plugins.registrar.personDocumentContributions, today: today,
                largePrint: largePrint)
            return Data(document.render(plan).utf8)
        }
    }
}
