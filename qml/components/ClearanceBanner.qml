import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// "Cleared to contact Irina" in green, or "Not cleared: ..." in red, with an icon that does not
// rely on colour alone.
Pane {
    id: root

    property bool cleared
    property string text

    padding: Theme.spacing
    Material.background: cleared ? Theme.goodSurface : Theme.badSurface
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            text: root.cleared ? "✓" : "✕"
            font.pixelSize: 22
            font.bold: true
            color: root.cleared ? Theme.good : Theme.bad
            Accessible.ignored: true
        }
        Label {
            Layout.fillWidth: true
            text: root.text
            wrapMode: Text.Wrap
            font.bold: true
            color: root.cleared ? Theme.good : Theme.bad
        }
    }
}
