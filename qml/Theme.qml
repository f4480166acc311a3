pragma Singleton
import QtQuick
import Fieldbook

// Sizes and colours shared by every screen: large touch targets, readable in daylight, and the
// same palette in light and dark mode (Material picks the surface colours from the system).
// Every font size is a factor of baseFontSize: the phone's own text size times the person's text
// size setting, so that nothing is a fixed number of pixels.
QtObject {
    id: root

    property bool dark: false // set by Main.qml from the window's Material theme
    readonly property color primary: "#1f5f8b"
    readonly property color accent: "#e07a1f"
    readonly property color good: dark ? "#7fd18b" : "#1b7a3a"
    readonly property color warning: dark ? "#ffcc66" : "#9a5b00"
    readonly property color bad: dark ? "#ff8a80" : "#b3261e"
    readonly property color muted: dark ? "#b0b7bf" : "#5f6368"
    readonly property color card: dark ? "#262a2f" : "#ffffff"
    readonly property color page: dark ? "#16191c" : "#f3f5f7"
    readonly property color goodSurface: dark ? "#1d3a25" : "#e3f4e7"
    readonly property color badSurface: dark ? "#4a1f1c" : "#fbe4e2"
    readonly property color warningSurface: dark ? "#43361a" : "#fff1d6"

    readonly property real baseFontSize: AppSettings.baseFontPixelSize
    // The smallest thing a thumb must hit; it grows with the text so that a label still fits.
    readonly property int touch: Math.max(48, Math.round(root.baseFontSize * 2.6))
    readonly property int spacing: 12
    readonly property int margin: 16
    readonly property int radius: 12
    // Secondary lines: a step below the body text, so they still grow when a person enlarges text.
    readonly property real smallFontSize: root.fontSize(0.875)

    function fontSize(factor) {
        return Math.round(root.baseFontSize * factor)
    }
}
