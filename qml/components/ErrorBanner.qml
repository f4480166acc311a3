import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The one place where an error reaches a person: the latest message from ErrorChannel, with a
// button to dismiss it. Reads as an alert to screen readers.
Pane {
    id: root

    visible: ErrorChannel.active
    // Takes no room while hidden: the pages end where it begins.
    height: visible ? implicitHeight : 0
    padding: Theme.spacing
    Material.elevation: 6
    Material.background: ErrorChannel.kind === "error" ? Theme.badSurface
                         : ErrorChannel.kind === "warning" ? Theme.warningSurface : Theme.goodSurface
    Accessible.role: Accessible.AlertMessage
    Accessible.name: ErrorChannel.message

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: ErrorChannel.message
            wrapMode: Text.Wrap
            color: ErrorChannel.kind === "error" ? Theme.bad
                   : ErrorChannel.kind === "warning" ? Theme.warning : Theme.good
        }
        ToolButton {
            text: qsTr("OK")
            Layout.preferredHeight: Theme.touch
            Layout.preferredWidth: Theme.touch
            Accessible.name: qsTr("Dismiss message")
            onClicked: ErrorChannel.dismiss()
        }
    }
}
