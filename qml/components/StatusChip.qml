import QtQuick
import QtQuick.Controls
import Fieldbook

// A small rounded label for a state: overdue, due, waiting, held, refused.
Rectangle {
    id: root

    property alias text: label.text
    property string tone: "muted" // good, warning, bad, muted

    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 6
    radius: height / 2
    color: tone === "good" ? Theme.goodSurface : tone === "warning" ? Theme.warningSurface
           : tone === "bad" ? Theme.badSurface : Qt.rgba(0.5, 0.5, 0.5, 0.15)
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: label
        anchors.centerIn: parent
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        color: root.tone === "good" ? Theme.good : root.tone === "warning" ? Theme.warning
               : root.tone === "bad" ? Theme.bad : Theme.muted
    }
}
