/// A complete, self-contained HTML page: inline CSS, inline SVG, and no network access.
///
/// The page carries a Content-Security-Policy that forbids scripts and every outside resource,
/// so even a mistake elsewhere cannot make a report phone home or run code. Void elements are
/// self-closed, which keeps the page well-formed XML as well as valid HTML and lets tests check
/// it with an XML parser.
public struct HTMLDocument: Sendable {
    /// The page title shown in the browser tab; escaped when rendered.
    public var title: String
    /// The contents of `<body>`.
    public var body: TrustedHTML
    /// The style sheet, inlined into `<head>`.
    public var styleSheet: String

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - title: Page title; escaped when rendered.
    ///   - body: The body markup.
    ///   - styleSheet: CSS to inline; it must not contain `<` or `&`, which would end the style
    ///     element early or break XML parsing.
    public init(title: String, body: TrustedHTML, styleSheet: String = ReportStyle.css) {
        precondition(
            !styleSheet.contains("<") && !styleSheet.contains("&"),
            "a report style sheet must not contain < or &")
        self.title = title
        self.body = body
        self.styleSheet = styleSheet
    }

    /// The policy allows inline styles and data-URI images and nothing else.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        + "form-action 'none'"

    /// Renders the page, starting with the doctype.
    public func render() -> String {
        let style = TrustedHTML(uncheckedMarkup: styleSheet)
        let page: TrustedHTML = """
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8" />
            <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(title)</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """
        return page.markup
    }
}
